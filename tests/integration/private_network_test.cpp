// The private-address rule end to end (README): a link from a registered site to a
// loopback or private address is not fetched unless allow_private_networks is true. The
// registered site itself is on loopback too, and is always fetched.
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

constexpr std::string_view kIntranetHost = "oa.intranet.example";

// Options for a server on another loopback address than the registered site's.
FixtureServer::Options on_127_0_0_2() {
  FixtureServer::Options options;
  options.address = "127.0.0.2";
  return options;
}

// Patrols `server`'s site, with `extra_resolve_host` (when given) resolved to loopback.
Round patrol_with_link(const FixtureServer& server, std::string_view extra_resolve_host,
                       unsigned short extra_port, bool allow_private) {
  Patrol patrol(server);
  if (!extra_resolve_host.empty()) patrol.resolve(extra_resolve_host, extra_port);
  patrol.set("allow_private_networks", allow_private ? "true" : "false");
  return patrol.round();
}

TEST(PrivateNetwork, HostResolvingToLoopbackIsNotFetchedByDefault) {
  FixtureServer server;
  FixtureServer intranet;
  intranet.page("/admin", html("<p>内网办公系统</p>"));
  const std::string target = site_url(kIntranetHost, intranet.port(), "/admin");
  server.page("/", html("<a href=\"" + target + "\">内网办公系统</a>"));
  const Round r = patrol_with_link(server, kIntranetHost, intranet.port(), false);
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(intranet.requests_seen(), 0u);
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", target)) << r.findings.describe();
  EXPECT_FALSE(r.findings.find("LINK-TIMEOUT", target)) << r.findings.describe();
  EXPECT_EQ(server.hits("/"), 1u);  // the registered site on loopback is patrolled
}

TEST(PrivateNetwork, HostResolvingToLoopbackIsFetchedWhenAllowed) {
  FixtureServer server;
  FixtureServer intranet;
  intranet.page("/admin", html("<p>内网办公系统</p>"));
  const std::string target = site_url(kIntranetHost, intranet.port(), "/admin");
  server.page("/", html("<a href=\"" + target + "\">内网办公系统</a>"));
  const Round r = patrol_with_link(server, kIntranetHost, intranet.port(), true);
  ASSERT_TRUE(round_ok(r));
  EXPECT_GE(intranet.hits("/admin"), 1u);
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", target)) << r.findings.describe();
}

TEST(PrivateNetwork, LiteralLoopbackAddressIsNotFetchedByDefault) {
  FixtureServer server;
  FixtureServer intranet(on_127_0_0_2());
  intranet.page("/x", html("<p>内网</p>"));
  const std::string target = "http://127.0.0.2:" + std::to_string(intranet.port()) + "/x";
  server.page("/", html("<a href=\"" + target + "\">内网</a>"));
  const Round r = patrol_with_link(server, "", 0, false);
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(intranet.requests_seen(), 0u);
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", target)) << r.findings.describe();
}

TEST(PrivateNetwork, LiteralLoopbackAddressIsFetchedWhenAllowed) {
  FixtureServer server;
  FixtureServer intranet(on_127_0_0_2());
  intranet.page("/x", html("<p>内网</p>"));
  const std::string target = "http://127.0.0.2:" + std::to_string(intranet.port()) + "/x";
  server.page("/", html("<a href=\"" + target + "\">内网</a>"));
  const Round r = patrol_with_link(server, "", 0, true);
  ASSERT_TRUE(round_ok(r));
  EXPECT_GE(intranet.hits("/x"), 1u);
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", target)) << r.findings.describe();
}

// Issue 12, item 15: the registered site's exemption is its origin, not its host name. The
// site is on 127.0.0.1:P; a link to another port of 127.0.0.1 (another service of the same
// machine) is not fetched.
TEST(PrivateNetwork, OtherPortOfTheRegisteredSitesHostIsNotFetched) {
  FixtureServer server;
  FixtureServer other_service;  // also on 127.0.0.1, another port
  other_service.page("/secret", html("<p>内部服务</p>"));
  const std::string target = "http://127.0.0.1:" + std::to_string(other_service.port()) + "/secret";
  server.page("/", html("<a href=\"" + target + "\">内部服务</a><a href=\"/a\">本站</a>"));
  server.page("/a", html("<p>本站页面</p>"));
  const Round r = patrol_with_link(server, "", 0, false);
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(other_service.requests_seen(), 0u);
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", target)) << r.findings.describe();
  EXPECT_GE(server.hits("/a"), 1u);  // the registered origin itself is patrolled
}

}  // namespace
}  // namespace sitepatrol::integration
