// Redirects end to end: loops and over-long chains raise LINK-REDIRECT-LOOP on the link that
// starts them; a short chain that ends well raises nothing.
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

// /r1 -> /r2 -> ... -> /r{hops+1}, which answers 200.
void redirect_chain(FixtureServer& server, int hops) {
  for (int i = 1; i <= hops; ++i)
    server.redirect("/r" + std::to_string(i), "/r" + std::to_string(i + 1), 302);
  server.page("/r" + std::to_string(hops + 1), html("<p>终点</p>"));
}

TEST(Redirects, LoopBetweenTwoPagesIsReported) {
  FixtureServer server;
  server.redirect_loop("/old/a.html", "/old/b.html");
  server.page("/", html("<a href=\"/old/a.html\">旧版网站</a>"));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  auto loop = r.findings.find("LINK-REDIRECT-LOOP", on_site(server, "/old/a.html"));
  ASSERT_TRUE(loop) << r.findings.describe();
  EXPECT_EQ(loop->severity, "error");
  EXPECT_EQ(loop->page, home(server));
  EXPECT_NE(loop->detail.find("loop"), std::string::npos) << loop->detail;
  // The loop is bounded: a couple of turns, not a spin until the timeout.
  EXPECT_LE(server.hits("/old/a.html"), 3u);
}

// a -> b -> a: the loop closes on a, and that is what the detail must name.
TEST(Redirects, LoopDetailNamesTheUrlItReturnsTo) {
  FixtureServer server;
  server.redirect_loop("/old/a.html", "/old/b.html");
  server.page("/", html("<a href=\"/old/a.html\">旧版网站</a>"));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  auto loop = r.findings.find("LINK-REDIRECT-LOOP", on_site(server, "/old/a.html"));
  ASSERT_TRUE(loop) << r.findings.describe();
  EXPECT_NE(loop->detail.find("back to " + on_site(server, "/old/a.html")), std::string::npos)
      << loop->detail;
}

TEST(Redirects, ChainOfTwelveHopsIsReported) {
  FixtureServer server;
  redirect_chain(server, 12);
  server.page("/", html("<a href=\"/r1\">跳转</a>"));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  auto loop = r.findings.find("LINK-REDIRECT-LOOP", on_site(server, "/r1"));
  ASSERT_TRUE(loop) << r.findings.describe();
  EXPECT_NE(loop->detail.find("10"), std::string::npos) << loop->detail;
  EXPECT_EQ(server.hits("/r13"), 0u);  // stopped at the limit
}

TEST(Redirects, ShortChainEndingInPageRaisesNothing) {
  FixtureServer server;
  redirect_chain(server, 3);
  server.page("/", html("<a href=\"/r1\">跳转</a>"));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(server.hits("/r4"), 1u);
  EXPECT_TRUE(r.findings.all.empty()) << r.findings.describe();
}

}  // namespace
}  // namespace sitepatrol::integration
