#include "store/sql_store.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <tuple>

#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using checks::Severity;
using testing::finding;

constexpr const char* kT1 = "2026-11-01T02:00:00Z";
constexpr const char* kT2 = "2026-11-08T02:00:00Z";
constexpr const char* kT3 = "2026-11-15T02:00:00Z";
constexpr const char* kT4 = "2026-11-22T02:00:00Z";

std::string finished(const char* started) { return std::string(started, 11) + "03:00:00Z"; }

class LifecycleTest : public ::testing::TestWithParam<testdb::Engine> {
 protected:
  void SetUp() override {
    auto opened = open_store(db_.name());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }

  std::int64_t begin(const char* started, const std::vector<std::string>& sites) {
    auto run = store_->begin_run(started, sites);
    EXPECT_TRUE(run) << run.error().message;
    return run.value_or(0);
  }

  void save(std::int64_t run, const std::vector<checks::Finding>& findings) {
    auto ok = store_->save_findings(run, findings);
    EXPECT_TRUE(ok) << ok.error().message;
  }

  void finish(std::int64_t run, const char* started) {
    auto ok = store_->finish_run(run, finished(started), {1, 10, 100});
    EXPECT_TRUE(ok) << ok.error().message;
  }

  // A whole run: begin, save, finish.
  std::int64_t patrol(const char* started, const std::vector<std::string>& sites,
                      const std::vector<checks::Finding>& findings) {
    std::int64_t run = begin(started, sites);
    save(run, findings);
    finish(run, started);
    return run;
  }

  std::vector<FindingRow> rows(std::optional<std::int64_t> run, StatusFilter status,
                               std::vector<std::string> sites = {}) {
    auto result = store_->findings({run, std::move(sites), status});
    EXPECT_TRUE(result) << result.error().message;
    return result.value_or(std::vector<FindingRow>{});
  }

  // By subject, which is unique within these tests.
  std::map<std::string, FindingRow> by_subject(const std::vector<FindingRow>& list) {
    std::map<std::string, FindingRow> out;
    for (const FindingRow& row : list) out[row.finding.subject] = row;
    return out;
  }

  std::string status_of(std::int64_t run) {
    auto info = store_->run(run);
    return info && *info ? (*info)->status : "missing";
  }

  testdb::TestDatabase db_{GetParam()};
  std::unique_ptr<Store> store_;
};

// finding_counts (the summary after a patrol) counts what `findings` lists with every status.
TEST_P(LifecycleTest, CountsAgreeWithTheRowsOfEveryStatus) {
  const auto a = finding("s1", "LINK-BROKEN", "A", Severity::critical, "a1");
  const auto b = finding("s1", "LINK-BROKEN", "B", Severity::warning, "b1");
  const auto c = finding("s2", "LINK-BROKEN", "C", Severity::error, "c1");
  const auto d = finding("s2", "LINK-BROKEN", "D", Severity::error, "d1");
  patrol(kT1, {"s1", "s2"}, {a, b, c});
  const auto run2 = patrol(kT2, {"s1", "s2"}, {a, c, d});  // B resolved, D new

  std::map<std::tuple<std::string, Severity, std::string>, int> from_rows;
  for (const FindingRow& row : rows(run2, StatusFilter::all))
    ++from_rows[{row.finding.site, row.finding.severity, row.status}];
  auto counts = store_->finding_counts(run2);
  ASSERT_TRUE(counts) << counts.error().message;
  std::map<std::tuple<std::string, Severity, std::string>, int> counted;
  for (const FindingCount& n : *counts) counted[{n.site, n.severity, n.status}] = n.count;

  EXPECT_EQ(counted, from_rows);
  using Key = std::tuple<std::string, Severity, std::string>;
  EXPECT_EQ(counted[Key("s1", Severity::critical, "open")], 1);
  EXPECT_EQ(counted[Key("s1", Severity::warning, "resolved")], 1);
  EXPECT_EQ(counted[Key("s2", Severity::error, "open")], 1);
  EXPECT_EQ(counted[Key("s2", Severity::error, "new")], 1);
}

