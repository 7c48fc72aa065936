#include "config/proxy.h"

#include <gtest/gtest.h>

#include "config/config.h"

namespace sitepatrol::config {
namespace {

ConfigError parse_error(std::string_view text) {
  auto config = parse_config(text, "sites.toml");
  EXPECT_FALSE(config.has_value());
  return config ? ConfigError{} : config.error();
}

TEST(ProxyConfig, GlobalAndPerSiteProxiesAreRead) {
  auto c = parse_config(R"([patrol]
proxy = "HTTP://proxy.example:3128"
no_proxy = ["*.Intranet.example", "10.0.0.1", "*"]

[[site]]
id = "a"
url = "http://a.example/"
proxy = "socks5h://127.0.0.1:1080"

[[site]]
id = "b"
url = "http://b.example/"
proxy = ""

[[site]]
id = "c"
url = "http://c.example/"
)",
                        "sites.toml");
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_EQ(c->patrol.proxy, "http://proxy.example:3128");
  EXPECT_EQ(c->patrol.no_proxy, (std::vector<std::string>{"intranet.example", "10.0.0.1", "*"}));
  EXPECT_EQ(c->sites[0].proxy, "socks5h://127.0.0.1:1080");
  EXPECT_EQ(c->sites[1].proxy, "");  // direct
  EXPECT_FALSE(c->sites[2].proxy.has_value());
}

TEST(ProxyConfig, NoProxyIsEmptyByDefault) {
  auto c = parse_config("", "sites.toml");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->patrol.proxy, "");
  EXPECT_TRUE(c->patrol.no_proxy.empty());
}

TEST(ProxyConfig, BadSchemeNamesFileLineAndKeyWithoutTheCredentials) {
  const ConfigError e =
      parse_error("[patrol]\ntimeout_s = 5\nproxy = \"ftp://agent:s3cret@proxy:21\"\n");
  EXPECT_EQ(e.file, "sites.toml");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.key, "patrol.proxy");
  EXPECT_NE(e.message.find("http, https, socks5 or socks5h"), std::string::npos) << e.message;
  EXPECT_EQ(e.to_string().find("s3cret"), std::string::npos) << e.to_string();
  EXPECT_NE(e.message.find("ftp://***@proxy:21"), std::string::npos) << e.message;
}

TEST(ProxyConfig, MalformedProxyUrlsAreRefused) {
  for (const char* bad :
       {"proxy.example:3128", "http://", "http://proxy:99999", "http://proxy:3128/path",
        "http://proxy:3128/?q", "http://pro xy:1", "socks4://proxy:1080"}) {
    const ConfigError e =
        parse_error(std::string("[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\nproxy = \"") +
                    bad + "\"\n");
    EXPECT_EQ(e.key, "site 'a'.proxy") << bad;
    EXPECT_EQ(e.line, 4) << bad;
  }
}

TEST(ProxyConfig, BadNoProxyEntryIsRefused) {
  const ConfigError e = parse_error("[patrol]\nno_proxy = [\"ok.example\", \"http://x/\"]\n");
  EXPECT_EQ(e.key, "patrol.no_proxy[2]");  // the entry at fault
  EXPECT_EQ(e.line, 2);
}

TEST(ProxyConfig, CredentialsAreMasked) {
  EXPECT_EQ(mask_proxy_credentials("http://user:pw@proxy:3128"), "http://***@proxy:3128");
  EXPECT_EQ(mask_proxy_credentials("socks5h://user@p:1080"), "socks5h://***@p:1080");
  EXPECT_EQ(mask_proxy_credentials("http://a:b@c@proxy:1/"), "http://***@proxy:1/");
  EXPECT_EQ(mask_proxy_credentials("http://proxy:3128"), "http://proxy:3128");
  EXPECT_EQ(mask_proxy_credentials("http://proxy:3128/x@y"), "http://proxy:3128/x@y");
}

TEST(ProxyConfig, NoProxyMatchesHostsAndTheirSubdomains) {
  const std::vector<std::string> no_proxy{"intranet.example", "10.0.0.1"};
  EXPECT_TRUE(bypasses_proxy(no_proxy, "intranet.example"));
  EXPECT_TRUE(bypasses_proxy(no_proxy, "oa.INTRANET.example"));
  EXPECT_FALSE(bypasses_proxy(no_proxy, "evilintranet.example"));
  EXPECT_TRUE(bypasses_proxy(no_proxy, "10.0.0.1"));
  EXPECT_FALSE(bypasses_proxy(no_proxy, "10.0.0.12"));
  EXPECT_TRUE(bypasses_proxy({"*"}, "anything.example"));
  EXPECT_FALSE(bypasses_proxy({}, "anything.example"));
}

}  // namespace
}  // namespace sitepatrol::config
