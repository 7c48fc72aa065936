#include "store/schema.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <tuple>

#include "store/sql_store.h"
#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using testing::query_int;
using testing::query_text;
using testing::TempDir;

TEST(Schema, FreshDatabaseIsMigratedToTheCurrentVersion) {
  TempDir dir;
  auto file = dir.file("patrol.db");
  {
    auto store = open_sqlite(file);
    ASSERT_TRUE(store) << store.error().message;
  }
  EXPECT_EQ(query_int(file, "PRAGMA user_version"), current_schema_version());
  EXPECT_EQ(query_text(file, "PRAGMA journal_mode"), "wal");  // persistent in the file
  for (const char* table :
       {"urls", "runs", "run_sites", "pages", "page_links", "page_fetches", "link_checks",
        "findings", "finding_occurrences", "finding_resolutions", "baselines"}) {
    EXPECT_EQ(query_int(file, std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") +
                                  table + "'"),
              1)
        << table;
  }
}

TEST(Schema, ReopeningKeepsDataAndAppliesNothingTwice) {
  TempDir dir;
  auto file = dir.file("patrol.db");
  {
    auto store = open_sqlite(file);
    ASSERT_TRUE(store) << store.error().message;
    auto run = (*store)->begin_run("2026-11-01T02:00:00Z", {"hb-jtt"});
    ASSERT_TRUE(run);
    ASSERT_TRUE((*store)->finish_run(*run, "2026-11-01T03:00:00Z", {1, 10, 100}));
  }
  auto store = open_sqlite(file);
  ASSERT_TRUE(store) << store.error().message;
  auto latest = (*store)->run(std::nullopt);
  ASSERT_TRUE(latest && *latest);
  EXPECT_EQ((*latest)->pages, 10);
  EXPECT_EQ(query_int(file, "PRAGMA user_version"), current_schema_version());
}

// A database of version 11 holds a week of probes and no daily rollup; version 12 fills the
// rollup from them, so the month's availability and the console's chart start complete.
TEST(Schema, Version12RollsUpTheProbesAlreadyStored) {
  TempDir dir;
  auto file = dir.file("patrol.db");
  {
    auto store = open_sqlite(file);
    ASSERT_TRUE(store);
  }
  {
    auto db = Db::open(file);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("DROP TABLE probe_days"));
    constexpr std::int64_t kDay = 86'400'000, kToday = 20'400 * kDay;  // 2025-11-08
    for (const auto& [site, at, up] :
         {std::tuple{"hb-jtt", kToday + 1000, 1}, std::tuple{"hb-jtt", kToday + 2000, 0},
          std::tuple{"hb-jtt", kToday + 3000, 1}, std::tuple{"hb-jtt", kToday - kDay, 0},
          std::tuple{"msa", kToday + 5000, 1}}) {
      ASSERT_TRUE(
          db->exec("INSERT INTO homepage_probes (site, url, at_ms, up, status, error, "
                   "elapsed_ms) VALUES ('" +
                   std::string(site) + "', 'https://x/', " + std::to_string(at) + ", " +
                   std::to_string(up) + ", 200, 'none', 12.5)"));
    }
    ASSERT_TRUE(db->exec("PRAGMA user_version = 11"));
  }
  auto store = open_sqlite(file);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ(query_int(file, "PRAGMA user_version"), current_schema_version());
  auto days = (*store)->probe_days(20'399, "hb-jtt");
  ASSERT_TRUE(days) << days.error().message;
  ASSERT_EQ(days->size(), 2u);
  EXPECT_EQ((*days)[0].day, 20'399);
  EXPECT_EQ((*days)[0].probes, 1);
  EXPECT_EQ((*days)[0].failed, 1);
  EXPECT_EQ((*days)[1].day, 20'400);
  EXPECT_EQ((*days)[1].probes, 3);
  EXPECT_EQ((*days)[1].failed, 1);
}

TEST(Schema, NewerDatabaseIsRefusedUntouched) {
  TempDir dir;
  auto file = dir.file("patrol.db");
  {
    auto store = open_sqlite(file);
    ASSERT_TRUE(store);
  }
  {
    auto db = Db::open(file);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("PRAGMA user_version = 999"));
  }
  auto store = open_sqlite(file);
  ASSERT_FALSE(store);
  const std::string& message = store.error().message;
  EXPECT_NE(message.find("patrol.db"), std::string::npos) << message;
  EXPECT_NE(message.find("schema version 999 is newer"), std::string::npos) << message;
  EXPECT_EQ(query_int(file, "PRAGMA user_version"), 999);
}

TEST(Schema, FileThatIsNotADatabaseIsAnErrorNamingIt) {
  TempDir dir;
  auto file = dir.file("notes.txt");
  {
    std::FILE* out = std::fopen(file.c_str(), "w");
    ASSERT_NE(out, nullptr);
    for (int i = 0; i < 100; ++i) std::fputs("this is not a SQLite database\n", out);
    std::fclose(out);
  }
  auto store = open_sqlite(file);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("notes.txt"), std::string::npos) << store.error().message;
  EXPECT_NE(store.error().message.find("not a database"), std::string::npos)
      << store.error().message;
}

TEST(Schema, PendingStepsAreAppliedInOrderInOneTransaction) {
  TempDir dir;
  auto file = dir.file("patrol.db");
  auto db = Db::open(file);
  ASSERT_TRUE(db);
  ASSERT_TRUE(migrate(*db));

  std::vector<Migration> steps(migrations().begin(), migrations().end());
  const int next = current_schema_version() + 1;
  steps.push_back({next, "CREATE TABLE probes (id INTEGER PRIMARY KEY, ok INTEGER);"});
  steps.push_back({next + 1,
                   "ALTER TABLE probes ADD COLUMN host TEXT;"
                   "INSERT INTO probes (ok, host) VALUES (1, 'x');"});
  ASSERT_TRUE(migrate(*db, steps));
  EXPECT_EQ(query_int(file, "PRAGMA user_version"), next + 1);
  EXPECT_EQ(query_text(file, "SELECT host FROM probes"), "x");

  // A failing step leaves the database exactly at the version before the batch.
  steps.push_back({next + 2, "CREATE TABLE extra (a);"});
  steps.push_back({next + 3, "THIS IS NOT SQL;"});
  auto failed = migrate(*db, steps);
  ASSERT_FALSE(failed);
  EXPECT_NE(failed.error().message.find(std::to_string(next + 3)), std::string::npos)
      << failed.error().message;
  EXPECT_EQ(query_int(file, "PRAGMA user_version"), next + 1);
  EXPECT_EQ(query_int(file, "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"), 0);
}

TEST(Schema, ConnectionSettingsAreInForce) {
  TempDir dir;
  auto db = Db::open(dir.file("patrol.db"));
  ASSERT_TRUE(db);
  ASSERT_TRUE(SqlStore::configure(*db));
  auto read = [&](const char* pragma) {
    auto stmt = db->prepare(std::string("PRAGMA ") + pragma);
    EXPECT_TRUE(stmt && stmt->step().value_or(false)) << pragma;
    return stmt ? stmt->column_text(0) : std::string();
  };
  EXPECT_EQ(read("journal_mode"), "wal");
  EXPECT_EQ(read("synchronous"), "1");  // NORMAL
  EXPECT_EQ(read("foreign_keys"), "1");
  EXPECT_EQ(read("busy_timeout"), "5000");
}

}  // namespace
}  // namespace sitepatrol::store
