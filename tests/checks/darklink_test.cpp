#include "checks/darklink.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "config/security.h"
#include "crawler/html.h"

namespace sitepatrol::checks {
namespace {

constexpr const char* kPageUrl = "http://www.site.example/index.html";
constexpr const char* kSpamUrl = "http://www.bet365-am.example/";
constexpr const char* kSpam = "<a href=\"http://www.bet365-am.example/\">澳门赌场</a>";
// What kSpam is evidence of: its text and URL hold spam terms, and its host says "bet".
const std::string kEvidence = "; spam terms 澳门赌场, bet365; host name says bet";

// A homepage with a visible menu and footer around `body`.
std::string page(std::string_view body, std::string_view head = "") {
  return std::string(
             "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>湖北省交通运输厅</title>") +
         std::string(head) +
         "</head><body><div class=\"nav\"><a href=\"/\">首页</a> <a "
         "href=\"/zwgk/\">政务公开</a></div>" +
         std::string(body) +
         "<div class=\"foot\"><a href=\"http://www.gov.cn/\">中国政府网</a></div></body></html>";
}

class DarklinkTest : public ::testing::Test {
 protected:
  DarklinkTest() {
    site_.id = "hb-jtt";
    site_.name = "湖北省交通运输厅";
    site_.url = "http://www.site.example/";
    site_.allowed_domains = {"gov.cn"};
    ctx_.site = &site_;
    ctx_.patrol = &patrol_;
    ctx_.own_hosts = {"www.site.example"};
    ctx_.registered_hosts = &registered_hosts_;
  }

  Findings run(const std::string& html) {
    crawler::ParsedHtml parsed = crawler::parse_html(html, kPageUrl);
    PageResult result;
    result.url = kPageUrl;
    result.final_url = kPageUrl;
    result.status = 200;
    result.links = parsed.links;
    Findings out;
    check_darklinks(ctx_, result, out);
    return out;
  }

  // Exactly one SEC-DARKLINK, for kSpamUrl; returns its detail.
  std::string one(const std::string& body, std::string_view head = "") {
    Findings out = run(page(body, head));
    if (out.size() != 1) {
      ADD_FAILURE() << out.size() << " findings for: " << body;
      for (const Finding& f : out) ADD_FAILURE() << f.subject << " " << f.detail;
      return "";
    }
    EXPECT_EQ(out[0].site, "hb-jtt");
    EXPECT_EQ(out[0].code, "SEC-DARKLINK");
    EXPECT_EQ(out[0].severity, Severity::critical);
    EXPECT_EQ(out[0].subject, kSpamUrl);
    EXPECT_EQ(out[0].page, kPageUrl);
    return out[0].detail;
  }

  void none(const std::string& body, std::string_view head = "") {
    Findings out = run(page(body, head));
    EXPECT_TRUE(out.empty()) << body;
    for (const Finding& f : out) ADD_FAILURE() << f.subject << " " << f.detail;
  }

