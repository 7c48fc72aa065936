// Re-check requests in the store (issue 17): queued once per site, taken, finished.
#include "store/sql_store.h"

#include <gtest/gtest.h>

#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

class RechecksTest : public ::testing::TestWithParam<testdb::Engine> {
 protected:
  void SetUp() override {
    auto opened = open_store(db_.name());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }
  RecheckRequest ask(const std::string& site, const std::string& by) {
    RecheckRequest r;
    r.site = site;
    r.requested_by = by;
    r.requested_at = "2026-12-06T09:00:00Z";
    auto queued = store_->request_recheck(r);
    EXPECT_TRUE(queued) << queued.error().message;
    return queued.value_or(RecheckRequest{});
  }

  testdb::TestDatabase db_{GetParam()};
  std::unique_ptr<Store> store_;
};

TEST_P(RechecksTest, ASiteIsQueuedOnceThenTakenAndFinished) {
  const RecheckRequest first = ask("hb-jtt", "zhang.wei");
  EXPECT_GT(first.id, 0);
  EXPECT_EQ(first.state, "queued");
  // Asked again while still queued: the same request.
  EXPECT_EQ(ask("hb-jtt", "li.na").id, first.id);
  const RecheckRequest other = ask("cj-msa", "li.na");
  EXPECT_NE(other.id, first.id);

  auto queued = store_->queued_rechecks();
  ASSERT_TRUE(queued) << queued.error().message;
  ASSERT_EQ(queued->size(), 2u);
  EXPECT_EQ((*queued)[0].site, "hb-jtt");  // oldest first
  EXPECT_EQ((*queued)[0].requested_by, "zhang.wei");

  RecheckRequest taken = (*queued)[0];
  taken.state = "running";
  ASSERT_TRUE(store_->update_recheck(taken));
  // Running, it is no longer queued: a new request for the site is a new one.
  EXPECT_NE(ask("hb-jtt", "li.na").id, first.id);

  const auto run = store_->begin_run("2026-12-06T09:00:01Z", {"hb-jtt"});
  ASSERT_TRUE(run);
  taken.state = "done";
  taken.run = *run;
  taken.finished_at = "2026-12-06T09:00:09Z";
  taken.outcome = "finished";
  ASSERT_TRUE(store_->update_recheck(taken));
  auto read = store_->recheck(first.id);
  ASSERT_TRUE(read && *read);
  EXPECT_EQ((*read)->state, "done");
  EXPECT_EQ((*read)->run, *run);
  EXPECT_EQ((*read)->outcome, "finished");
  EXPECT_EQ((*read)->finished_at, "2026-12-06T09:00:09Z");
  auto missing = store_->recheck(first.id + 100);
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing->has_value());
}

INSTANTIATE_TEST_SUITE_P(Engines, RechecksTest, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
