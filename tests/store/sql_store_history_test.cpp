// What the console reads of the store's history (issue 17), on both engines: one finding's
// word from every run (seen, then resolved), the findings each run listed per site, the
// months a site was patrolled, a site's newest re-check, and the probes' daily rollup that a
// probe keeps and that outlives the pruned probes.
#include "store/sql_store.h"

#include <gtest/gtest.h>

#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using testing::finding;

constexpr const char* kLink = "http://s1/files/a.pdf";

class HistoryTest : public ::testing::TestWithParam<testdb::Engine> {
 protected:
  void SetUp() override {
    auto opened = open_store(db_.name());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }

  std::int64_t patrol(const std::string& started, const std::vector<std::string>& sites,
                      const std::vector<checks::Finding>& found) {
    auto run = store_->begin_run(started, sites);
    EXPECT_TRUE(run) << run.error().message;
    EXPECT_TRUE(store_->save_findings(*run, found));
    EXPECT_TRUE(store_->finish_run(*run, started, {1, 10, 100}));
    return *run;
  }

  testdb::TestDatabase db_{GetParam()};
  std::unique_ptr<Store> store_;
};

TEST_P(HistoryTest, AFindingsRunsNewestFirstUntilItIsResolved) {
  const auto broken = finding("s1", "LINK-BROKEN", kLink, checks::Severity::error, "HTTP 404");
  const auto other = finding("s1", "SEC-HEADERS", "http://s1/", checks::Severity::warning);
  const auto r1 = patrol("2026-10-30T18:00:00Z", {"s1", "s2"}, {broken, other});
  const auto r2 = patrol("2026-11-01T18:00:00Z", {"s1", "s2"},
                         {finding("s1", "LINK-BROKEN", kLink, checks::Severity::error, "HTTP 410"),
                          other, finding("s2", "SEC-HEADERS", "http://s2/")});
  const auto r3 = patrol("2026-11-02T18:00:00Z", {"s1"}, {other});

  auto history = store_->finding_history("s1", "LINK-BROKEN", kLink, 100);
  ASSERT_TRUE(history) << history.error().message;
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].run, r3);
  EXPECT_EQ((*history)[0].status, "resolved");
  EXPECT_EQ((*history)[0].severity, checks::Severity::error);  // as last seen
  EXPECT_EQ((*history)[1].run, r2);
  EXPECT_EQ((*history)[1].status, "open");
  EXPECT_EQ((*history)[1].detail, "HTTP 410");
  EXPECT_EQ((*history)[1].started_at, "2026-11-01T18:00:00Z");
  EXPECT_EQ((*history)[2].run, r1);
  EXPECT_EQ((*history)[2].status, "new");
  auto limited = store_->finding_history("s1", "LINK-BROKEN", kLink, 1);
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->size(), 1u);
  auto none = store_->finding_history("s1", "LINK-BROKEN", "http://s1/other", 100);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());

  auto one = store_->findings_per_run(r1, "s2");
  ASSERT_TRUE(one) << one.error().message;
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ((*one)[0].count, 1);
  auto per_run = store_->findings_per_run(r1, "");  // runs after r1
  ASSERT_TRUE(per_run) << per_run.error().message;
  std::vector<std::tuple<std::string, std::int64_t, int>> got;
  for (const auto& p : *per_run) got.emplace_back(p.site, p.run, p.count);
  EXPECT_EQ(got, (std::vector<std::tuple<std::string, std::int64_t, int>>{
                     {"s1", r2, 2}, {"s1", r3, 1}, {"s2", r2, 1}}));

  auto months = store_->site_months("s1");
  ASSERT_TRUE(months) << months.error().message;
  EXPECT_EQ(*months, (std::vector<std::string>{"2026-11", "2026-10"}));
  auto never = store_->site_months("s9");
  ASSERT_TRUE(never);
  EXPECT_TRUE(never->empty());
}

TEST_P(HistoryTest, TheNewestRecheckOfASite) {
  auto none = store_->latest_recheck("s1");
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_FALSE(none->has_value());
  RecheckRequest r;
  r.site = "s1";
  r.requested_by = "li";
  r.requested_at = "2026-12-06T09:00:00Z";
  auto first = store_->request_recheck(r);
  ASSERT_TRUE(first);
  first->state = "done";
  ASSERT_TRUE(store_->update_recheck(*first));
  auto second = store_->request_recheck(r);
  ASSERT_TRUE(second);
  auto latest = store_->latest_recheck("s1");
  ASSERT_TRUE(latest && *latest);
  EXPECT_EQ((*latest)->id, second->id);
  EXPECT_EQ((*latest)->state, "queued");
  // A daemon stopped during the patrol: its running requests fail at the next start.
  second->state = "running";
  ASSERT_TRUE(store_->update_recheck(*second));
  auto failed = store_->fail_running_rechecks("2026-12-06T09:05:00Z", "the daemon stopped");
  ASSERT_TRUE(failed) << failed.error().message;
  EXPECT_EQ(*failed, 1);
  auto after = store_->recheck(second->id);
  ASSERT_TRUE(after && *after);
  EXPECT_EQ((*after)->state, "failed");
  EXPECT_EQ((*after)->outcome, "the daemon stopped");
  EXPECT_EQ(store_->recheck(first->id)->value().state, "done");
}

TEST_P(HistoryTest, EachProbeIsCountedInItsDaysRollupWhichOutlivesPruning) {
  constexpr std::int64_t kDay = 86'400'000;
  const std::int64_t day = 20'428;  // 2025-12-06
  auto probe = [&](const std::string& site, std::int64_t at, bool up) {
    ProbeRecord p;
    p.site = site;
    p.url = "http://" + site + "/";
    p.at_ms = at;
    p.up = up;
    p.status = up ? 200 : 503;
    EXPECT_TRUE(store_->save_probe(p));
  };
  probe("s1", day * kDay, true);
  probe("s1", day * kDay + kDay - 1, false);
  probe("s1", (day + 1) * kDay, true);
  probe("s2", day * kDay + 5, true);
  ASSERT_TRUE(store_->prune_probes((day + 2) * kDay));  // every raw probe gone

  auto days = store_->probe_days(day, "");
  ASSERT_TRUE(days) << days.error().message;
  ASSERT_EQ(days->size(), 3u);
  EXPECT_EQ((*days)[0].site, "s1");
  EXPECT_EQ((*days)[0].day, day);
  EXPECT_EQ((*days)[0].probes, 2);
  EXPECT_EQ((*days)[0].failed, 1);
  EXPECT_EQ((*days)[1].day, day + 1);
  EXPECT_EQ((*days)[1].failed, 0);
  EXPECT_EQ((*days)[2].site, "s2");
  auto later = store_->probe_days(day + 1, "");
  ASSERT_TRUE(later);
  EXPECT_EQ(later->size(), 1u);
  auto s2 = store_->probe_days(day, "s2");
  ASSERT_TRUE(s2);
  ASSERT_EQ(s2->size(), 1u);
  EXPECT_EQ((*s2)[0].probes, 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, HistoryTest, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