  config::SiteConfig site_;
  config::PatrolConfig patrol_;
  std::set<std::string> registered_hosts_ = {"www.site.example", "www.msa.gov.cn"};
  SiteContext ctx_;
};

std::string wrap(std::string_view open, std::string_view close = "</div>") {
  return std::string(open) + kSpam + std::string(close);
}

// --- One test per technique, inline styles. -------------------------------------------

TEST_F(DarklinkTest, DisplayNone) {
  EXPECT_EQ(one(wrap("<div id=\"hid\" style=\"display:none\">")),
            "hidden by display:none on div#hid; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, VisibilityHidden) {
  EXPECT_EQ(one(wrap("<div class=\"yc links\" style=\"visibility:hidden\">")),
            "hidden by visibility:hidden on div.yc.links; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, OpacityZero) {
  EXPECT_EQ(one(wrap("<span style=\"opacity:0.01\">", "</span>")),
            "hidden by opacity:0 on span; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, FontSizeZero) {
  EXPECT_EQ(one(wrap("<p style=\"font-size:0px\">", "</p>")),
            "hidden by font-size:0 on p; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, ZeroHeightWithOverflowHidden) {
  EXPECT_EQ(one(wrap("<div style=\"height:0;overflow:hidden\">")),
            "hidden by zero size with overflow:hidden on div; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, TextIndentFarLeft) {
  EXPECT_EQ(one(wrap("<div style=\"text-indent:-999em\">")),
            "hidden by text-indent off-screen on div; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, PositionedOffScreen) {
  EXPECT_EQ(one(wrap("<div style=\"position:absolute;top:-999px;left:-9999px\">")),
            "hidden by positioned off-screen on div; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, ClippedToNothing) {
  EXPECT_EQ(one(wrap("<div style=\"position:absolute;clip:rect(0,0,0,0)\">")),
            "hidden by clip to nothing on div; text 澳门赌场" + kEvidence);
  EXPECT_EQ(one(wrap("<div style=\"clip-path:inset(100%)\">")),
            "hidden by clip to nothing on div; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, HiddenAttribute) {
  EXPECT_EQ(one(wrap("<div hidden>")),
            "hidden by hidden attribute on div; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, ColourSameAsBackground) {
  EXPECT_EQ(one("<div style=\"background:#fff\"><a style=\"color:#FFFFFF\" "
                "href=\"http://www.bet365-am.example/\">澳门赌场</a></div>"),
            "hidden by color same as background on a; text 澳门赌场" + kEvidence);
  // Old markup: a white <font> inside the link on a white cell.
  EXPECT_EQ(one("<table><tr><td bgcolor=\"#FFFFFF\"><a href=\"http://www.bet365-am.example/\">"
                "<font color=\"white\">澳门赌场</font></a></td></tr></table>"),
            "hidden by color same as background on font; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, MarqueeOutOfView) {
  EXPECT_EQ(one(wrap("<marquee scrollamount=\"0\">", "</marquee>")),
            "hidden by marquee out of view on marquee; text 澳门赌场" + kEvidence);
  EXPECT_EQ(one(wrap("<marquee height=\"1\" width=\"1\">", "</marquee>")),
            "hidden by marquee out of view on marquee; text 澳门赌场" + kEvidence);
}

// --- Through the page's <style> rules. ---------------------------------------------------

TEST_F(DarklinkTest, StyleIdRule) {
  EXPECT_EQ(one(wrap("<div id=\"hid\">"), "<style>#hid{display:none}</style>"),
            "hidden by display:none on div#hid; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, StyleClassRule) {
  EXPECT_EQ(one(wrap("<div class=\"c1 yqlj\">"),
                "<style type=\"text/css\">\n.yqlj { position: absolute; top: -999px; }\n</style>"),
            "hidden by positioned off-screen on div.c1.yqlj; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, StyleDescendantRule) {
  EXPECT_EQ(
      one(wrap("<div id=\"foot2\"><p>", "</p></div>"), "<style>#foot2 a{font-size:0}</style>"),
      "hidden by font-size:0 on a; text 澳门赌场" + kEvidence);
  EXPECT_EQ(one(wrap("<div class=\"x\"><span class=\"y\">", "</span></div>"),
                "<style>.x .y{visibility:hidden}</style>"),
            "hidden by visibility:hidden on span.y; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, StyleTagRuleInTheBody) {
  // A <style> after the block still applies to it.
  EXPECT_EQ(one(wrap("<font>", "</font>") + "<style>font{display:none}</style>"),
            "hidden by display:none on font; text 澳门赌场" + kEvidence);
}

// --- Written by scripts. -------------------------------------------------------------------

TEST_F(DarklinkTest, DocumentWrite) {
  EXPECT_EQ(
      one("<script type=\"text/javascript\">document.write('<div style=\"display:none\">' +"
          " '<a href=\"http://www.bet365-am.example/\">\\u6fb3\\u95e8\\u8d4c\\u573a</a></div>');"
          "</script>"),
      "hidden by display:none on div; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, DocumentWriteOpensTheBlockAroundStaticLinks) {
  EXPECT_EQ(
      one("<script>document.write(\"<div style='position:absolute;left:-9999px'>\")</script>" +
          std::string(kSpam) + "<script>document.write(\"</div>\")</script>"),
      "hidden by positioned off-screen on div; text 澳门赌场" + kEvidence);
}

TEST_F(DarklinkTest, DocumentWriteUnescape) {
  EXPECT_EQ(one("<script>document.write(unescape('%3Cdiv%20style%3D%22display%3Anone%22%3E%3Ca%20"
                "href%3D%22http%3A//www.bet365-am.example/%22%3E%u6FB3%u95E8%u8D4C%u573A%3C/a%3E"
                "%3C/div%3E'));</script>"),
            "hidden by display:none on div; text 澳门赌场" + kEvidence);
}

// --- Decoys. -------------------------------------------------------------------------------

TEST_F(DarklinkTest, HiddenDropDownMenuOfInternalLinks) {
  none(
      "<ul class=\"menu\"><li><a href=\"/zwgk/\">政务公开</a><ul class=\"sub\" "
      "style=\"display:none\"><li><a href=\"/zwgk/zcwj/\">政策文件</a></li>"
      "<li><a href=\"http://xxgk.site.example/\">信息公开</a></li></ul></li></ul>");
}

TEST_F(DarklinkTest, HiddenTabPaneOfInternalLinks) {
  none(
      "<div class=\"tab-pane active\"><a href=\"/tzgg/\">通知公告</a></div>"
      "<div class=\"tab-pane\"><a href=\"http://www.site.example/jtyw/\">交通要闻</a></div>",
      "<style>.tab-pane{display:none}.tab-pane.active{display:block}</style>");
}

TEST_F(DarklinkTest, HiddenLinksToApprovedHosts) {
  none(
      "<div style=\"display:none\"><a href=\"http://www.mot.gov.cn/\">交通运输部</a>"
      "<a href=\"https://www.msa.gov.cn/\">海事局</a><a "
      "href=\"https://beian.miit.gov.cn/\">备案</a>"
      "</div>");
}

TEST_F(DarklinkTest, AriaHiddenIsVisibleToReaders) {
  none("<a aria-hidden=\"true\" href=\"http://www.bet365-am.example/\">澳门赌场</a>");
}

TEST_F(DarklinkTest, VisibleExternalLinks) {
  none("<a href=\"http://www.mot.gov.cn/\">交通运输部</a>");
  none(kSpam);  // visible and unapproved: LINK-UNAPPROVED's, not a dark link
}

TEST_F(DarklinkTest, StylesThatDoNotHide) {
  none(wrap("<div style=\"opacity:0.9\">"));
  none(wrap("<div style=\"text-indent:2em\">"));
  none(wrap("<div style=\"position:absolute;left:10px\">"));
  none(wrap("<div style=\"height:0\">"));                              // overflow shows
  none(wrap("<span style=\"height:0;overflow:hidden\">", "</span>"));  // inline: no height
  none(wrap("<div style=\"visibility:hidden\"><p style=\"visibility:visible\">", "</p></div>"));
  none(wrap("<ul style=\"font-size:0\"><li style=\"font-size:14px\">", "</li></ul>"));
  none(wrap("<div style=\"display:none\"></div><div>"));
}

TEST_F(DarklinkTest, ImageReplacementIsAVisibleLink) {
  none(
      "<a href=\"http://www.bet365-am.example/\" style=\"display:block;width:88px;height:31px;"
      "text-indent:-9999px;background:url(/img/partner.png)\">合作伙伴</a>");
  none(
      "<a href=\"http://www.bet365-am.example/\" style=\"font-size:0\"><img src=\"/b.png\" "
      "alt=\"合作伙伴\"></a>");
}

TEST_F(DarklinkTest, ColoursWithoutADeclaredBackgroundDoNotCount) {
  none("<a href=\"http://www.bet365-am.example/\" style=\"color:#fff\">合作伙伴</a>");
  none(
      "<table><tr><td bgcolor=\"#003399\"><a style=\"color:#fff\" "
      "href=\"http://www.bet365-am.example/\">合作伙伴</a></td></tr></table>");
}

TEST_F(DarklinkTest, RulesThatDoNotApplyOnScreen) {
  none(wrap("<div class=\"p m h\">"),
       "<style>@media print{.p{display:none}} @media (max-width:768px){.m{display:none}} "
       ".h:hover{display:none}</style><style media=\"print\">.h{display:none}</style>"
       "<!-- <style>.p{display:none}</style> -->");
}

TEST_F(DarklinkTest, NoscriptIsNotHidingFromReaders) {
  none("<noscript><a href=\"http://www.cnzz.example/stat.php?id=1\">站长统计</a></noscript>");
}

TEST_F(DarklinkTest, ALinkAlsoShownVisiblyIsNotDark) {
  none(wrap("<div style=\"display:none\">") + kSpam);
}

TEST_F(DarklinkTest, OnlyFollowableWebLinks) {
  none(
      "<div style=\"display:none\"><a href=\"javascript:void(0)\">x</a>"
      "<a href=\"mailto:a@bet365-am.example\">x</a><img src=\"http://www.bet365-am.example/p.gif\">"
      "<iframe src=\"http://www.bet365-am.example/\"></iframe></div>");
}

// --- What real portal templates hide: nothing to report (docs/security.md). -------------

TEST_F(DarklinkTest, TheHanwebTemplatesHiddenVendorCreditIsNothing) {
  // Verbatim from Hanweb (大汉版通) pages, after the visit counter iframe.
  none(
      "<a href='http://www.hanweb.com' style='display:none'>Produced By 大汉网络 "
      "大汉版通发布系统</a>");
  none(
      "<a href=\"http://www.hanweb.com\" style=\"display:none\">Produced By 大汉网络 "
      "大汉版通发布系统</a>");
}

TEST_F(DarklinkTest, TheErrorReportingServiceLinkedByIpAddressIsNothing) {
  none(
      "<div style=\"display:none\"><a href=\"http://121.43.68.40/exposure/jiucuo.html?"
      "site_code=4202000045&url=http%3A%2F%2Fwww.huangshi.gov.cn\">找错</a></div>");
  // The service's path on any IPv4 host (it has moved before), and its named host.
  none(
      "<div style=\"display:none\"><a href=\"http://10.20.30.40/exposure/jiucuo.html?"
      "site_code=1\">我为政府网站找错</a><a href=\"https://zfwzgl.www.gov.cn/exposure/"
      "jiucuo.html?site_code=bm07000001\">找错</a></div>");
}

TEST_F(DarklinkTest, GovernmentHostsAndTheIdentifierAreNothing) {
  site_.allowed_domains.clear();  // gov.cn is government infrastructure even when not allowed
  none(
      "<div style=\"display:none\"><a href=\"http://www.hubei.gov.cn/\">湖北省人民政府</a>"
      "<a href=\"http://bszs.conac.cn/sitename?method=show&id=08E616E2D4F5109F\">党政机关</a>"
      "<a href=\"https://www.gov.cn/\">中国政府网</a></div>");
}

TEST_F(DarklinkTest, CentralMediaInAHiddenLinksPaneAreNothing) {
  none(
      "<div class=\"yqlj\" style=\"display:none\"><a href=\"http://www.xinhuanet.com/\">新华网</a>"
      "<a href=\"http://www.people.com.cn/\">人民网</a><a href=\"https://tv.cctv.com/\">央视网</a>"
      "</div>");
}

TEST_F(DarklinkTest, HostsTheUserApprovedAreNothing) {
  config::SecurityConfig security = config::default_security();
  ctx_.security = &security;
  const std::string body =
      "<div style=\"display:none\"><a href=\"http://www.partner.example/\">合作单位</a></div>";
  EXPECT_EQ(run(page(body)).size(), 1u);
  security.approved_hosts.push_back("partner.example");
  none(body);
}

// --- Hidden foreign links without evidence: a warning, for review. -----------------------

TEST_F(DarklinkTest, AHiddenForeignLinkWithoutEvidenceIsAWarningForReview) {
  const Findings out = run(
      page("<div style=\"display:none\"><a href=\"http://www.partner.example/about\">合作单位</a>"
           "<a href=\"http://121.43.68.41/index.html\">统计平台</a></div>"));
  ASSERT_EQ(out.size(), 2u);
  for (const Finding& f : out) {
    EXPECT_EQ(f.code, "SEC-DARKLINK");
    EXPECT_EQ(f.severity, Severity::warning) << f.subject;
  }
  EXPECT_EQ(out[0].detail,
            "hidden by display:none on div; text 合作单位; no spam term, suspicious host or link "
            "farm: review");
}

// --- Evidence that makes a hidden link a dark link: critical. -------------------------------

Finding only(const Findings& out) {
  EXPECT_EQ(out.size(), 1u);
  return out.empty() ? Finding{} : out[0];
}

TEST_F(DarklinkTest, SpamTermsInTheUrlAlone) {
  const Finding f = only(run(
      page("<div style=\"display:none\"><a href=\"http://www.x.example/%E5%8D%9A%E5%BD%A9%E7%BD%91"
           "%E7%AB%99/index.html\">点击进入</a></div>")));
  EXPECT_EQ(f.severity, Severity::critical);
  EXPECT_EQ(f.detail, "hidden by display:none on div; text 点击进入; spam terms 博彩网站");
}

TEST_F(DarklinkTest, SpamTermsInTheTitleAlone) {
  const Finding f =
      only(run(page("<div style=\"display:none\"><a href=\"http://www.y.example/\""
                    " title=\"澳门博彩 真人娱乐\">友情链接</a></div>")));
  EXPECT_EQ(f.severity, Severity::critical);
  EXPECT_NE(f.detail.find("spam terms"), std::string::npos) << f.detail;
}

TEST_F(DarklinkTest, LoansAndInvoiceSpam) {
  const Finding f = only(run(
      page("<div style=\"display:none\"><a href=\"http://www.fp.example/\">代开发票</a></div>")));
  EXPECT_EQ(f.severity, Severity::critical);
  EXPECT_NE(f.detail.find("spam terms 代开发票"), std::string::npos) << f.detail;
}

TEST_F(DarklinkTest, SuspiciousHostNames) {
  Finding f = only(run(page(
      "<div style=\"display:none\"><a href=\"http://www.vns-bocai.example/\">进入</a></div>")));
  EXPECT_EQ(f.severity, Severity::critical);
  EXPECT_EQ(f.detail, "hidden by display:none on div; text 进入; host name says bocai");
  f = only(run(page("<div style=\"display:none\"><a href=\"https://lucky.bet/\">进入</a></div>")));
  EXPECT_EQ(f.severity, Severity::critical);
  EXPECT_EQ(f.detail, "hidden by display:none on div; text 进入; TLD .bet");
}

TEST_F(DarklinkTest, ALinkFarmOfUnrelatedHosts) {
  const Findings out = run(page(
      "<div style=\"position:absolute;left:-9999px\"><a "
      "href=\"http://www.aa11.example/\">网址一</a>"
      "<a href=\"http://bb22.example/x\">网址二</a><a href=\"http://m.cc33.example.cn/\">网址三</a>"
      "</div>"));
  ASSERT_EQ(out.size(), 3u);
  for (const Finding& f : out) {
    EXPECT_EQ(f.severity, Severity::critical) << f.subject;
    EXPECT_TRUE(f.detail.ends_with("; one of 3 hidden links to 3 unrelated hosts")) << f.detail;
  }
}

TEST_F(DarklinkTest, NoLinkFarm) {
  // Two unrelated hosts are not many; one domain's hosts are one host.
  for (const char* body :
       {"<div style=\"display:none\"><a href=\"http://www.aa11.example/\">网址一</a>"
        "<a href=\"http://bb22.example/\">网址二</a></div>",
        "<div style=\"display:none\"><a href=\"http://a.partner.example/\">一</a>"
        "<a href=\"http://b.partner.example/\">二</a><a href=\"http://partner.example/\">三</a>"
        "</div>"}) {
    for (const Finding& f : run(page(body))) {
      EXPECT_EQ(f.severity, Severity::warning) << f.subject << " " << f.detail;
    }
  }
}

TEST_F(DarklinkTest, ForeignLinksInAHiddenBlockOfTheTemplate) {
  // A hidden pane that also holds the site's own or government links is the template's (a
  // drop-down of 友情链接): its foreign links are navigation, not a link farm...
  none(
      "<ul class=\"yqlj\" style=\"display:none\"><li><a href=\"/zwgk/tzgg/\">通知公告</a></li>"
      "<li><a href=\"http://www.yn.gov.cn/\">云南省人民政府</a></li>"
      "<li><a href=\"http://www.cas.cn/\">中国科学院</a></li><li><a href=\"http://www.gov.hk/\">"
      "香港</a></li><li><a href=\"http://www.gov.mo/\">澳门</a></li><li><a "
      "href=\"http://www.ynlib.cn/\">云南省图书馆</a></li></ul>");
  // ...but spam in it is still a dark link.
  const Findings out = run(
      page("<ul class=\"yqlj\" style=\"display:none\"><li><a href=\"http://www.yn.gov.cn/\">云南省"
           "人民政府</a></li><li><a href=\"http://www.cas.cn/\">中国科学院</a></li><li><a "
           "href=\"http://www.tyc.example/\">太阳城娱乐</a></li></ul>"));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].subject, "http://www.tyc.example/");
  EXPECT_EQ(out[0].severity, Severity::critical);
}

TEST_F(DarklinkTest, EveryHiddenForeignLinkIsReported) {
  Findings out =
      run(page("<div style=\"display:none\"><a href=\"http://a.example/\">赌场</a> "
               "<a href=\"http://b.example/x\">彩票</a><a href=\"/internal\">内部</a></div>"));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].subject, "http://a.example/");
  EXPECT_EQ(out[1].subject, "http://b.example/x");
  EXPECT_EQ(out[1].detail, "hidden by display:none on div; text 彩票; spam terms 彩票");
  EXPECT_EQ(out[0].severity, Severity::critical);
  EXPECT_EQ(out[1].severity, Severity::critical);
}

// --- A compromised homepage. ---------------------------------------------------------------

TEST_F(DarklinkTest, SpamBlockFixture) {
  std::ifstream in(std::string(SITEPATROL_TEST_DATA) + "/html/darklink_spam_block.html",
                   std::ios::binary);
  ASSERT_TRUE(in);
  std::string html{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  crawler::ParsedHtml parsed = crawler::parse_html(html, kPageUrl);
  Findings out = run(html);
  std::string got;
  for (const Finding& f : out) got += f.subject + " | " + f.detail + "\n";
  EXPECT_EQ(
      got,
      "http://www.amdc-8888.example/ | hidden by positioned off-screen on div; text 澳门赌场; "
      "spam terms 澳门赌场; one of 5 hidden links to 5 unrelated hosts\n"
      "http://www.bjl-yule.example/ | hidden by positioned off-screen on div; text 百家乐; spam "
      "terms 百家乐; one of 5 hidden links to 5 unrelated hosts\n"
      "http://www.pj-vip.example/?id=2026 | hidden by positioned off-screen on div; text "
      "葡京娱乐; spam terms 葡京娱乐; one of 5 hidden links to 5 unrelated hosts\n"
      "http://www.tyc-bet.example/ | hidden by display:none on div.ft_link; text 太阳城; spam "
      "terms 太阳城; host name says bet; one of 5 hidden links to 5 unrelated hosts\n"
      "http://www.lhc-kj.example/ | hidden by display:none on div.ft_link; text 六合彩开奖; spam "
      "terms 六合彩; one of 5 hidden links to 5 unrelated hosts\n");
  for (const Finding& f : out) EXPECT_EQ(f.severity, Severity::critical) << f.subject;
  // The visible news list is untouched, and the spam words are hidden text, not page text.
  EXPECT_NE(parsed.text.find("关于开展2026年度交通运输安全生产大检查的通知"), std::string::npos);
  EXPECT_EQ(parsed.text.find("澳门赌场"), std::string::npos);
  EXPECT_NE(parsed.hidden_text.find("澳门赌场"), std::string::npos);
  EXPECT_NE(parsed.hidden_text.find("六合彩开奖"), std::string::npos);
}

}  // namespace
}  // namespace sitepatrol::checks
