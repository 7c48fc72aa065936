#include "crawler/private_origins.h"

#include <gtest/gtest.h>

namespace sitepatrol::crawler {
namespace {

TEST(PrivateOrigins, OriginKeyWritesThePort) {
  EXPECT_EQ(origin_key("http://Example.com/a"), "http://example.com:80");
  EXPECT_EQ(origin_key("https://example.com:8443/"), "https://example.com:8443");
  EXPECT_EQ(origin_key("http://[::1]:8080/"), "http://[::1]:8080");
  EXPECT_EQ(origin_key("ftp://example.com/"), "");
}

TEST(PrivateOrigins, SiteOnANonDefaultPortCoversOnlyThatOrigin) {
  std::set<std::string> origins;
  add_site_origins(origins, "http://10.1.2.3:8080/", {"oa.example"});
  EXPECT_TRUE(origins.contains(origin_key("http://10.1.2.3:8080/x")));
  EXPECT_TRUE(origins.contains(origin_key("http://oa.example:8080/x")));
  EXPECT_FALSE(origins.contains(origin_key("http://10.1.2.3:6379/")));
  EXPECT_FALSE(origins.contains(origin_key("http://10.1.2.3/")));
  EXPECT_FALSE(origins.contains(origin_key("https://10.1.2.3:8080/")));
}

TEST(PrivateOrigins, SiteOnTheDefaultPortCoversHttpAndHttps) {
  std::set<std::string> origins;
  add_site_origins(origins, "http://www.example.gov.cn/", {"example.gov.cn"});
  EXPECT_TRUE(origins.contains(origin_key("http://www.example.gov.cn/")));
  EXPECT_TRUE(origins.contains(origin_key("https://www.example.gov.cn/")));
  EXPECT_TRUE(origins.contains(origin_key("https://example.gov.cn/")));
  EXPECT_FALSE(origins.contains(origin_key("http://www.example.gov.cn:8080/")));
}

}  // namespace
}  // namespace sitepatrol::crawler
