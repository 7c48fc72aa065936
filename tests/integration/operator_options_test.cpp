// What operators configure (issue 12): include/exclude URL patterns, global and per site, and
// accepted statuses as ranges, per site, for every site, and per target host ([[accept]]).
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

TEST(OperatorOptions, ExcludedUrlsAreNeitherFetchedNorCheckedAndAreCounted) {
  FixtureServer server;
  server.page("/", html("<a href=\"/old/a.html\">旧栏目</a><a href=\"/files/x.zip\">下载</a>"
                        "<a href=\"/news/1.html\">新闻</a><a href=\"/print/1.html\">打印</a>"));
  server.status("/old/a.html", 404);
  server.status("/files/x.zip", 404);
  server.page("/news/1.html", html("<a href=\"/old/b.html\">旧</a>"));
  server.status("/print/1.html", 404);
  Patrol patrol(server, "exclude = [\"**/print/**\"]\n");
  patrol.set("exclude", "[\"http://www.site.example:*/old/**\", \"**.zip\"]");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(server.hits("/old/a.html"), 0u);
  EXPECT_EQ(server.hits("/old/b.html"), 0u);
  EXPECT_EQ(server.hits("/files/x.zip"), 0u);
  EXPECT_EQ(server.hits("/print/1.html"), 0u);  // the site's own pattern
  EXPECT_GE(server.hits("/news/1.html"), 1u);
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", on_site(server, "/old/a.html")))
      << r.findings.describe();
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", on_site(server, "/files/x.zip")))
      << r.findings.describe();
  EXPECT_NE(r.crawl.err.find("4 URL(s) skipped by include/exclude patterns"), std::string::npos)
      << r.crawl.err;
}

TEST(OperatorOptions, IncludeKeepsTheWalkToMatchingUrls) {
  FixtureServer server;
  server.page("/", html("<a href=\"/xxgk/1.html\">公开</a><a href=\"/other/1.html\">其他</a>"));
  server.page("/xxgk/1.html", html("<p>信息公开</p>"));
  server.status("/other/1.html", 404);
  Patrol patrol(server, "include = [\"**/xxgk/**\"]\n");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_GE(server.hits("/"), 1u);  // the homepage is always read
  EXPECT_GE(server.hits("/xxgk/1.html"), 1u);
  EXPECT_EQ(server.hits("/other/1.html"), 0u);
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", on_site(server, "/other/1.html")))
      << r.findings.describe();
}

TEST(OperatorOptions, AcceptedStatusRangesPerSiteGlobalAndPerHost) {
  FixtureServer server;
  FixtureServer other;  // another host, answering 403 to everything we ask
  other.status("/forbidden", 403);
  other.status("/gone", 410);
  server.page("/", html("<a href=\"/login\">登录</a><a href=\"/teapot\">茶壶</a>"
                        "<a href=\"/missing\">缺失</a>"
                        "<a href=\"http://other.example:" +
                        std::to_string(other.port()) +
                        "/forbidden\">外链</a>"
                        "<a href=\"http://other.example:" +
                        std::to_string(other.port()) + "/gone\">外链2</a>"));
  server.status("/login", 401);
  server.status("/teapot", 418);
  server.status("/missing", 404);
  Patrol patrol(server,
                "accept_status = [\"401-403\"]\n\n[[accept]]\nhost = \"other.example\"\n"
                "status = [\"403\"]\n");
  patrol.resolve("other.example", other.port());
  patrol.set("allow_private_networks", "true");
  patrol.set("accept_status", "[\"418..=418\"]");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", on_site(server, "/login"))) << r.findings.describe();
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", on_site(server, "/teapot"))) << r.findings.describe();
  EXPECT_TRUE(r.findings.find("LINK-BROKEN", on_site(server, "/missing"))) << r.findings.describe();
  const std::string other_base = "http://other.example:" + std::to_string(other.port());
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", other_base + "/forbidden")) << r.findings.describe();
  EXPECT_TRUE(r.findings.find("LINK-BROKEN", other_base + "/gone")) << r.findings.describe();
}

TEST(OperatorOptions, BadPatternsAndStatusesAreConfigErrors) {
  FixtureServer server;
  Patrol patrol(server, "accept_status = [\"299-200\"]\n");
  const ProcessResult bad_range = patrol.crawl();
  EXPECT_EQ(bad_range.exit_code, 2) << bad_range.err;
  EXPECT_NE(bad_range.err.find("site 'site'.accept_status[1]"), std::string::npos) << bad_range.err;
  EXPECT_NE(bad_range.err.find("sites.toml:12:"), std::string::npos) << bad_range.err;

  Patrol empty_pattern(server);
  empty_pattern.set("exclude", "[\"\"]");
  const ProcessResult bad_pattern = empty_pattern.crawl();
  EXPECT_EQ(bad_pattern.exit_code, 2) << bad_pattern.err;
  EXPECT_NE(bad_pattern.err.find("patrol.exclude[1]"), std::string::npos) << bad_pattern.err;

  Patrol no_status(server, "\n[[accept]]\nhost = \"a.example\"\n");
  const ProcessResult missing = no_status.crawl();
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
  EXPECT_NE(missing.err.find("accept[1].status"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace sitepatrol::integration
