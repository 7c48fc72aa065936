#include "store/latest_findings.h"

#include <gtest/gtest.h>

#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using checks::Severity;
using testing::finding;

class LatestFindingsTest : public ::testing::TestWithParam<testdb::Engine> {
 protected:
  void SetUp() override {
    auto opened = open_store(db_.name());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }

  // A whole run over `sites` raising `findings`; `finish` false leaves it running.
  std::int64_t patrol(const std::string& started, const std::vector<std::string>& sites,
                      const std::vector<checks::Finding>& findings, bool finish = true) {
    auto run = store_->begin_run(started, sites);
    EXPECT_TRUE(run) << run.error().message;
    auto saved = store_->save_findings(*run, findings);
    EXPECT_TRUE(saved) << saved.error().message;
    if (finish) {
      auto ok = store_->finish_run(*run, started, {static_cast<int>(sites.size()), 1, 1});
      EXPECT_TRUE(ok) << ok.error().message;
    }
    return *run;
  }

  LatestFindings latest(std::vector<std::string> sites = {},
                        StatusFilter status = StatusFilter::current) {
    auto result = latest_findings(*store_, sites, status);
    EXPECT_TRUE(result) << result.error().message;
    return result.value_or(LatestFindings{});
  }

  testdb::TestDatabase db_{GetParam()};
  std::unique_ptr<Store> store_;
};

// The reported case: `crawl --site a`, then `crawl --site b`; a's findings are still a's.
TEST_P(LatestFindingsTest, EachSiteFromTheNewestFinishedRunThatCoveredIt) {
  const auto run1 = patrol("2026-11-01T02:00:00Z", {"a"}, {finding("a", "LINK-BROKEN", "x")});
  const auto run2 =
      patrol("2026-11-02T02:00:00Z", {"b"}, {finding("b", "FRESH-HOME", "y", Severity::critical)});

  const LatestFindings only_a = latest({"a"});
  ASSERT_EQ(only_a.rows.size(), 1u);
  EXPECT_EQ(only_a.rows[0].finding.site, "a");
  EXPECT_EQ(only_a.rows[0].run, run1);
  ASSERT_TRUE(only_a.run);
  EXPECT_EQ(only_a.run->id, run1);
  ASSERT_EQ(only_a.runs.size(), 1u);
  EXPECT_EQ(only_a.runs[0].sites, std::vector<std::string>{"a"});

  const LatestFindings all = latest();
  ASSERT_EQ(all.rows.size(), 2u);
  EXPECT_EQ(all.rows[0].finding.site, "b");  // most severe first, whatever its run
  EXPECT_EQ(all.rows[0].run, run2);
  EXPECT_EQ(all.rows[1].run, run1);
  EXPECT_EQ(all.run->id, run2);
  ASSERT_EQ(all.runs.size(), 2u);
  EXPECT_EQ(all.runs[0].info.id, run2);  // newest first
  EXPECT_EQ(all.runs[1].info.id, run1);
  EXPECT_TRUE(all.never_patrolled.empty());
}

TEST_P(LatestFindingsTest, ANewerRunOfTheSiteReplacesTheOlderOnesState) {
  patrol("2026-11-01T02:00:00Z", {"a", "b"},
         {finding("a", "LINK-BROKEN", "x"), finding("b", "LINK-BROKEN", "z")});
  const auto run2 = patrol("2026-11-02T02:00:00Z", {"a"}, {});  // a's link fixed
  const LatestFindings a = latest({"a"});
  EXPECT_TRUE(a.rows.empty());
  EXPECT_EQ(a.run->id, run2);
  const LatestFindings resolved = latest({"a"}, StatusFilter::resolved);
  ASSERT_EQ(resolved.rows.size(), 1u);
  EXPECT_EQ(resolved.rows[0].status, "resolved");
  // b was not in run 2: its state is still run 1's.
  const LatestFindings b = latest({"b"});
  ASSERT_EQ(b.rows.size(), 1u);
  EXPECT_EQ(b.rows[0].finding.subject, "z");
}

TEST_P(LatestFindingsTest, UnfinishedRunsAreNotAnyonesLatest) {
  const auto run1 = patrol("2026-11-01T02:00:00Z", {"a"}, {finding("a", "LINK-BROKEN", "x")});
  patrol("2026-11-02T02:00:00Z", {"a"}, {}, /*finish=*/false);  // still running (or killed)
  const LatestFindings a = latest({"a"});
  ASSERT_EQ(a.rows.size(), 1u);
  EXPECT_EQ(a.rows[0].run, run1);
}

TEST_P(LatestFindingsTest, SitesNoRunCoveredAreNamed) {
  const auto run1 = patrol("2026-11-01T02:00:00Z", {"a"}, {finding("a", "LINK-BROKEN", "x")});
  const LatestFindings c = latest({"c"});
  EXPECT_TRUE(c.rows.empty());
  EXPECT_EQ(c.never_patrolled, std::vector<std::string>{"c"});
  ASSERT_TRUE(c.run);
  EXPECT_EQ(c.run->id, run1);  // the newest finished run, for the heading
}

TEST_P(LatestFindingsTest, NoFinishedRunAtAll) {
  const LatestFindings none = latest();
  EXPECT_FALSE(none.run);
  EXPECT_TRUE(none.rows.empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, LatestFindingsTest, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
