#include "store/sql_store.h"

#include <gtest/gtest.h>

#include "store/schema.h"
#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

class InteractionMonths : public testdb::EngineTest {};

using checks::InteractionMonth;
using testing::query_int;

InteractionMonth month(std::string m, int messages, int answered, std::optional<double> median) {
  InteractionMonth x;
  x.month = std::move(m);
  x.messages = messages;
  x.answered = answered;
  x.unanswered = messages - answered;
  if (messages > 0) x.reply_rate = double(answered) / messages;
  x.median_reply_days = median;
  x.interviews = 1;
  x.solicitations = 2;
  x.solicitations_no_feedback = 1;
  return x;
}

TEST_P(InteractionMonths, StoredPerSiteAndMonthTheLatestReadingWins) {
  auto opened = open_store(db_.name());
  ASSERT_TRUE(opened) << opened.error().message;
  auto& store = **opened;
  auto run1 = store.begin_run("2026-10-01T02:00:00Z", {"a", "b"});
  ASSERT_TRUE(run1);
  std::vector<InteractionMonth> first = {month("2026-09", 4, 3, 2.0), month("2026-10", 0, 0, {})};
  ASSERT_TRUE(store.save_interaction_months(*run1, "a", first));
  ASSERT_TRUE(store.save_interaction_months(*run1, "b", std::vector{month("2026-10", 1, 1, 5.0)}));
  ASSERT_TRUE(store.finish_run(*run1, "2026-10-01T02:10:00Z", {}));

  auto run2 = store.begin_run("2026-11-01T02:00:00Z", {"a"});
  ASSERT_TRUE(run2);
  ASSERT_TRUE(store.save_interaction_months(*run2, "a", std::vector{month("2026-10", 2, 1, 7.5)}));

  auto a = store.interaction_months("a");
  ASSERT_TRUE(a) << a.error().message;
  ASSERT_EQ(a->size(), 2u);
  EXPECT_EQ((*a)[0].month, "2026-09");
  EXPECT_EQ((*a)[0].answered, 3);
  ASSERT_TRUE((*a)[0].reply_rate);
  EXPECT_DOUBLE_EQ(*(*a)[0].reply_rate, 0.75);
  EXPECT_EQ((*a)[1].month, "2026-10");
  EXPECT_EQ((*a)[1].messages, 2);
  ASSERT_TRUE((*a)[1].median_reply_days);
  EXPECT_DOUBLE_EQ(*(*a)[1].median_reply_days, 7.5);
  EXPECT_EQ((*a)[1].interviews, 1);
  EXPECT_EQ((*a)[1].solicitations_no_feedback, 1);
  EXPECT_EQ(query_int(db_.name(),
                      "SELECT run_id FROM interaction_months WHERE site = 'a' AND month = '2026-10'"),
            *run2);

  auto b = store.interaction_months("b");
  ASSERT_TRUE(b);
  ASSERT_EQ(b->size(), 1u);
  EXPECT_EQ((*b)[0].messages, 1);
  EXPECT_TRUE(store.interaction_months("nobody")->empty());
}

TEST_P(InteractionMonths, EmptyMonthsKeepNoRateAndNoMedian) {
  auto store = std::move(*open_store(db_.name()));
  auto run = store->begin_run("2026-11-01T02:00:00Z", {"a"});
  ASSERT_TRUE(run);
  ASSERT_TRUE(store->save_interaction_months(*run, "a", std::vector{month("2026-11", 0, 0, {})}));
  auto a = store->interaction_months("a");
  ASSERT_TRUE(a);
  ASSERT_EQ(a->size(), 1u);
  EXPECT_FALSE((*a)[0].reply_rate);
  EXPECT_FALSE((*a)[0].median_reply_days);
  EXPECT_GE(current_schema_version(), 5);
}

INSTANTIATE_TEST_SUITE_P(Engines, InteractionMonths, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