TEST_P(LifecycleTest, ThreeRunsNewOpenResolvedAndBack) {
  const auto a = finding("s1", "LINK-BROKEN", "A", Severity::critical, "a1");
  const auto b = finding("s1", "LINK-BROKEN", "B", Severity::warning, "b1");
  const auto c = finding("s1", "LINK-BROKEN", "C", Severity::error, "c2");

  const auto run1 = patrol(kT1, {"s1"}, {a, b});
  {
    auto got = by_subject(rows(std::nullopt, StatusFilter::all));
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got["A"].status, "new");
    EXPECT_EQ(got["B"].status, "new");
    EXPECT_EQ(got["A"].first_seen, kT1);
    EXPECT_EQ(got["A"].last_seen, kT1);
  }

  const auto run2 = patrol(kT2, {"s1"}, {a, c});
  {
    auto got = by_subject(rows(std::nullopt, StatusFilter::all));
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(got["A"].status, "open");
    EXPECT_EQ(got["A"].first_seen, kT1);
    EXPECT_EQ(got["A"].last_seen, kT2);
    EXPECT_EQ(got["B"].status, "resolved");
    EXPECT_EQ(got["B"].finding.detail, "b1");  // from its last occurrence
    EXPECT_EQ(got["B"].finding.severity, Severity::warning);
    EXPECT_EQ(got["B"].first_seen, kT1);
    EXPECT_EQ(got["B"].last_seen, kT1);
    EXPECT_EQ(got["C"].status, "new");
    EXPECT_EQ(got["C"].first_seen, kT2);
    // The default query shows what is wrong now: no resolved rows.
    EXPECT_EQ(by_subject(rows(std::nullopt, StatusFilter::current)).count("B"), 0u);
  }

  const auto run3 = patrol(kT3, {"s1"}, {a, b});
  {
    auto got = by_subject(rows(std::nullopt, StatusFilter::all));
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(got["A"].status, "open");
    EXPECT_EQ(got["A"].first_seen, kT1);
    EXPECT_EQ(got["A"].last_seen, kT3);
    // Back after being resolved: new again, first_seen stays the original sighting.
    EXPECT_EQ(got["B"].status, "new");
    EXPECT_EQ(got["B"].first_seen, kT1);
    EXPECT_EQ(got["B"].last_seen, kT3);
    EXPECT_EQ(got["C"].status, "resolved");
    EXPECT_EQ(got["C"].first_seen, kT2);
    EXPECT_EQ(got["C"].last_seen, kT2);
  }

  // Ordered by severity (critical first), then site, code, subject.
  auto all3 = rows(run3, StatusFilter::all);
  ASSERT_EQ(all3.size(), 3u);
  EXPECT_EQ(all3[0].finding.subject, "A");
  EXPECT_EQ(all3[1].finding.subject, "C");
  EXPECT_EQ(all3[2].finding.subject, "B");

  // Older runs read as they were, even after later runs changed the identities.
  auto old2 = by_subject(rows(run2, StatusFilter::all));
  EXPECT_EQ(old2["B"].status, "resolved");
  EXPECT_EQ(old2["C"].status, "new");
  EXPECT_EQ(old2["A"].last_seen, kT2);
  auto old1 = rows(run1, StatusFilter::new_only);
  EXPECT_EQ(old1.size(), 2u);

  // The status filters.
  EXPECT_EQ(rows(run3, StatusFilter::new_only).size(), 1u);
  EXPECT_EQ(rows(run3, StatusFilter::open).size(), 1u);
  EXPECT_EQ(rows(run3, StatusFilter::current).size(), 2u);
  auto resolved3 = rows(run3, StatusFilter::resolved);
  ASSERT_EQ(resolved3.size(), 1u);
  EXPECT_EQ(resolved3[0].finding.subject, "C");
}

TEST_P(LifecycleTest, ResolvedOnlyOnceThenGoneFromLaterRuns) {
  patrol(kT1, {"s1"}, {finding("s1", "LINK-BROKEN", "A")});
  const auto run2 = patrol(kT2, {"s1"}, {});
  const auto run3 = patrol(kT3, {"s1"}, {});
  EXPECT_EQ(rows(run2, StatusFilter::resolved).size(), 1u);
  EXPECT_TRUE(rows(run3, StatusFilter::all).empty());
}

TEST_P(LifecycleTest, RunsCoveringSomeSitesLeaveOtherSitesFindingsAlone) {
  const auto f1 = finding("s1", "AVAIL-SLOW", "http://s1/");
  const auto f2 = finding("s2", "AVAIL-SLOW", "http://s2/");
  patrol(kT1, {"s1", "s2"}, {f1, f2});

  // `crawl --site s2`: f2 is gone, f1 was not looked at and stays as it was.
  const auto run2 = patrol(kT2, {"s2"}, {});
  auto resolved2 = rows(run2, StatusFilter::resolved);
  ASSERT_EQ(resolved2.size(), 1u);
  EXPECT_EQ(resolved2[0].finding.site, "s2");

  // The next run over s1 compares with run 1, the last one that covered s1.
  const auto run3 = patrol(kT3, {"s1"}, {f1});
  auto got3 = rows(run3, StatusFilter::all);
  ASSERT_EQ(got3.size(), 1u);
  EXPECT_EQ(got3[0].status, "open");
  EXPECT_EQ(got3[0].first_seen, kT1);

  const auto run4 = patrol(kT4, {"s1", "s2"}, {});
  auto resolved4 = rows(run4, StatusFilter::resolved);
  ASSERT_EQ(resolved4.size(), 1u);
  EXPECT_EQ(resolved4[0].finding.site, "s1");
  EXPECT_EQ(resolved4[0].last_seen, kT3);
}

