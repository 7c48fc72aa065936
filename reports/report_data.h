// What a monthly or self-inspection report is computed from: plain values, gathered from the
// store and the configuration by report_load.h, or built by hand in tests.
//
// The findings (docs/codes.md) are the one source every report can rely on. The optional
// parts carry what later check families store in tables of their own; when present they
// make verdicts and indices exact, when absent the report derives what it can from the
// findings (docs/indices.md says how, for each number):
//   - `columns`: freshness's per-run column history (one ColumnStat per column of the site);
//   - `interaction`: reply rate, reply time, interviews and solicitations of the month;
//   - `probes`: the daemon's availability probes of the homepage over the month.
// Plain values; any thread.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/indices.h"
#include "config/maintenance.h"
#include "config/report.h"
#include "store/store.h"

namespace sitepatrol::reports {

struct SiteInfo {
  std::string id;
  std::string name;
  std::string url;
  std::string category = "local";  // local | ministry | ministry_unit | maritime
  std::string unit;                // responsible unit; "" groups under "(未填写)" / "(none)"
  config::IndexBaseline baseline;  // baseline_* from the configuration
  // Column list-page URL -> column class, from the configured [[site.column]]s; used to tell a
  // stale news/notice/policy column from others when no ColumnStat says so.
  std::map<std::string, std::string> column_classes;
};

// One column as the freshness checks saw it at the end of the month.
struct ColumnStat {
  std::string key;              // column key of docs/codes.md ("" when not a required one)
  std::string name;             // as the site titles it
  std::string url;              // list page
  std::string column_class;     // news | notice | policy | ...
  std::optional<int> age_days;  // days since its newest entry; nullopt: no dated entry
  bool stale = false;
  bool empty = false;
};

struct InteractionStats {
  int messages = 0;  // public messages (留言) posted in the last year
  int answered = 0;  // of them, answered
  std::optional<double> mean_reply_days;
  int interviews_this_year = 0;
  int solicitations = 0;  // opinion solicitations this year
  int solicitations_with_feedback = 0;
};

struct ProbeAvailability {
  int probes = 0;
  int failed = 0;
};

// A finding a run of the month resolved (and that has not come back by the month's end).
struct ResolvedFinding {
  store::FindingRow row;    // status "resolved", last_seen = its last sighting
  std::string resolved_at;  // finished_at of the run that resolved it
};

// One site in one month.
struct SiteMonth {
  SiteInfo site;
  int runs = 0;       // finished runs of the month that covered the site
  int runs_down = 0;  // of them, runs that raised AVAIL-DOWN
  int pages = 0;      // in the month's last run
  int links_checked = 0;
  int attachments = 0;
  int attachments_failed = 0;
  std::string last_run_at;  // started_at of the month's last run ("" when none)
  // How completely the month's last run examined the site (issue 11): a site it could not
  // check keeps its earlier findings, unverified, and gets no indices.
  store::SiteCoverage coverage;
  std::vector<store::FindingRow> current;  // new and open at the month's last run
  // New and open ones a human review sets aside (store/review.h): listed, marked, but out
  // of the verdicts, indices and counts.
  std::vector<store::FindingRow> reviewed;
  std::vector<ResolvedFinding> resolved;
  std::optional<std::vector<ColumnStat>> columns;
  std::optional<InteractionStats> interaction;
  std::optional<ProbeAvailability> probes;
  // The site's maintenance windows that overlap the month (local time, config/maintenance.h):
  // probes in them did not count, alerts were held, patrols saw the site in maintenance.
  std::vector<config::MaintenanceSpan> maintenance;
};

struct MonthData {
  std::string month;  // YYYY-MM
  int runs = 0;
  std::vector<SiteMonth> sites;  // configured sites the month's runs covered
};

struct ReportData {
  std::string generated_at;           // RFC 3339 UTC
  std::string lang = "zh";            // zh | en
  std::optional<std::string> site;    // set: a self-inspection report of this site
  MonthData month;                    // the month reported
  std::optional<MonthData> previous;  // the month before, when it has runs
  std::optional<MonthData> year_ago;  // the same month a year earlier (index baselines)
  std::vector<MonthData> history;     // earlier months with runs, oldest first (trends)
  config::IndicesConfig weights;
  config::ReportConfig notice;  // [report]: issuer, recipients, deadlines, time zone
};

}  // namespace sitepatrol::reports
