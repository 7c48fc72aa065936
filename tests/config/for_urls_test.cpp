#include "config/config.h"

#include <gtest/gtest.h>

namespace sitepatrol::config {
namespace {

TEST(ConfigForUrls, OneSitePerUrlWithIdsFromHosts) {
  auto c = config_for_urls(
      {"http://WWW.Site.Example", "https://jtt.hubei.gov.cn:8443/a/", "www.cjmsa.gov.cn"});
  ASSERT_TRUE(c.has_value()) << c.error().to_string();
  ASSERT_EQ(c->sites.size(), 3u);
  EXPECT_EQ(c->sites[0].id, "www-site-example");
  EXPECT_EQ(c->sites[0].name, "www.site.example");
  EXPECT_EQ(c->sites[0].url, "http://www.site.example/");
  EXPECT_EQ(c->sites[0].category, "local");
  EXPECT_EQ(c->sites[1].id, "jtt-hubei-gov-cn");
  EXPECT_EQ(c->sites[1].url, "https://jtt.hubei.gov.cn:8443/a/");
  EXPECT_EQ(c->sites[2].id, "www-cjmsa-gov-cn");
  EXPECT_EQ(c->sites[2].url, "http://www.cjmsa.gov.cn/");
}

TEST(ConfigForUrls, DefaultsAndNoDatabase) {
  auto c = config_for_urls({"http://a.example/"});
  ASSERT_TRUE(c.has_value());
  EXPECT_TRUE(c->patrol.database.empty());
  EXPECT_TRUE(c->file.empty());
  EXPECT_EQ(c->patrol.timeout_s, 15);
  EXPECT_EQ(c->thresholds, default_thresholds());
}

TEST(ConfigForUrls, RepeatedHostsGetDistinctIds) {
  auto c = config_for_urls({"http://a.example/", "http://a.example/b/", "http://[::1]:8080/"});
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->sites[0].id, "a-example");
  EXPECT_EQ(c->sites[1].id, "a-example-2");
  EXPECT_EQ(c->sites[2].id, "1");
  EXPECT_EQ(c->sites[2].name, "::1");
}

TEST(ConfigForUrls, CredentialsAreNotPartOfTheName) {
  auto c = config_for_urls({"http://patrol:secret@staging.example:8080/"});
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->sites[0].name, "staging.example");
  EXPECT_EQ(c->sites[0].id, "staging-example");
}

TEST(ConfigForUrls, BadUrlNamesTheArgument) {
  auto c = config_for_urls({"http://a.example/", "ftp://b.example/"});
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().key, "url[2]");
  EXPECT_EQ(c.error().to_string(),
            "command line: url[2]: 'ftp://b.example/' is not an absolute http(s) URL");
}

}  // namespace
}  // namespace sitepatrol::config
