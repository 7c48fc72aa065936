#include "checks/darklink_evidence.h"

#include <gtest/gtest.h>

namespace sitepatrol::checks {
namespace {

TEST(RegistrableDomain, LastTwoLabelsOrThreeUnderACountrySecondLevel) {
  EXPECT_EQ(registrable_domain("www.bet365-am.example"), "bet365-am.example");
  EXPECT_EQ(registrable_domain("WWW.Example.COM"), "example.com");
  EXPECT_EQ(registrable_domain("m.news.people.com.cn"), "people.com.cn");
  EXPECT_EQ(registrable_domain("www.hubei.gov.cn"), "hubei.gov.cn");
  EXPECT_EQ(registrable_domain("a.b.example.cn"), "example.cn");
  EXPECT_EQ(registrable_domain("example"), "example");
  EXPECT_EQ(registrable_domain("121.43.68.40"), "121.43.68.40");
}

TEST(SuspiciousHost, SpamWordsStemsAndTlds) {
  EXPECT_EQ(suspicious_host("www.bet365-am.example"), "host name says bet");
  EXPECT_EQ(suspicious_host("tyc-bet.example"), "host name says bet");
  EXPECT_EQ(suspicious_host("WWW.BOCAI88.example"), "host name says bocai");
  EXPECT_EQ(suspicious_host("amcaipiao.example"), "host name says caipiao");
  EXPECT_EQ(suspicious_host("www.xinpujing-vip.example"), "host name says xinpujing");
  EXPECT_EQ(suspicious_host("vns.weinisiren8.example"), "host name says weinisiren");
  EXPECT_EQ(suspicious_host("qipai.example.com"), "host name says qipai");
  EXPECT_EQ(suspicious_host("lucky.casino"), "TLD .casino");
  EXPECT_EQ(suspicious_host("a.b.xxx"), "TLD .xxx");
}

TEST(SuspiciousHost, InnocentNamesAreNot) {
  for (const char* host :
       {"www.12306.cn", "www.12315.cn", "95598.cn", "www.10086.cn", "alphabet.com", "essex.ac.uk",
        "www.tibet.cn", "www.sporttery.cn", "www.dubois.example", "www.hanweb.com", "121.43.68.40",
        "www.betterlife.example", "bet"}) {
    EXPECT_EQ(suspicious_host(host), "") << host;
  }
}

TEST(InfrastructureLink, GovernmentHostsAndTheErrorReportingServiceByAddress) {
  EXPECT_TRUE(infrastructure_link("http://www.hubei.gov.cn/", "www.hubei.gov.cn"));
  EXPECT_TRUE(infrastructure_link("https://gov.cn/", "gov.cn"));
  EXPECT_TRUE(infrastructure_link(
      "http://121.43.68.40/exposure/jiucuo.html?site_code=4202000045&url=x", "121.43.68.40"));
  EXPECT_TRUE(infrastructure_link("http://1.2.3.4/Exposure/JiuCuo.html", "1.2.3.4"));
  EXPECT_FALSE(infrastructure_link("http://121.43.68.40/index.html", "121.43.68.40"));
  EXPECT_FALSE(infrastructure_link("http://evil.example/exposure/jiucuo.html", "evil.example"));
  EXPECT_FALSE(infrastructure_link("http://evilgov.cn/", "evilgov.cn"));
  EXPECT_FALSE(infrastructure_link("http://gov.cn.evil.example/", "gov.cn.evil.example"));
}

TEST(PercentDecoded, DecodesEscapesAndKeepsBrokenOnes) {
  EXPECT_EQ(percent_decoded("http://x.example/%E5%8D%9A%e5%bd%a9/"), "http://x.example/博彩/");
  EXPECT_EQ(percent_decoded("http://x.example/100%/%zz%4"), "http://x.example/100%/%zz%4");
}

}  // namespace
}  // namespace sitepatrol::checks
