// The computed report: everything the monthly notification and the self-inspection report
// show, worked out once from ReportData (report_data.h) so that every format (html, md, csv,
// json) shows the same numbers. Renderers only lay it out.
//
// Ordering is deterministic (golden tests depend on it): sites in configuration order,
// findings by severity (critical first), code, subject; the ranking within a unit by verdict
// (passing sites first), score (higher first), then site id.
// Pure functions; any thread.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "reports/calendar.h"
#include "reports/indices.h"
#include "reports/report_data.h"
#include "reports/report_terms.h"
#include "reports/verdicts.h"

namespace sitepatrol::reports {

inline constexpr std::size_t kWorstLinks = 20;  // broken links listed per site

struct CodeCount {
  std::string code;
  checks::Severity severity = checks::Severity::error;
  int count = 0;
};

// One line of rectification (整改) tracking.
struct RectificationItem {
  store::FindingRow row;
  std::string state;        // new (first seen this month) | open | resolved
  int days_open = 0;        // first sighting to the month's last run, or to its resolution
  std::string resolved_at;  // "" unless resolved
  // 整改期限 of a finding still open: [report] deadline_working_days working days after the
  // local date it was first seen; overdue when the report's date is past it.
  std::optional<Date> due;
  bool overdue = false;
};

struct SiteReport {
  SiteMonth data;
  std::array<int, 4> by_severity{};  // index = checks::Severity
  std::vector<CodeCount> by_code;
  std::optional<double> availability;  // 1 - unavailable share
  SiteVerdict verdict;
  SiteIndices indices;
  double score = 0;                            // 100 x mean of the three indices, 1 decimal
  std::vector<store::FindingRow> worst_links;  // LINK-BROKEN/TIMEOUT/REDIRECT-LOOP/SOFT404
  std::vector<store::FindingRow> unapproved_links;
  std::vector<store::FindingRow> stale_columns;  // FRESH-HOME and FRESH-COLUMN
  std::vector<store::FindingRow> blank_columns;
  std::vector<store::FindingRow> missing_columns;
  std::vector<store::FindingRow> missing_features;  // INTERACT-MISSING/BROKEN/TOO-FEW
  std::vector<RectificationItem> rectification;     // new, open, then resolved
  int new_count = 0;
  int open_count = 0;
  int resolved_count = 0;
  int overdue_count = 0;
  // issue 11: false when the month's last run could not check the whole site (down, or cut
  // short); `unverified` of its current findings were carried over without being re-examined.
  bool complete = true;
  int unverified = 0;
};

struct UnitRanking {
  std::string unit;
  std::vector<std::size_t> sites;  // indices into Report::sites, ranked
};

struct Overview {
  std::string month;
  int sites = 0;
  int runs = 0;
  int pages = 0;
  int links_checked = 0;
  int failed_sites = 0;
  std::array<int, 4> by_severity{};
};

// One month of the trends chart.
struct TrendPoint {
  std::string month;
  int findings = 0;       // new and open at the month's end, all sites
  double disclosure = 0;  // means over the month's sites
  double service = 0;
  double interaction = 0;
  double availability = 0;
};

// One of the four points of task 6 in a self-inspection report.
struct InspectionPoint {
  int number = 0;  // 1..4
  std::string title;
  std::vector<std::string> codes;  // the codes this point covers
  bool passed = true;              // nothing critical or error left
  bool checked = true;             // false: the month's last run could not check the site
  std::string conclusion;
  std::vector<std::string> evidence;  // what was measured
  std::vector<store::FindingRow> to_fix;
};

struct Report {
  Lang lang = Lang::zh;
  std::string generated_at;
  bool self_inspection = false;
  Overview overview;
  std::optional<Overview> previous;
  std::vector<SiteReport> sites;
  std::vector<UnitRanking> ranking;
  std::vector<TrendPoint> trends;       // oldest first, the reported month last
  std::vector<InspectionPoint> points;  // self-inspection only
  // The 通报's form ([report], config/report.h): every time shown is in `zone`; the problems
  // of this report are due `deadline_working_days` working days after `date`.
  config::ReportConfig settings;
  config::TimeZone zone;
  WorkCalendar calendar;
  Date date;      // the local date of generated_at (the report's date, 落款)
  Date deadline;  // 整改期限 of the problems this report lists
};

Report build_report(const ReportData& data);

// Days between two RFC 3339 UTC times (to - from), floored; 0 when either does not parse.
int days_between(const std::string& from, const std::string& to);

// The four points of task 6 for one site (what a self-inspection report is made of).
std::vector<InspectionPoint> inspection_points(const SiteReport& site, Lang lang);

}  // namespace sitepatrol::reports
