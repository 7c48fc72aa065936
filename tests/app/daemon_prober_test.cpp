#include "app/daemon_prober.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/config.h"
#include "tests/support/fixture_server.h"
#include "tests/support/proxy_server.h"

namespace sitepatrol {
namespace {

using testsupport::FixtureServer;
using testsupport::ProxyServer;

config::Config config_for(const std::string& text) {
  auto c = config::parse_config(text, "probe.toml");
  EXPECT_TRUE(c.has_value()) << (c ? "" : c.error().to_string());
  return c ? *c : config::Config{};
}

std::vector<store::ProbeRecord> probe(const config::Config& c) {
  std::vector<const config::SiteConfig*> sites;
  for (const auto& s : c.sites) sites.push_back(&s);
  std::vector<store::ProbeRecord> records;
  app::probe_homepages(
      c, sites, [] { return std::int64_t{0}; },
      [&](store::ProbeRecord r) { records.push_back(std::move(r)); }, nullptr);
  return records;
}

bool carries_credentials(const app::HttpRequest& r) {
  return !r.header("authorization").empty() || !r.header("cookie").empty() ||
         !r.header("x-staging").empty();
}

std::string site_config(unsigned short site_port, const std::string& extra = "") {
  return R"(
[patrol]
database = "probe.db"
timeout_s = 5
resolve = ["www.probe.example:)" +
         std::to_string(site_port) + R"(:127.0.0.1"]
)" + extra +
         R"(
[[site]]
id = "probe"
name = "Probe"
url = "http://www.probe.example:)" +
         std::to_string(site_port) + R"(/"
category = "ministry"
cookies = "session=SECRET"
headers = { "X-Staging" = "token" }
basic_auth = { username = "inspector", password = "hunter2" }
)";
}

// Issue 12, failure 1: a homepage redirecting to a private address made every probe follow it,
// carrying the site's Authorization, Cookie and headers there, and the probe was stored as up.
TEST(DaemonProber, RedirectToAPrivateAddressIsRefusedAndCarriesNoCredentials) {
  FixtureServer internal;  // an unregistered host on loopback: what an attacker points at
  internal.page("/x", "<html><body>internal service</body></html>");
  FixtureServer site;
  site.redirect("/", internal.url("/x"), 302);

  const auto records = probe(config_for(site_config(site.port())));

  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0].up);
  EXPECT_NE(records[0].error.find("private"), std::string::npos) << records[0].error;
  EXPECT_EQ(internal.requests_seen(), 0u);
  ASSERT_EQ(site.requests().size(), 1u);
  EXPECT_EQ(site.requests()[0].header("authorization"), "Basic aW5zcGVjdG9yOmh1bnRlcjI=");
  EXPECT_NE(site.requests()[0].header("cookie").find("session=SECRET"), std::string::npos);
}

// With private networks allowed, the redirect is followed, but the credentials stay on the
// site's own host.
TEST(DaemonProber, CredentialsNeverCrossARedirectToAnotherHost) {
  FixtureServer other;
  other.page("/x", "<html><body>elsewhere</body></html>");
  FixtureServer site;
  site.redirect("/", other.url("/x"), 302);

  const auto records =
      probe(config_for(site_config(site.port(), "allow_private_networks = true\n")));

  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].up) << records[0].error;
  ASSERT_EQ(other.requests().size(), 1u);
  EXPECT_FALSE(carries_credentials(other.requests()[0]));
  ASSERT_EQ(site.requests().size(), 1u);
  EXPECT_TRUE(carries_credentials(site.requests()[0]));
}

// The probes go through the patrol's request policy, proxy included (issue 12).
TEST(DaemonProber, ProbesGoThroughTheConfiguredProxy) {
  FixtureServer site;
  site.page("/", "<html><body>home</body></html>");
  ProxyServer proxy(ProxyServer::Kind::http);

  const auto records =
      probe(config_for(site_config(site.port(), "proxy = \"" + proxy.url() + "\"\n")));

  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].up) << records[0].error;
  EXPECT_EQ(proxy.requests(), std::vector<std::string>{"GET http://www.probe.example:" +
                                                       std::to_string(site.port()) + "/"});
}

// Through a loopback proxy, a redirect to an unregistered private address is still refused:
// the guard judges the target, and the proxy never hears of it.
TEST(DaemonProber, RedirectToAPrivateAddressIsRefusedThroughAProxy) {
  FixtureServer internal;
  internal.page("/x", "<html><body>internal service</body></html>");
  FixtureServer site;
  site.redirect("/", internal.url("/x"), 302);
  ProxyServer proxy(ProxyServer::Kind::socks5);

  const auto records =
      probe(config_for(site_config(site.port(), "proxy = \"" + proxy.url() + "\"\n")));

  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0].up);
  EXPECT_NE(records[0].error.find("private"), std::string::npos) << records[0].error;
  EXPECT_EQ(internal.requests_seen(), 0u);
  EXPECT_EQ(proxy.requests_seen(), 1u) << ::testing::PrintToString(proxy.requests());
  EXPECT_EQ(site.requests_seen(), 1u);
}

// A proxy that is down: the probe fails and says the proxy is unreachable, not the site.
TEST(DaemonProber, ProxyThatIsDownIsNamedInTheProbeError) {
  FixtureServer site;
  site.page("/", "<html><body>home</body></html>");
  unsigned short down = 0;
  {
    ProxyServer gone(ProxyServer::Kind::http);
    down = gone.port();
  }
  const auto records = probe(config_for(site_config(
      site.port(), "proxy = \"http://agent:s3cret@127.0.0.1:" + std::to_string(down) + "\"\n")));

  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0].up);
  EXPECT_NE(
      records[0].error.find("proxy http://***@127.0.0.1:" + std::to_string(down) + " unreachable"),
      std::string::npos)
      << records[0].error;
  EXPECT_EQ(records[0].error.find("s3cret"), std::string::npos);
  EXPECT_EQ(site.requests_seen(), 0u);
}

}  // namespace
}  // namespace sitepatrol
