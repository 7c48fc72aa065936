// Walks that could not examine everything, through the real binary (issue 11): a page that
// fails and a walk cut short by max_pages_per_site leave the findings they could not see
// open, unverified, instead of resolving them.
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

TEST(Coverage, FailedPageKeepsItsBrokenLinkOpen) {
  FixtureServer server;
  server.page("/", html("<a href=\"/news/index.html\">新闻</a>"));
  server.page("/news/index.html", html("<a href=\"/files/plan.pdf\">规划</a>"));
  Patrol patrol(server);
  const std::string pdf = on_site(server, "/files/plan.pdf");

  const Round first = patrol.round();
  ASSERT_TRUE(round_ok(first));
  ASSERT_TRUE(first.findings.find("LINK-BROKEN", pdf)) << first.findings.describe();

  server.status("/news/index.html", 500);  // the page carrying the link now fails
  const Round second = patrol.round();
  ASSERT_TRUE(round_ok(second));
  auto link = second.findings.find("LINK-BROKEN", pdf);
  ASSERT_TRUE(link) << "a failed page fixed nothing\n" << second.findings.describe();
  EXPECT_EQ(link->status, "open");
  EXPECT_FALSE(link->verified);
  EXPECT_EQ(link->unverified, "page_failed");
  EXPECT_EQ(link->last_seen, first.findings.run["started_at"]);
  // The failing page itself is a new broken link, seen and verified.
  auto page = second.findings.find("LINK-BROKEN", on_site(server, "/news/index.html"));
  ASSERT_TRUE(page) << second.findings.describe();
  EXPECT_TRUE(page->verified);
}

TEST(Coverage, WalkCutShortByThePageLimitResolvesOnlyWhatItRead) {
  FixtureServer server;
  server.page("/", html("<a href=\"/a.html\">甲</a><a href=\"/gone.html\">乙</a>"));
  server.page("/a.html", html("<a href=\"/deep.html\">深</a>"));
  server.page("/deep.html", html("<a href=\"/files/x.pdf\">附件</a>"));
  Patrol patrol(server);
  const std::string pdf = on_site(server, "/files/x.pdf");
  const std::string gone = on_site(server, "/gone.html");

  const Round first = patrol.round();
  ASSERT_TRUE(round_ok(first));
  ASSERT_TRUE(first.findings.find("LINK-BROKEN", pdf)) << first.findings.describe();
  ASSERT_TRUE(first.findings.find("LINK-BROKEN", gone)) << first.findings.describe();

  // The manager fixes the homepage's link; the patrol now reads only two pages.
  server.page("/", html("<a href=\"/a.html\">甲</a>"));
  patrol.set("max_pages_per_site", "2");
  const Round second = patrol.round();
  ASSERT_TRUE(round_ok(second));
  EXPECT_FALSE(second.findings.find("LINK-BROKEN", gone)) << second.findings.describe();
  auto deep = second.findings.find("LINK-BROKEN", pdf);
  ASSERT_TRUE(deep) << "deep.html was not read: its link is not fixed\n"
                    << second.findings.describe();
  EXPECT_EQ(deep->status, "open");
  EXPECT_FALSE(deep->verified);
  EXPECT_EQ(deep->unverified, "not_reached");
  const Findings resolved = patrol.findings({"--status", "resolved"});
  EXPECT_TRUE(resolved.find("LINK-BROKEN", gone)) << resolved.describe();
  EXPECT_FALSE(resolved.find("LINK-BROKEN", pdf)) << resolved.describe();

  // The table says which findings it could not verify.
  const auto table = patrol.run({"findings", "-c", patrol.config_path().string()});
  EXPECT_NE(table.out.find("open?"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("1 not verified in this run"), std::string::npos) << table.out;
}

TEST(Coverage, TimeLimitFinishesTheRunWithWhatItRead) {
  FixtureServer server;
  server.page("/", html("<a href=\"/slow.html\">慢</a><a href=\"/b.html\">乙</a>"));
  server.page("/slow.html", html("<a href=\"/files/y.pdf\">附件</a>"));
  server.page("/b.html", html("<p>乙</p>"));
  Patrol patrol(server);
  patrol.set("per_host_concurrency", "1");
  const std::string pdf = on_site(server, "/files/y.pdf");
  const Round first = patrol.round();
  ASSERT_TRUE(round_ok(first));
  ASSERT_TRUE(first.findings.find("LINK-BROKEN", pdf)) << first.findings.describe();

  // The page carrying the link now takes 3 s; the night's patrol may take 1 s.
  server.slow("/slow.html", 3000, html("<a href=\"/files/y.pdf\">附件</a>"));
  server.slow("/b.html", 3000, html("<p>乙</p>"));
  patrol.set("max_run_time", "\"1s\"");
  const Round second = patrol.round();
  ASSERT_EQ(second.crawl.exit_code, 0) << second.crawl.err;
  EXPECT_NE(second.crawl.err.find("max_run_time"), std::string::npos) << second.crawl.err;
  auto link = second.findings.find("LINK-BROKEN", pdf);
  ASSERT_TRUE(link) << second.findings.describe();
  EXPECT_EQ(link->status, "open");
  EXPECT_FALSE(link->verified);
  EXPECT_EQ(link->unverified, "link_not_checked") << "slow.html was read after the limit";
}

}  // namespace
}  // namespace sitepatrol::integration
