// A finding's life over several patrols of a static site, end to end: the second patrol
// asks with the stored validators (and gets 304s), its findings are "open"; once the broken
// link is removed from the page, the next patrol lists the finding as "resolved".
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

TEST(Lifecycle, UnchangedSiteIsAskedConditionallyAndBrokenLinkGoesOpenThenResolved) {
  TempDir root("sitepatrol-it-static");
  root.write_file("index.html", html("<a href=\"/tzgg/index.html\">通知公告</a>"
                                     "<a href=\"/files/plan.pdf\">规划</a>"));
  root.write_file("tzgg/index.html", html("<p>通知</p>"));
  FixtureServer server(root.path());
  Patrol patrol(server);
  const std::string broken_url = on_site(server, "/files/plan.pdf");

  const Round first = patrol.round();
  ASSERT_TRUE(round_ok(first));
  auto broken = first.findings.find("LINK-BROKEN", broken_url);
  ASSERT_TRUE(broken) << first.findings.describe();
  EXPECT_EQ(broken->status, "new");

  const std::size_t before_second = server.requests().size();
  const Round second = patrol.round();
  ASSERT_TRUE(round_ok(second));
  const auto log = server.requests();
  // Every page but the homepage is asked for conditionally; the homepage is always read in
  // full, because availability, identifiers and headers are judged on today's answer.
  int conditional_pages = 0;
  for (std::size_t i = before_second; i < log.size(); ++i) {
    const auto& q = log[i];
    const bool conditional =
        !q.header("if-none-match").empty() || !q.header("if-modified-since").empty();
    if (q.path() == "/") {
      EXPECT_FALSE(conditional) << "the homepage was asked conditionally";
    }
    if (q.path() != "/tzgg/index.html") continue;
    EXPECT_TRUE(conditional) << q.method << " " << q.target << " was not conditional";
    ++conditional_pages;
  }
  EXPECT_EQ(conditional_pages, 1);
  EXPECT_GT(second.findings.run.value("id", 0), first.findings.run.value("id", 0));
  broken = second.findings.find("LINK-BROKEN", broken_url);
  ASSERT_TRUE(broken) << "a 304 homepage must keep its links\n" << second.findings.describe();
  EXPECT_EQ(broken->status, "open");

  // The manager removes the broken link.
  root.write_file("index.html", html("<a href=\"/tzgg/index.html\">通知公告栏目</a>"));
  const Round third = patrol.round();
  ASSERT_TRUE(round_ok(third));
  EXPECT_FALSE(third.findings.find("LINK-BROKEN", broken_url)) << third.findings.describe();
  const Findings resolved = patrol.findings({"--status", "resolved"});
  ASSERT_EQ(resolved.process.exit_code, 0) << resolved.process.err;
  ASSERT_TRUE(resolved.parse_error.empty()) << resolved.parse_error;
  broken = resolved.find("LINK-BROKEN", broken_url);
  ASSERT_TRUE(broken) << resolved.describe();
  EXPECT_EQ(broken->status, "resolved");
}

// `database = "patrol.db"` is next to the configuration file, wherever crawl runs from.
TEST(Lifecycle, DatabaseIsRelativeToTheConfigurationFile) {
  FixtureServer server;
  server.page("/", html("<p>首页</p>"));
  Patrol patrol(server);  // runs sitepatrol from a sub-folder of the config's folder
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_TRUE(std::filesystem::exists(patrol.database_path()));
  EXPECT_FALSE(std::filesystem::exists(patrol.dir() / "cwd" / "patrol.db"));
}

}  // namespace
}  // namespace sitepatrol::integration
