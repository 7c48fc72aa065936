#include "checks/unapproved.h"

#include <gtest/gtest.h>

#include "tests/checks/site_fixture.h"

namespace sitepatrol::checks {
namespace {

class UnapprovedTest : public ::testing::Test {
 protected:
  UnapprovedTest() { fixture_.site.allowed_domains = {"gov.cn"}; }

  Findings run(std::string url, std::string kind = "a", bool internal = false) {
    LinkResult link;
    link.url = std::move(url);
    link.found_on = "http://www.site.example/yqlj/";
    link.kind = std::move(kind);
    link.internal = internal;
    Findings out;
    check_unapproved(fixture_.context(), link, out);
    return out;
  }

  testing::SiteFixture fixture_;
};

TEST_F(UnapprovedTest, ForeignDomainIsAWarningAboutTheHost) {
  const Findings out = run("https://www.bet-365.example/promo?id=1");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].site, "hb-jtt");
  EXPECT_EQ(out[0].code, "LINK-UNAPPROVED");
  EXPECT_EQ(out[0].severity, Severity::warning);
  EXPECT_EQ(out[0].subject, "www.bet-365.example");
  EXPECT_EQ(out[0].page, "http://www.site.example/yqlj/");
  EXPECT_EQ(out[0].detail, "https://www.bet-365.example/promo?id=1");
}

TEST_F(UnapprovedTest, NavigationalKindsOnly) {
  for (const char* kind : {"a", "area", "iframe", "frame", "embed", "meta-refresh"}) {
    EXPECT_EQ(run("http://other.example/", kind).size(), 1u) << kind;
  }
  for (const char* kind : {"img", "script", "link", "source"}) {
    EXPECT_TRUE(run("http://other.example/x", kind).empty()) << kind;
  }
}

TEST_F(UnapprovedTest, OwnHostsAndTheirSubdomainsAreFine) {
  EXPECT_TRUE(run("http://www.site.example/a.html", "a", true).empty());
  EXPECT_TRUE(run("http://www.site.example/a.html").empty());
  EXPECT_TRUE(run("http://site.example/").empty());
  EXPECT_TRUE(run("http://xxgk.site.example/").empty());
}

TEST_F(UnapprovedTest, AllowedDomainsMatchSubdomains) {
  EXPECT_TRUE(run("http://www.gov.cn/").empty());
  EXPECT_TRUE(run("http://www.mot.gov.cn/zhuanti/").empty());
  EXPECT_TRUE(run("http://gov.cn/").empty());
  EXPECT_EQ(run("http://evilgov.cn/").size(), 1u);
  EXPECT_EQ(run("http://gov.cn.evil.example/").size(), 1u);
}

TEST_F(UnapprovedTest, RegisteredSitesAreFine) {
  fixture_.site.allowed_domains.clear();
  fixture_.registered_hosts.insert("www.cjmsa.example");
  EXPECT_TRUE(run("https://www.cjmsa.example/xxgk/").empty());
  EXPECT_EQ(run("http://www.cjmsa.example.evil.example/").size(), 1u);
}

TEST_F(UnapprovedTest, NonHttpTargetsAreIgnored) {
  EXPECT_TRUE(run("mailto:office@site.example").empty());
  EXPECT_TRUE(run("javascript:void(0)").empty());
}

}  // namespace
}  // namespace sitepatrol::checks
