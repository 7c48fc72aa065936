// AVAIL-DOWN and AVAIL-SLOW end to end: the real binary against a homepage that fails,
// refuses, hangs or answers slowly.
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

void expect_down(const Round& r, const std::string& url, std::string_view detail_part) {
  auto down = r.findings.find("AVAIL-DOWN", url);
  ASSERT_TRUE(down) << r.findings.describe();
  EXPECT_EQ(down->severity, "critical");
  EXPECT_EQ(down->site, "site");
  EXPECT_EQ(down->page, url);
  EXPECT_NE(down->detail.find(detail_part), std::string::npos) << down->detail;
  EXPECT_EQ(down->status, "new");
}

TEST(Availability, HomepageAnswering500IsDown) {
  FixtureServer server;
  server.status("/", 500, html("服务器内部错误"));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  expect_down(r, home(server), "HTTP 500");
}

// A homepage that is down is one problem, AVAIL-DOWN; it is not also a LINK-BROKEN (or
// LINK-TIMEOUT) "found on" no page, which would count the outage twice in every report.
TEST(Availability, DownHomepageIsNotAlsoReportedAsBrokenLink) {
  FixtureServer server;
  server.status("/", 500, html("服务器内部错误"));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_TRUE(r.findings.find("AVAIL-DOWN", home(server))) << r.findings.describe();
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", home(server))) << r.findings.describe();
  for (const auto& f : r.findings.all)
    EXPECT_FALSE(f.page.empty()) << f.code << " " << f.subject << " names no page";
}

TEST(Availability, HomepageRefusingConnectionsIsDown) {
  const unsigned short port = unused_port();
  Patrol patrol;
  patrol.resolve(kSiteHost, port);
  const std::string url = site_url(kSiteHost, port);
  patrol.add_site("site", url);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  expect_down(r, url, "connect");
}

TEST(Availability, HomepageThatHangsIsDownWithTimeout) {
  FixtureServer server;
  server.hang("/");
  Patrol patrol(server);
  patrol.set("timeout_s", "2");
  const auto started = std::chrono::steady_clock::now();
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  expect_down(r, home(server), "timeout");
  // The limit is the configured one, not curl's default or the national 15 s.
  EXPECT_LT(std::chrono::steady_clock::now() - started, 12s);
}

TEST(Availability, SlowHomepageRaisesAvailSlow) {
  FixtureServer server;
  server.slow("/", 1200, html("<p>慢</p>"));
  Patrol patrol(server);
  patrol.set("slow_ms", "500");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  auto slow = r.findings.find("AVAIL-SLOW", home(server));
  ASSERT_TRUE(slow) << r.findings.describe();
  EXPECT_EQ(slow->severity, "warning");
  EXPECT_NE(slow->detail.find("500 ms"), std::string::npos) << slow->detail;
  EXPECT_TRUE(r.findings.with_code("AVAIL-DOWN").empty()) << r.findings.describe();
}

TEST(Availability, FastHomepageRaisesNothing) {
  FixtureServer server;
  server.page("/", html("<p>快</p>"));
  Patrol patrol(server);
  patrol.set("slow_ms", "500");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_TRUE(r.findings.with_code("AVAIL-SLOW").empty()) << r.findings.describe();
  EXPECT_TRUE(r.findings.with_code("AVAIL-DOWN").empty()) << r.findings.describe();
  EXPECT_EQ(server.hits("/"), 1u);
}

}  // namespace
}  // namespace sitepatrol::integration
