// The whole tool on PostgreSQL (docs/postgresql.md), through the real binary: `database` set
// to a postgresql:// URI naming a schema of the test cluster (tests/support/test_database.h).
// Patrols, `findings` and `report` answer as they do on SQLite.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/integration/patrol_harness.h"
#include "tests/integration/report_setup.h"
#include "tests/support/test_database.h"

namespace sitepatrol::integration {
namespace {

std::string read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::filesystem::path golden(const std::string& name) {
  return std::filesystem::path(SITEPATROL_TEST_DATA) / "reports" / name;
}

// The report tests' database, filled on PostgreSQL: the same bytes as the golden files.
TEST(PostgreSql, ReportsAreTheSameBytesAsFromSqlite) {
  testdb::TestDatabase db(testdb::Engine::postgresql);
  ReportSetup setup(db.name());
  auto json = setup.report({"--month", "2026-11", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out, read(golden("monthly.json")));
  auto html = setup.report({"--month", "2026-11", "--lang", "en"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_EQ(html.out, read(golden("monthly.en.html")));
  const auto md = setup.dir() / "hb.md";
  auto self = setup.report({"-m", "2026-11", "-s", "hb-jtt", "-f", "md", "-o", md.string()});
  ASSERT_EQ(self.exit_code, 0) << self.err;
  EXPECT_EQ(read(md), read(golden("self-inspection-hb-jtt.md")));
}

// An installation moves: `db copy` takes the report tests' SQLite file with its whole
// history into PostgreSQL, and the reports from there are the same bytes. A second copy into
// the same database is refused; `db migrate` brings a fresh database to the current version.
TEST(PostgreSql, DbCopyMovesAWholeSqliteHistory) {
  testdb::TestDatabase pg(testdb::Engine::postgresql);
  ReportSetup setup;  // SQLite: report.db beside the configuration
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), testsupport::sitepatrol_binary());
    return testsupport::run_process(args);
  };
  const auto copy = run({"db", "copy", "-c", setup.config(), "--to", pg.name()});
  ASSERT_EQ(copy.exit_code, 0) << copy.err;
  EXPECT_NE(copy.out.find("rows copied"), std::string::npos) << copy.out;
  EXPECT_NE(copy.out.find("finding_occurrences: "), std::string::npos) << copy.out;

  auto json = setup.report({"--month", "2026-11", "--format", "json", "--db", pg.name()});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out, read(golden("monthly.json")));

  const auto again = run({"db", "copy", "-c", setup.config(), "--to", pg.name()});
  EXPECT_EQ(again.exit_code, 3);
  EXPECT_NE(again.err.find("already holds runs"), std::string::npos) << again.err;

  testdb::TestDatabase fresh(testdb::Engine::postgresql);
  const auto migrated = run({"db", "migrate", "--db", fresh.name()});
  ASSERT_EQ(migrated.exit_code, 0) << migrated.err;
  EXPECT_NE(migrated.out.find("schema version 0 -> "), std::string::npos) << migrated.out;
  EXPECT_EQ(testdb::schema_version_of(fresh.name()), store::current_schema_version());
}

// code|subject|status of each finding, in the order `findings` lists them.
std::vector<std::string> lines(const Findings& f) {
  std::vector<std::string> out;
  for (const Finding& x : f.all) out.push_back(x.code + "|" + x.subject + "|" + x.status);
  return out;
}

// Three nights of one site on each engine: new, then open (the pages answer 304), then
// resolved once the broken link is gone. Both engines list the same findings each night.
TEST(PostgreSql, ALifecycleOfPatrolsAgreesWithSqlite) {
  testdb::TestDatabase pg(testdb::Engine::postgresql);
  TempDir root("sitepatrol-it-pg");
  root.write_file("index.html", html("<a href=\"/tzgg/index.html\">通知公告</a>"
                                     "<a href=\"/files/plan.pdf\">规划</a>"));
  root.write_file("tzgg/index.html", html("<p>通知</p>"));
  FixtureServer server(root.path());
  Patrol on_sqlite(server);
  Patrol on_postgresql(server);
  on_postgresql.set("database", "\"" + pg.name() + "\"");
  const std::string broken_url = on_site(server, "/files/plan.pdf");

  std::vector<std::string> statuses;
  for (int night = 0; night < 3; ++night) {
    if (night == 2)
      root.write_file("index.html", html("<a href=\"/tzgg/index.html\">通知公告</a>"));
    const Round a = on_sqlite.round();
    const Round b = on_postgresql.round();
    ASSERT_TRUE(round_ok(a));
    ASSERT_TRUE(round_ok(b)) << b.crawl.err;
    EXPECT_EQ(lines(b.findings), lines(a.findings)) << "night " << night;
    auto broken = b.findings.find("LINK-BROKEN", broken_url);
    statuses.push_back(broken ? broken->status : "gone");
  }
  EXPECT_EQ(statuses, (std::vector<std::string>{"new", "open", "gone"}));
  const Findings resolved = on_postgresql.findings({"--status", "resolved"});
  ASSERT_EQ(resolved.process.exit_code, 0) << resolved.process.err;
  auto broken = resolved.find("LINK-BROKEN", broken_url);
  ASSERT_TRUE(broken) << resolved.describe();
  EXPECT_EQ(broken->status, "resolved");
  EXPECT_FALSE(std::filesystem::exists(on_postgresql.database_path()));  // no SQLite file
}

// The password never sits in the configuration: `database` with one is refused, naming the
// file, line and key, before anything connects.
TEST(PostgreSql, APasswordInTheConfigurationIsRefused) {
  FixtureServer server;
  server.page("/", html("<p>首页</p>"));
  Patrol patrol(server);
  patrol.set("database", "\"postgresql://patrol:secret@db.example/sitepatrol\"");
  const auto r = patrol.crawl();
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("sites.toml:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("patrol.database"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("PGPASSWORD"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sitepatrol::integration
