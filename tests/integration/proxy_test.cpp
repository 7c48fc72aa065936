// The proxy setting end to end (issue 12, operators' options): a patrol through a real HTTP
// forward proxy and a real SOCKS5 server on loopback (tests/support/proxy_server.h), no_proxy,
// the private-address guard judging the target and not the proxy, masked credentials, a proxy
// that is down, and proxy variables in the environment that are not read.
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"
#include "tests/support/proxy_server.h"

namespace sitepatrol::integration {
namespace {

using testsupport::ProxyServer;

constexpr std::string_view kIntranetHost = "oa.intranet.example";

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// A two-page site: the homepage links to /a.
void two_pages(FixtureServer& server) {
  server.page("/", html("<a href=\"/a\">栏目</a>"));
  server.page("/a", html("<p>栏目页面</p>"));
}

TEST(Proxy, PatrolThroughAnHttpProxyReachesTheSite) {
  FixtureServer server;
  two_pages(server);
  ProxyServer proxy(ProxyServer::Kind::http);
  Patrol patrol(server);
  patrol.set("proxy", quoted(proxy.url()));
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_GE(server.hits("/a"), 1u);
  EXPECT_GE(proxy.requests_for(std::string(kSiteHost)), 2u);
  EXPECT_TRUE(r.findings.with_code("AVAIL-DOWN").empty()) << r.findings.describe();
  EXPECT_TRUE(r.findings.with_code("LINK-BROKEN").empty()) << r.findings.describe();
}

TEST(Proxy, HttpsLinkThroughAnHttpProxyIsTunnelled) {
  // CONNECT: the proxy sees the host and port, never the path.
  FixtureServer server;
  two_pages(server);
  ProxyServer proxy(ProxyServer::Kind::http);
  Patrol patrol(server);
  patrol.set("proxy", quoted(proxy.url()));
  // An https link on a port nothing serves TLS on: the tunnel is asked for all the same.
  const unsigned short closed = unused_port();
  server.page("/", html("<a href=\"/a\">栏目</a><a href=\"https://www.other.example:" +
                        std::to_string(closed) + "/\">外站</a>"));
  patrol.resolve(kOtherHost, closed, "203.0.113.9");  // a public address: allowed
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_GE(proxy.requests_for("CONNECT www.other.example:" + std::to_string(closed)), 1u)
      << ::testing::PrintToString(proxy.requests());
}

TEST(Proxy, PatrolThroughSocks5hReachesTheSite) {
  FixtureServer server;
  two_pages(server);
  ProxyServer proxy(ProxyServer::Kind::socks5);
  Patrol patrol(server);
  patrol.set("proxy", quoted(proxy.url("socks5h")));
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_GE(server.hits("/a"), 1u);
  // socks5h: the proxy is given the name and resolves it.
  EXPECT_GE(proxy.requests_for(std::string(kSiteHost) + ":" + std::to_string(server.port())), 1u)
      << ::testing::PrintToString(proxy.requests());
  EXPECT_TRUE(r.findings.with_code("AVAIL-DOWN").empty()) << r.findings.describe();
}

TEST(Proxy, PatrolThroughSocks5SendsTheLocallyResolvedAddress) {
  FixtureServer server;
  two_pages(server);
  ProxyServer proxy(ProxyServer::Kind::socks5);
  Patrol patrol(server);
  patrol.set("proxy", quoted(proxy.url("socks5")));
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_GE(server.hits("/a"), 1u);
  EXPECT_GE(proxy.requests_for("127.0.0.1:" + std::to_string(server.port())), 1u)
      << ::testing::PrintToString(proxy.requests());
  EXPECT_EQ(proxy.requests_for(std::string(kSiteHost)), 0u);
}

TEST(Proxy, PerSiteProxyOverridesTheGlobalOneAndEmptyMeansDirect) {
  FixtureServer server;
  two_pages(server);
  ProxyServer global(ProxyServer::Kind::http);
  ProxyServer own(ProxyServer::Kind::http);
  Patrol patrol(server, "proxy = " + quoted(own.url()));
  patrol.set("proxy", quoted(global.url()));
  ASSERT_TRUE(round_ok(patrol.round()));
  EXPECT_GE(own.requests_seen(), 2u);
  EXPECT_EQ(global.requests_seen(), 0u);

  Patrol direct(server, "proxy = \"\"");
  direct.set("proxy", quoted(global.url()));
  ASSERT_TRUE(round_ok(direct.round()));
  EXPECT_EQ(global.requests_seen(), 0u);
}

TEST(Proxy, NoProxyHostsGoDirect) {
  FixtureServer server;
  two_pages(server);
  ProxyServer proxy(ProxyServer::Kind::http);
  Patrol patrol(server);
  patrol.set("proxy", quoted(proxy.url()));
  patrol.set("no_proxy", "[\"site.example\"]");  // www.site.example is a subdomain
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_GE(server.hits("/a"), 1u);
  EXPECT_EQ(proxy.requests_seen(), 0u) << ::testing::PrintToString(proxy.requests());
}

// The guard checks the target, not the proxy: the proxy on loopback is used for the site,
// while a link whose host resolves to loopback, or is a loopback literal, is refused before
// any request, so the proxy never sees it.
TEST(Proxy, PrivateTargetIsStillRefusedThroughALoopbackProxy) {
  for (const auto kind : {ProxyServer::Kind::http, ProxyServer::Kind::socks5}) {
    SCOPED_TRACE(kind == ProxyServer::Kind::http ? "http proxy" : "socks5h proxy");
    FixtureServer server;
    FixtureServer intranet;
    intranet.page("/admin", html("<p>内网办公系统</p>"));
    const std::string by_name = site_url(kIntranetHost, intranet.port(), "/admin");
    const std::string by_address = "http://127.0.0.2:" + std::to_string(intranet.port()) + "/x";
    server.page("/", html("<a href=\"" + by_name + "\">内网办公系统</a><a href=\"" + by_address +
                          "\">内网</a><a href=\"/a\">栏目</a>"));
    server.page("/a", html("<p>栏目页面</p>"));
    ProxyServer proxy(kind);
    Patrol patrol(server);
    patrol.resolve(kIntranetHost, intranet.port());
    patrol.set("proxy", quoted(proxy.url()));
    const Round r = patrol.round();
    ASSERT_TRUE(round_ok(r));
    EXPECT_GE(server.hits("/a"), 1u);  // the registered site, through the proxy
    EXPECT_GE(proxy.requests_for(std::string(kSiteHost)), 2u);
    EXPECT_EQ(proxy.requests_for(std::string(kIntranetHost)), 0u)
        << ::testing::PrintToString(proxy.requests());
    EXPECT_EQ(proxy.requests_for("127.0.0.2"), 0u) << ::testing::PrintToString(proxy.requests());
    EXPECT_EQ(intranet.requests_seen(), 0u);
    // A blocked link raises nothing (README).
    EXPECT_FALSE(r.findings.find("LINK-BROKEN", by_name)) << r.findings.describe();
    EXPECT_FALSE(r.findings.find("LINK-BROKEN", by_address)) << r.findings.describe();
  }
}

TEST(Proxy, PrivateTargetThroughTheProxyWhenAllowed) {
  FixtureServer server;
  FixtureServer intranet;
  intranet.page("/admin", html("<p>内网办公系统</p>"));
  const std::string target = site_url(kIntranetHost, intranet.port(), "/admin");
  server.page("/", html("<a href=\"" + target + "\">内网办公系统</a>"));
  ProxyServer proxy(ProxyServer::Kind::http);
  Patrol patrol(server);
  patrol.resolve(kIntranetHost, intranet.port());
  patrol.set("proxy", quoted(proxy.url()));
  patrol.set("allow_private_networks", "true");
  ASSERT_TRUE(round_ok(patrol.round()));
  EXPECT_GE(intranet.hits("/admin"), 1u);
  EXPECT_GE(proxy.requests_for(std::string(kIntranetHost)), 1u);
}

TEST(Proxy, CredentialsAreSentToTheProxyAndNeverPrinted) {
  FixtureServer server;
  two_pages(server);
  ProxyServer proxy(ProxyServer::Kind::http);
  Patrol patrol(server);
  patrol.set("proxy", quoted("http://agent:s3cret@127.0.0.1:" + std::to_string(proxy.port())));
  Round r;
  r.crawl = patrol.run({"--log-level", "trace", "crawl", "-c", patrol.write_config().string()});
  r.findings = patrol.findings();
  ASSERT_TRUE(round_ok(r));
  ASSERT_FALSE(proxy.authorizations().empty());
  EXPECT_EQ(proxy.authorizations().front(), "Basic YWdlbnQ6czNjcmV0");  // agent:s3cret
  EXPECT_EQ(r.crawl.out.find("s3cret"), std::string::npos) << r.crawl.out;
  EXPECT_EQ(r.crawl.err.find("s3cret"), std::string::npos) << r.crawl.err;
  EXPECT_EQ(r.findings.process.out.find("s3cret"), std::string::npos);
}

// A proxy that is down: every site's homepage fails, and the finding says it is the proxy
// (credentials masked), not the site, so the operator looks at the right machine.
TEST(Proxy, ProxyThatIsDownGivesAvailDownNamingTheProxy) {
  FixtureServer server;
  two_pages(server);
  const unsigned short down = unused_port();
  Patrol patrol(server);
  patrol.set("proxy", quoted("http://agent:s3cret@127.0.0.1:" + std::to_string(down)));
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(server.requests_seen(), 0u);
  const auto found = r.findings.find("AVAIL-DOWN", home(server));
  ASSERT_TRUE(found) << r.findings.describe();
  EXPECT_NE(
      found->detail.find("proxy http://***@127.0.0.1:" + std::to_string(down) + " unreachable"),
      std::string::npos)
      << found->detail;
  EXPECT_EQ(r.findings.process.out.find("s3cret"), std::string::npos);
  EXPECT_EQ(r.crawl.err.find("s3cret"), std::string::npos) << r.crawl.err;
}

TEST(Proxy, BadProxyIsAConfigErrorWithoutTheCredentials) {
  FixtureServer server;
  Patrol patrol(server);
  patrol.set("proxy", quoted("ftp://agent:s3cret@127.0.0.1:21"));
  const auto crawl = patrol.crawl();
  EXPECT_EQ(crawl.exit_code, 2);
  EXPECT_NE(crawl.err.find("patrol.proxy"), std::string::npos) << crawl.err;
  EXPECT_NE(crawl.err.find("sites.toml:"), std::string::npos) << crawl.err;
  EXPECT_EQ(crawl.err.find("s3cret"), std::string::npos) << crawl.err;
  EXPECT_EQ(server.requests_seen(), 0u);
}

TEST(Proxy, CheckCommandTakesAProxy) {
  FixtureServer server;
  two_pages(server);
  ProxyServer proxy(ProxyServer::Kind::http);
  Patrol patrol;
  const std::string resolve =
      std::string(kSiteHost) + ":" + std::to_string(server.port()) + ":127.0.0.1";
  const auto checked = patrol.run(
      {"check", "--resolve", resolve, "--proxy", proxy.url(), "--format", "json", home(server)});
  EXPECT_EQ(checked.exit_code, 0) << checked.err;
  EXPECT_GE(proxy.requests_for(std::string(kSiteHost)), 2u);
  EXPECT_GE(server.hits("/a"), 1u);

  const auto bad = patrol.run({"check", "--proxy", "gopher://agent:s3cret@x:70", home(server)});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--proxy"), std::string::npos) << bad.err;
  EXPECT_EQ(bad.err.find("s3cret"), std::string::npos) << bad.err;
}

// A nightly job must not change with the shell it is started from: curl's proxy variables
// are not read, with or without a configured proxy.
TEST(Proxy, ProxyVariablesInTheEnvironmentAreIgnored) {
  FixtureServer server;
  two_pages(server);
  ProxyServer trap(ProxyServer::Kind::http);
  Patrol patrol(server);
  for (const char* name : {"http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"})
    patrol.env(name, trap.url());
  const Round direct = patrol.round();
  ASSERT_TRUE(round_ok(direct));
  EXPECT_GE(server.hits("/a"), 1u);
  EXPECT_EQ(trap.requests_seen(), 0u);

  // no_proxy in the environment does not take a configured proxy away either.
  ProxyServer proxy(ProxyServer::Kind::http);
  patrol.env("no_proxy", "*");
  patrol.env("NO_PROXY", "*");
  patrol.set("proxy", quoted(proxy.url()));
  ASSERT_TRUE(round_ok(patrol.round()));
  EXPECT_GE(proxy.requests_seen(), 1u);
  EXPECT_EQ(trap.requests_seen(), 0u);
}

}  // namespace
}  // namespace sitepatrol::integration
