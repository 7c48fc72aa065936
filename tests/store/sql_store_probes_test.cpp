// The daemon's tables (schema version 4): probes and the alert history.
#include "store/sql_store.h"

#include <gtest/gtest.h>

#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

class SqlStoreAlerts : public testdb::EngineTest {};
class SqlStoreProbes : public testdb::EngineTest {};


ProbeRecord probe(std::string site, std::int64_t at, bool up) {
  ProbeRecord p;
  p.site = std::move(site);
  p.url = "http://www.site.example/";
  p.at_ms = at;
  p.up = up;
  p.status = up ? 200 : 0;
  p.error = up ? "" : "timeout";
  p.elapsed_ms = 12.5;
  return p;
}

TEST_P(SqlStoreProbes, SavedReadBackAndPruned) {
  auto store = SqlStore::open(db_.name());
  ASSERT_TRUE(store) << store.error().message;
  for (int i = 0; i < 5; ++i) ASSERT_TRUE((*store)->save_probe(probe("a", 1000 * i, i % 2 == 0)));
  ASSERT_TRUE((*store)->save_probe(probe("b", 500, false)));

  auto since = (*store)->probes("a", 2000);
  ASSERT_TRUE(since);
  ASSERT_EQ(since->size(), 3u);
  EXPECT_EQ((*since)[0].at_ms, 2000);   // oldest first
  EXPECT_TRUE((*since)[0].up);
  EXPECT_EQ((*since)[1].error, "timeout");
  EXPECT_EQ((*since)[1].elapsed_ms, 12.5);

  auto recent = (*store)->recent_probes("a", 2);
  ASSERT_TRUE(recent);
  ASSERT_EQ(recent->size(), 2u);
  EXPECT_EQ((*recent)[0].at_ms, 4000);  // newest first
  EXPECT_EQ((*recent)[1].at_ms, 3000);

  auto pruned = (*store)->prune_probes(2000);
  ASSERT_TRUE(pruned);
  EXPECT_EQ(*pruned, 3);                // a@0, a@1000, b@500
  EXPECT_EQ((*store)->probes("a", 0)->size(), 3u);
  EXPECT_TRUE((*store)->probes("b", 0)->empty());
}

TEST_P(SqlStoreAlerts, UniquePerKeyAndChannel) {
  auto store = SqlStore::open(db_.name());
  ASSERT_TRUE(store);
  AlertRecord a;
  a.key = "site_down:hb-jtt:1";
  a.channel = "ops";
  a.event = "site_down";
  a.site = "hb-jtt";
  a.payload = "{}";
  a.created_ms = 10;
  a.next_attempt_ms = 10;
  EXPECT_EQ((*store)->add_alert(a), true);
  EXPECT_EQ((*store)->add_alert(a), false);
  a.channel = "mail";
  a.next_attempt_ms = 50;
  EXPECT_EQ((*store)->add_alert(a), true);

  auto due = (*store)->due_alerts(20);
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].channel, "ops");
  EXPECT_EQ((*due)[0].status, "pending");

  AlertRecord sent = (*due)[0];
  sent.status = "sent";
  sent.attempts = 1;
  sent.sent_ms = 20;
  ASSERT_TRUE((*store)->update_alert(sent));
  EXPECT_EQ((*store)->due_alerts(100)->size(), 1u);   // only "mail" left
  auto history = (*store)->alert_history(10);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[1].status, "sent");
  EXPECT_EQ((*history)[1].sent_ms, 20);
  EXPECT_EQ((*history)[0].sent_ms, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, SqlStoreAlerts, testdb::all_engines(), testdb::engine_name);
INSTANTIATE_TEST_SUITE_P(Engines, SqlStoreProbes, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
