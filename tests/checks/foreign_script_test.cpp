#include "checks/foreign_script.h"

#include <gtest/gtest.h>

#include "config/security.h"
#include "tests/checks/site_fixture.h"

namespace sitepatrol::checks {
namespace {

class ForeignScriptTest : public ::testing::Test {
 protected:
  ForeignScriptTest() {
    fixture_.site.allowed_domains = {"gov.cn"};
    security_.approved_hosts = {"hm.baidu.com", "*.bootcdn.net", ".kaipuyun.cn"};
  }

  Findings run(std::string url, std::string kind = "script", bool internal = false) {
    LinkResult link;
    link.url = std::move(url);
    link.found_on = "http://www.site.example/";
    link.kind = std::move(kind);
    link.internal = internal;
    SiteContext ctx = fixture_.context();
    ctx.security = with_security_ ? &security_ : nullptr;
    Findings out;
    check_foreign_script(ctx, link, out);
    return out;
  }

  testing::SiteFixture fixture_;
  config::SecurityConfig security_;
  bool with_security_ = true;
};

TEST_F(ForeignScriptTest, ScriptFromAForeignHostIsAnError) {
  const Findings out = run("https://evil.example/x.js?v=3");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].site, "hb-jtt");
  EXPECT_EQ(out[0].code, "SEC-FOREIGN-SCRIPT");
  EXPECT_EQ(out[0].severity, Severity::error);
  EXPECT_EQ(out[0].subject, "https://evil.example/x.js?v=3");
  EXPECT_EQ(out[0].page, "http://www.site.example/");
  EXPECT_EQ(out[0].detail, "script from evil.example (not the site's, not approved)");
}

TEST_F(ForeignScriptTest, FramesCountToo) {
  Findings out = run("http://bet.example/", "iframe");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].detail, "iframe from bet.example (not the site's, not approved)");
  out = run("http://bet.example/top.html", "frame");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].detail, "frame from bet.example (not the site's, not approved)");
}

TEST_F(ForeignScriptTest, OtherKindsAreNotItsBusiness) {
  for (const char* kind : {"a", "area", "img", "link", "embed", "source", "meta-refresh"}) {
    EXPECT_TRUE(run("http://evil.example/x", kind).empty()) << kind;
  }
}

TEST_F(ForeignScriptTest, ApprovedCdnAndStatisticsHostsAreFine) {
  EXPECT_TRUE(run("https://hm.baidu.com/hm.js?abc").empty());
  EXPECT_TRUE(run("https://cdn.bootcdn.net/ajax/libs/jquery/3.6.0/jquery.min.js").empty());
  EXPECT_TRUE(run("https://bootcdn.net/x.js").empty());
  EXPECT_TRUE(run("https://pucha.kaipuyun.cn/exposure/jiucuo.js").empty());
  // Within means a subdomain, not a look-alike.
  EXPECT_EQ(run("https://hm.baidu.com.evil.example/hm.js").size(), 1u);
  EXPECT_EQ(run("https://evilbootcdn.net/x.js").size(), 1u);
  // Only hm.baidu.com was approved, not all of baidu.com.
  EXPECT_EQ(run("https://push.baidu.com/push.js").size(), 1u);
}

TEST_F(ForeignScriptTest, TheDefaultListApprovesTheCommonWidgets) {
  security_ = config::default_security();
  EXPECT_TRUE(run("https://hm.baidu.com/hm.js?abc").empty());
  EXPECT_TRUE(run("https://pucha.kaipuyun.cn/exposure/jiucuo.js").empty());
  EXPECT_EQ(run("https://cdn.evil.example/jquery.min.js").size(), 1u);
}

// Without ctx.security the built-in list applies, as the built-in spam terms do for SEC-SPAM
// (before the infrastructure list, no extra host was approved then).
TEST_F(ForeignScriptTest, WithoutSecurityConfigTheBuiltInListApplies) {
  with_security_ = false;
  EXPECT_TRUE(run("https://hm.baidu.com/hm.js?abc").empty());
  EXPECT_EQ(run("https://cdn.evil.example/jquery.min.js").size(), 1u);
  EXPECT_TRUE(run("http://www.site.example/js/common.js").empty());
}

// What real portals embed (docs/security.md): none of it is a foreign script.
TEST_F(ForeignScriptTest, TheInfrastructurePortalsEmbedIsApproved) {
  security_ = config::default_security();
  for (const char* url : {
           "https://zfwzgl.www.gov.cn/exposure/jiucuo.js",  // 找错 service
           "http://pucha.kaipuyun.cn/exposure/jiucuo.js",   // its former host
           "https://dcs.conac.cn/js/33/000/0000/60425889/CA330000000604258890010.js",
           "https://gov.govwza.cn/dist/aria.js?appid=68b7db36249004842defeadc7ad4f668",  // 无障碍
           "http://api.govwza.cn/cniil/assist.js?sid=82430&pos=left",  // 无障碍
           "https://ta.trs.cn/c/js/ta.js?mpid=539",                    // TRS analytics (网脉)
           "https://fxsjcj2.kaipuyun.cn/count/10002888/10002888.js",   // 开普云 analytics
           "https://tts.hanweb.com/txt_to_voice/interface/trans/txt2voice.do",  // Hanweb speech
       }) {
    EXPECT_TRUE(run(url).empty()) << url;
  }
  EXPECT_EQ(run("https://govwza.cn.evil.example/aria.js").size(), 1u);
  EXPECT_EQ(run("https://evilhanweb.com/stat.js").size(), 1u);
}

TEST_F(ForeignScriptTest, UsersExtendTheList) {
  security_ = config::default_security();
  EXPECT_EQ(run("https://wza.vendor.example/toolbar.js").size(), 1u);
  security_.approved_hosts.push_back("vendor.example");
  EXPECT_TRUE(run("https://wza.vendor.example/toolbar.js").empty());
}

TEST_F(ForeignScriptTest, OwnSiteScriptsAreFine) {
  EXPECT_TRUE(run("http://www.site.example/js/common.js", "script", true).empty());
  EXPECT_TRUE(run("http://www.site.example/js/common.js").empty());
  EXPECT_TRUE(run("http://static.site.example/js/common.js").empty());
}

TEST_F(ForeignScriptTest, RegisteredSitesAllowedDomainsAndRegulatoryHostsAreFine) {
  EXPECT_TRUE(run("https://www.msa.gov.cn/include/banner.html", "iframe").empty());
  EXPECT_TRUE(run("https://www.mot.gov.cn/js/share.js").empty());
  EXPECT_TRUE(run("https://dcs.conac.cn/js/17/000/0000/60429971/CA1700.js").empty());
  fixture_.site.allowed_domains.clear();
  fixture_.registered_hosts.insert("www.cjmsa.example");
  EXPECT_TRUE(run("https://www.cjmsa.example/zt/", "iframe").empty());
  EXPECT_EQ(run("https://www.mot.gov.cn/js/share.js").size(), 1u);
}

TEST_F(ForeignScriptTest, NonHttpSourcesAreIgnored) {
  EXPECT_TRUE(run("about:blank", "iframe").empty());
  EXPECT_TRUE(run("javascript:void(0)", "iframe").empty());
  EXPECT_TRUE(run("data:text/javascript,alert(1)").empty());
}

}  // namespace
}  // namespace sitepatrol::checks
