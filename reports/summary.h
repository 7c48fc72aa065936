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

  void add(checks::Severity severity);
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
std::string run_summary(const store::RunInfo& run, const SeverityCounts& counts,
                        std::optional<ChangeCounts> changes = std::nullopt);

// "37s", "41m 07s", "2h 05m"; nullopt when either time is not RFC 3339 or end < start.
std::optional<std::string> run_duration(const std::string& started_at,
                                        const std::string& finished_at);

}  // namespace sitepatrol::reports
