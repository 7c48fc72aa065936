#include "reports/summary.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/reports/fixture.h"

namespace sitepatrol::reports {
namespace {

TEST(Summary, TotalsLineListsEveryLevel) {
  EXPECT_EQ(totals_line({2, 5, 4, 1}), "12 findings: 2 critical, 5 error, 4 warning, 1 info");
  EXPECT_EQ(totals_line({0, 1, 0, 0}), "1 finding: 0 critical, 1 error, 0 warning, 0 info");
  EXPECT_EQ(totals_line({}), "0 findings: 0 critical, 0 error, 0 warning, 0 info");
}

TEST(Summary, CountsRowsBySeverityAndStatus) {
  const auto rows = testing::sample_rows();
  SeverityCounts counts = count_by_severity(rows);
  EXPECT_EQ(counts.critical, 2);
  EXPECT_EQ(counts.error, 5);
  EXPECT_EQ(counts.warning, 4);
  EXPECT_EQ(counts.info, 1);
  EXPECT_EQ(counts.total(), 12);
  ChangeCounts changes = count_changes(rows);
  EXPECT_EQ(changes.new_findings, 6);
  EXPECT_EQ(changes.resolved, 0);
}

TEST(Summary, DurationBetweenRfc3339Times) {
  EXPECT_EQ(run_duration("2026-11-25T02:00:03Z", "2026-11-25T02:41:10Z"), "41m 07s");
  EXPECT_EQ(run_duration("2026-11-25T02:00:03Z", "2026-11-25T02:00:40Z"), "37s");
  EXPECT_EQ(run_duration("2026-11-25T02:00:00Z", "2026-11-25T02:00:00Z"), "0s");
  EXPECT_EQ(run_duration("2026-11-25T23:30:00Z", "2026-11-26T01:35:59Z"), "2h 05m");
  EXPECT_EQ(run_duration("2026-02-28T23:59:00Z", "2026-03-01T00:01:00Z"), "2m 00s");
  EXPECT_EQ(run_duration("2026-11-25T10:00:00+08:00", "2026-11-25T02:00:30.250Z"), "30s");
  EXPECT_EQ(run_duration("2026-11-25T02:00:03Z", ""), std::nullopt);
  EXPECT_EQ(run_duration("2026-11-25 junk", "2026-11-25T02:41:10Z"), std::nullopt);
  EXPECT_EQ(run_duration("2026-02-30T00:00:00Z", "2026-03-01T00:00:00Z"), std::nullopt);
  EXPECT_EQ(run_duration("2026-11-25T02:41:10Z", "2026-11-25T02:00:03Z"), std::nullopt);
}

TEST(Summary, FinishedRunWithChanges) {
  EXPECT_EQ(run_summary(testing::sample_run(), {2, 5, 4, 1}, ChangeCounts{3, 1}),
            "Run 7 finished in 41m 07s: 3 sites, 1840 pages, 9211 links checked. "
            "12 findings: 2 critical, 5 error, 4 warning, 1 info; "
            "3 new, 1 resolved since the previous run.");
}

TEST(Summary, FinishedRunWithoutFindingsOrChanges) {
  store::RunInfo run = testing::sample_run();
  run.sites = 1;
  run.pages = 1;
  run.links_checked = 1;
  EXPECT_EQ(run_summary(run, {}),
            "Run 7 finished in 41m 07s: 1 site, 1 page, 1 link checked. No findings.");
}

TEST(Summary, UnfinishedRunsSaySo) {
  store::RunInfo run = testing::sample_run();
  run.finished_at = "";
  run.status = "aborted";
  EXPECT_EQ(run_summary(run, {0, 1, 0, 0}),
            "Run 7 was aborted: 3 sites, 1840 pages, 9211 links checked. "
            "1 finding: 0 critical, 1 error, 0 warning, 0 info.");
  run.status = "running";
  EXPECT_EQ(run_summary(run, {}).rfind("Run 7 is still running: ", 0), 0u);
  run.status = "finished";
  run.finished_at = "garbage";
  EXPECT_EQ(run_summary(run, {}).rfind("Run 7 finished: 3 sites", 0), 0u);
}

}  // namespace
}  // namespace sitepatrol::reports
