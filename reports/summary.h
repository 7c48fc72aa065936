// The end-of-crawl summary and the findings totals line, as plain text for a terminal.
//
// Counting is separate from wording so `crawl` can count what it raised without holding
// FindingRows, and `findings --format table` can reuse the totals line. The text is English
// and ASCII apart from what the run carries. Pure functions, safe from any thread.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "checks/finding.h"
#include "store/store.h"

namespace sitepatrol::reports {

struct SeverityCounts {
  int critical = 0;
  int error = 0;
  int warning = 0;
  int info = 0;

  void add(checks::Severity severity, int n = 1);
  int total() const { return critical + error + warning + info; }
};

// Changes against the previous run that covered the same sites.
struct ChangeCounts {
  int new_findings = 0;
  int resolved = 0;
};

// Every row counts, whatever its status.
SeverityCounts count_by_severity(std::span<const store::FindingRow> rows);
ChangeCounts count_changes(std::span<const store::FindingRow> rows);

// "12 findings: 2 critical, 5 error, 4 warning, 1 info" (all four levels, always in this
// order, "1 finding" in the singular). No trailing newline.
std::string totals_line(const SeverityCounts& counts);

// One paragraph, no trailing newline, e.g.
// "Run 7 finished in 41m 07s: 3 sites, 1840 pages, 9211 links checked.
//  12 findings: 2 critical, 5 error, 4 warning, 1 info; 3 new, 1 resolved since the previous
//  run." (on one line). A run still running or aborted says so instead of a duration.
// `wall_seconds`, when given, is the duration said (the patrol's real one; an `--as-of` run's
// recorded times are both the as-of time).
std::string run_summary(const store::RunInfo& run, const SeverityCounts& counts,
                        std::optional<ChangeCounts> changes = std::nullopt,
                        std::optional<std::int64_t> wall_seconds = std::nullopt);

// What one run did on one site, for the lines under the summary and the log file.
struct SiteSummary {
  std::string id;
  std::string name;  // the configured name ("湖北省交通运输厅"), may be empty
  int pages = 0;
  int findings = 0;      // current (not resolved) findings
  std::string coverage;  // complete | partial | down
  std::string reason;    // down: the homepage's error; partial: page_limit | time_limit
  std::optional<std::int64_t> seconds;  // wall time of the site's walk
};

// "hb-jtt 湖北省交通运输厅: 120 pages, 3 findings, 41s" or
// "hn-jtt 湖南省交通运输厅: DOWN (HTTP 503), 0 pages, 1 finding, 2s". No trailing newline.
std::string site_summary_line(const SiteSummary& site);

// "Down: hn-jtt (HTTP 503), gd-jtt (timeout)"; "" when no site was down.
std::string down_sites_line(std::span<const SiteSummary> sites);

// "37s", "41m 07s", "2h 05m".
std::string format_duration(std::int64_t seconds);

// "37s", "41m 07s", "2h 05m"; nullopt when either time is not RFC 3339 or end < start.
std::optional<std::string> run_duration(const std::string& started_at,
                                        const std::string& finished_at);

}  // namespace sitepatrol::reports
