// Mistakes of the user, end to end: a bad configuration or an unknown --site is exit code 2
// with a message naming the file, the line and the key.
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

constexpr std::string_view kTypoConfig =
    "[patrol]\n"                  // 1
    "database = \"patrol.db\"\n"  // 2
    "per_host_delay_ms = 0\n"     // 3
    "timout_s = 5\n"              // 4: the typo
    "\n"                          // 5
    "[[site]]\n"                  // 6
    "id = \"site\"\n"             // 7
    "url = \"http://www.site.example/\"\n";

TEST(ConfigErrors, TypoKeyNamesFileLineAndKey) {
  Patrol patrol;
  const auto file = patrol.dir().write_file("sites.toml", kTypoConfig);
  const ProcessResult r = patrol.run({"crawl", "-c", file.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, file.string() + ":4:")) << r.err;
  EXPECT_TRUE(contains(r.err, "timout_s")) << r.err;
  EXPECT_TRUE(contains(r.err, "timeout_s")) << "no did-you-mean: " << r.err;
  EXPECT_FALSE(std::filesystem::exists(patrol.database_path()));
}

TEST(ConfigErrors, ConfigCheckReportsTheSameTypo) {
  Patrol patrol;
  const auto file = patrol.dir().write_file("sites.toml", kTypoConfig);
  const ProcessResult r = patrol.run({"config", "check", "-c", file.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, file.string() + ":4:")) << r.err;
  EXPECT_TRUE(contains(r.err, "timout_s")) << r.err;
}

TEST(ConfigErrors, UnknownSiteIsAUsageError) {
  FixtureServer server;
  server.page("/", html("<p>首页</p>"));
  Patrol patrol(server);
  const ProcessResult r = patrol.crawl({"--site", "no-such-site"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "no-such-site")) << r.err;
  EXPECT_EQ(server.requests_seen(), 0u);
}

TEST(ConfigErrors, MalformedTomlNamesTheLine) {
  Patrol patrol;
  const auto file = patrol.dir().write_file("sites.toml",
                                            "[patrol]\n"
                                            "database = \"patrol.db\"\n"
                                            "\n"
                                            "[[site]]\n"
                                            "id = \"site\"\n"
                                            "url = \"http://www.site.example/\n"  // 6: unterminated
                                            "name = \"示例\"\n");
  const ProcessResult r = patrol.run({"crawl", "-c", file.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, file.string() + ":6")) << r.err;
}

// [report] (docs/notice.md): a time zone the tz database does not have stops `report` before
// it opens the database.
TEST(ConfigErrors, UnknownReportTimeZoneNamesFileLineAndKey) {
  Patrol patrol;
  const auto file = patrol.dir().write_file(
      "sites.toml", std::string(kTypoConfig.substr(0, kTypoConfig.find("timout_s"))) +
                        "\n[[site]]\nid = \"site\"\nurl = \"http://www.site.example/\"\n"
                        "\n[report]\n"                     // 9
                        "timezone = \"Asia/Beijing\"\n");  // 10
  const ProcessResult r = patrol.run({"report", "-c", file.string(), "--month", "2026-11"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, file.string() + ":10:")) << r.err;
  EXPECT_TRUE(contains(r.err, "report.timezone")) << r.err;
  EXPECT_TRUE(contains(r.err, "Asia/Beijing")) << r.err;
}

}  // namespace
}  // namespace sitepatrol::integration
