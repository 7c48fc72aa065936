// A run's sites as a queue that workers share (issue 16), on both engines: each site claimed
// once, a lease that ran out claimed again, a lost claim's writes refused, the run finished
// once with the sites' totals.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <thread>

#include "store/sql_store.h"
#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using testing::finding;

constexpr const char* kStarted = "2026-12-01T02:00:00Z";

class QueueTest : public testdb::EngineTest {
 protected:
  std::unique_ptr<Store> open() {
    auto opened = open_store(db_.name());
    EXPECT_TRUE(opened) << opened.error().message;
    return opened ? std::move(*opened) : nullptr;
  }

  // A running run with `sites` queued.
  std::int64_t queued_run(Store& store, const std::vector<std::string>& sites) {
    auto run = store.begin_run(kStarted, sites);
    EXPECT_TRUE(run) << run.error().message;
    auto ok = store.queue_run(*run, sites);
    EXPECT_TRUE(ok) << ok.error().message;
    return *run;
  }
};

TEST_P(QueueTest, EachSiteIsClaimedOnceAndTheLastCompletionFinishesTheRun) {
  auto store = open();
  const auto run = queued_run(*store, {"a", "b", "c"});
  std::vector<SiteClaim> claims;
  while (auto claim = store->claim_site("w1", 1000, 61'000).value()) claims.push_back(*claim);
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].site, "a");
  EXPECT_EQ(claims[0].run, run);
  EXPECT_EQ(claims[0].attempts, 1);

  EXPECT_EQ(store->queue_counts(run)->claimed, 3);
  for (std::size_t i = 0; i < claims.size(); ++i) {
    EXPECT_TRUE(
        store->complete_site(claims[i], {.sites = 1, .pages = 10, .links_checked = 5}).value());
    // Not finished while a site remains.
    EXPECT_EQ(store->finish_queued_run(run, "2026-12-01T03:00:00Z").value(), i == 2) << i;
  }
  auto info = store->run(run);
  ASSERT_TRUE(info && *info);
  EXPECT_EQ((*info)->status, "finished");
  EXPECT_EQ((*info)->sites, 3);
  EXPECT_EQ((*info)->pages, 30);
  EXPECT_EQ((*info)->links_checked, 15);
  EXPECT_FALSE(store->finish_queued_run(run, "2026-12-01T03:00:00Z").value());  // once
  EXPECT_FALSE(store->claim_site("w1", 2000, 62'000).value());  // a finished run has none
}

TEST_P(QueueTest, ALeaseThatRanOutIsClaimedAgainAndTheFirstWorkerCanNoLongerWrite) {
  auto first = open();
  auto second = open();
  const auto run = queued_run(*first, {"a"});
  auto lost = first->claim_site("w1", 1000, 5000).value();
  ASSERT_TRUE(lost);
  first->fence_writes(*lost);
  ASSERT_TRUE(first->save_findings(run, std::vector{finding("a", "LINK-BROKEN", "http://x/")}));
  EXPECT_FALSE(second->claim_site("w2", 4000, 64'000).value());  // the lease still runs

  auto taken = second->claim_site("w2", 6000, 66'000).value();  // it ran out at 5000
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->attempts, 2);
  EXPECT_EQ(taken->worker, "w2");
  ASSERT_TRUE(second->restart_site(*taken));
  EXPECT_EQ(testdb::query_int(db_.name(), "SELECT count(*) FROM finding_occurrences"), 0);

  // The first worker comes back: its renewal, writes and completion are refused.
  EXPECT_FALSE(first->renew_claim(*lost, 70'000).value());
  auto write = first->save_findings(run, std::vector{finding("a", "LINK-BROKEN", "http://y/")});
  ASSERT_FALSE(write);
  EXPECT_NE(write.error().message.find("lost to another worker"), std::string::npos)
      << write.error().message;
  EXPECT_FALSE(first->complete_site(*lost, {}).value());

  second->fence_writes(*taken);
  ASSERT_TRUE(second->save_findings(run, std::vector{finding("a", "LINK-BROKEN", "http://x/")}));
  EXPECT_TRUE(second->renew_claim(*taken, 80'000).value());
  EXPECT_TRUE(second->complete_site(*taken, {.sites = 1}).value());
  EXPECT_TRUE(second->finish_queued_run(run, "2026-12-01T03:00:00Z").value());
  auto rows = second->findings({run, {}, StatusFilter::all});
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().finding.subject, "http://x/");
}

// Four connections claiming at once, as workers on four machines: every site exactly once.
TEST_P(QueueTest, ConcurrentClaimsTakeDifferentSites) {
  std::vector<std::string> sites;
  for (int i = 0; i < 40; ++i) sites.push_back("site" + std::to_string(i));
  auto setup = open();
  const auto run = queued_run(*setup, sites);
  std::vector<std::vector<std::string>> taken(4);
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&, w] {
      auto store = open_store(db_.name());
      if (!store) return;
      const std::string id = "w" + std::to_string(w);
      while (auto claim = (*store)->claim_site(id, 1000, 61'000)) {
        if (!*claim) break;
        taken[w].push_back((*claim)->site);
        (void)(*store)->complete_site(**claim, {.sites = 1});
      }
    });
  }
  for (auto& t : workers) t.join();
  std::multiset<std::string> all;
  for (const auto& list : taken) all.insert(list.begin(), list.end());
  EXPECT_EQ(all, std::multiset<std::string>(sites.begin(), sites.end()));
  EXPECT_EQ(setup->queue_counts(run)->done, 40);
}

INSTANTIATE_TEST_SUITE_P(Engines, QueueTest, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
