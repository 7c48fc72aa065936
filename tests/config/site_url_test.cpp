#include "config/config.h"

#include <gtest/gtest.h>

namespace sitepatrol::config {
namespace {

TEST(NormalizeSiteUrl, LowerCasesSchemeAndHostAndAddsPath) {
  EXPECT_EQ(normalize_site_url("HTTP://WWW.Site.Example"), "http://www.site.example/");
  EXPECT_EQ(normalize_site_url("https://JTT.Hubei.gov.cn/Index.html"),
            "https://jtt.hubei.gov.cn/Index.html");
}

TEST(NormalizeSiteUrl, DropsDefaultPortAndFragmentKeepsOthers) {
  EXPECT_EQ(normalize_site_url("http://a.example:80/x#top"), "http://a.example/x");
  EXPECT_EQ(normalize_site_url("https://a.example:443/"), "https://a.example/");
  EXPECT_EQ(normalize_site_url("http://a.example:8080/?q=1"), "http://a.example:8080/?q=1");
  EXPECT_EQ(normalize_site_url("http://127.0.0.1:8080"), "http://127.0.0.1:8080/");
}

TEST(NormalizeSiteUrl, RejectsWhatIsNotAbsoluteHttp) {
  EXPECT_EQ(normalize_site_url("www.site.example"), std::nullopt);
  EXPECT_EQ(normalize_site_url("/tzgg/"), std::nullopt);
  EXPECT_EQ(normalize_site_url("ftp://a.example/"), std::nullopt);
  EXPECT_EQ(normalize_site_url("mailto:a@b.example"), std::nullopt);
  EXPECT_EQ(normalize_site_url("http://"), std::nullopt);
  EXPECT_EQ(normalize_site_url(""), std::nullopt);
}

// Issue 11: the configuration names hosts in the form URLs carry them (config/idn.h).
TEST(NormalizeSiteUrl, IdnHostsBecomePunycode) {
  EXPECT_EQ(normalize_site_url("http://www.öko.de/"), "http://www.xn--ko-eka.de/");
  EXPECT_EQ(normalize_site_url("https://中国政府网.政务:8443/xxgk"),
            "https://xn--fiqs8sirgfmhq98a.xn--zfr164b:8443/xxgk");
}

}  // namespace
}  // namespace sitepatrol::config
