// PostgreSQL restarted under a patrol (issue 16's fault test, the store's part): the store
// reconnects between statements and its prepared statements are prepared again, so the
// writes after the restart succeed and the run finishes with everything written.
#include <gtest/gtest.h>

#include "store/sql_store.h"
#include "tests/store/store_fixture.h"
#include "tests/support/own_postgres_cluster.h"

namespace sitepatrol::store {
namespace {

using testdb::OwnCluster;

TEST(PostgresRestart, WritesAfterARestartSucceedAndTheRunFinishes) {
  OwnCluster cluster("restart");
  ASSERT_FALSE(cluster.uri().empty());
  auto opened = open_store(cluster.uri());
  ASSERT_TRUE(opened) << opened.error().message;
  auto& store = **opened;
  auto run = store.begin_run("2026-12-01T02:00:00Z", {"a"});
  ASSERT_TRUE(run) << run.error().message;
  ASSERT_TRUE(
      store.save_findings(*run, std::vector{testing::finding("a", "LINK-BROKEN", "http://x/")}));

  ASSERT_EQ(cluster.script("restart"), 0);

  auto saved =
      store.save_findings(*run, std::vector{testing::finding("a", "LINK-BROKEN", "http://y/")});
  ASSERT_TRUE(saved) << saved.error().message;
  auto finished = store.finish_run(*run, "2026-12-01T03:00:00Z", {.sites = 1});
  ASSERT_TRUE(finished) << finished.error().message;
  auto rows = store.findings({*run, {}, StatusFilter::all});
  ASSERT_TRUE(rows) << rows.error().message;
  EXPECT_EQ(rows->size(), 2u);
}

}  // namespace
}  // namespace sitepatrol::store