TEST_P(LifecycleTest, SitesFilterSelectsSites) {
  patrol(kT1, {"s1", "s2", "s3"},
         {finding("s1", "ID-MISSING", "icp"), finding("s2", "ID-MISSING", "icp"),
          finding("s3", "ID-MISSING", "icp")});
  auto some = rows(std::nullopt, StatusFilter::current, {"s1", "s3"});
  ASSERT_EQ(some.size(), 2u);
  EXPECT_EQ(some[0].finding.site, "s1");
  EXPECT_EQ(some[1].finding.site, "s3");
  EXPECT_TRUE(rows(std::nullopt, StatusFilter::current, {"nope"}).empty());
}

TEST_P(LifecycleTest, OneFindingPerIdentityPerRunTheFirstWins) {
  const auto run = begin(kT1, {"s1"});
  save(run, {finding("s1", "LINK-BROKEN", "A", Severity::error, "first"),
             finding("s1", "LINK-BROKEN", "A", Severity::critical, "second")});
  save(run, {finding("s1", "LINK-BROKEN", "A", Severity::critical, "third")});
  finish(run, kT1);
  auto got = rows(run, StatusFilter::all);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].finding.detail, "first");
  EXPECT_EQ(got[0].finding.severity, Severity::error);
}

TEST_P(LifecycleTest, KilledRunIsAbortedReadableAndTakesNoPart) {
  const auto a = finding("s1", "LINK-BROKEN", "A");
  const auto b = finding("s1", "LINK-BROKEN", "B");
  const auto run1 = patrol(kT1, {"s1"}, {a});

  const auto run2 = begin(kT2, {"s1"});  // never finished: the process "dies"
  save(run2, {a, b});

  const auto run3 = begin(kT3, {"s1"});
  EXPECT_EQ(status_of(run2), "aborted");
  EXPECT_EQ(status_of(run3), "running");

  // `latest` is the latest finished run; the aborted one is readable by id.
  auto latest = store_->run(std::nullopt);
  ASSERT_TRUE(latest && *latest);
  EXPECT_EQ((*latest)->id, run1);
  auto aborted = by_subject(rows(run2, StatusFilter::all));
  ASSERT_EQ(aborted.size(), 2u);
  EXPECT_EQ(aborted["A"].status, "open");
  EXPECT_EQ(aborted["B"].status, "new");
  EXPECT_EQ(aborted["B"].first_seen, kT2);

  // Writing into or finishing the aborted run is refused.
  auto late = store_->save_findings(run2, std::vector{b});
  ASSERT_FALSE(late);
  EXPECT_NE(late.error().message.find("aborted"), std::string::npos) << late.error().message;
  EXPECT_FALSE(store_->finish_run(run2, finished(kT2), {}));

  // Run 3 compares with run 1: A is resolved, B is new (its sighting in run 2 is void).
  save(run3, {b});
  finish(run3, kT3);
  auto got = by_subject(rows(run3, StatusFilter::all));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got["A"].status, "resolved");
  EXPECT_EQ(got["A"].last_seen, kT1);
  EXPECT_EQ(got["B"].status, "new");
  EXPECT_EQ(got["B"].first_seen, kT3);
}

TEST_P(LifecycleTest, RunInfoAndTotals) {
  auto none = store_->run(std::nullopt);
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  EXPECT_TRUE(rows(std::nullopt, StatusFilter::all).empty());

  const auto run = begin(kT1, {"s1", "s2", "s1"});
  auto running = store_->run(run);
  ASSERT_TRUE(running && *running);
  EXPECT_EQ((*running)->status, "running");
  EXPECT_EQ((*running)->sites, 2);
  EXPECT_EQ((*running)->finished_at, "");
  ASSERT_TRUE(store_->finish_run(run, "2026-11-01T02:41:10Z", {3, 1840, 9211}));

  auto info = store_->run(std::nullopt);
  ASSERT_TRUE(info && *info);
  EXPECT_EQ((*info)->id, run);
  EXPECT_EQ((*info)->status, "finished");
  EXPECT_EQ((*info)->started_at, kT1);
  EXPECT_EQ((*info)->finished_at, "2026-11-01T02:41:10Z");
  EXPECT_EQ((*info)->sites, 3);
  EXPECT_EQ((*info)->pages, 1840);
  EXPECT_EQ((*info)->links_checked, 9211);

  EXPECT_FALSE(store_->finish_run(run, "2026-11-01T02:50:00Z", {}));  // already finished
  auto missing = store_->findings({std::int64_t{99}, {}, StatusFilter::all});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("no run 99"), std::string::npos);
}

TEST_P(LifecycleTest, FindingForSiteOutsideTheRunIsRefusedWithItsBatch) {
  const auto run = begin(kT1, {"s1"});
  auto saved = store_->save_findings(
      run, std::vector{finding("s1", "LINK-BROKEN", "A"), finding("s9", "LINK-BROKEN", "A")});
  ASSERT_FALSE(saved);
  EXPECT_NE(saved.error().message.find("s9"), std::string::npos) << saved.error().message;
  finish(run, kT1);
  EXPECT_TRUE(rows(run, StatusFilter::all).empty());  // the whole batch was rolled back
}

INSTANTIATE_TEST_SUITE_P(Engines, LifecycleTest, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
