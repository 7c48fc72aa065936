#include "checks/darklink.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "crawler/html.h"

namespace sitepatrol::checks {
namespace {

constexpr const char* kPageUrl = "http://www.site.example/index.html";
constexpr const char* kSpamUrl = "http://www.bet365-am.example/";
constexpr const char* kSpam = "<a href=\"http://www.bet365-am.example/\">澳门赌场</a>";

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
    ctx_.registered_hosts = {"www.site.example", "www.msa.gov.cn"};
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
  SiteContext ctx_;
};

std::string wrap(std::string_view open, std::string_view close = "</div>") {
  return std::string(open) + kSpam + std::string(close);
}

// --- One test per technique, inline styles. -------------------------------------------

TEST_F(DarklinkTest, DisplayNone) {
  EXPECT_EQ(one(wrap("<div id=\"hid\" style=\"display:none\">")),
            "hidden by display:none on div#hid; text 澳门赌场");
}

TEST_F(DarklinkTest, VisibilityHidden) {
  EXPECT_EQ(one(wrap("<div class=\"yc links\" style=\"visibility:hidden\">")),
            "hidden by visibility:hidden on div.yc.links; text 澳门赌场");
}

TEST_F(DarklinkTest, OpacityZero) {
  EXPECT_EQ(one(wrap("<span style=\"opacity:0.01\">", "</span>")),
            "hidden by opacity:0 on span; text 澳门赌场");
}

TEST_F(DarklinkTest, FontSizeZero) {
  EXPECT_EQ(one(wrap("<p style=\"font-size:0px\">", "</p>")),
            "hidden by font-size:0 on p; text 澳门赌场");
}

TEST_F(DarklinkTest, ZeroHeightWithOverflowHidden) {
  EXPECT_EQ(one(wrap("<div style=\"height:0;overflow:hidden\">")),
            "hidden by zero size with overflow:hidden on div; text 澳门赌场");
}

TEST_F(DarklinkTest, TextIndentFarLeft) {
  EXPECT_EQ(one(wrap("<div style=\"text-indent:-999em\">")),
            "hidden by text-indent off-screen on div; text 澳门赌场");
}

TEST_F(DarklinkTest, PositionedOffScreen) {
  EXPECT_EQ(one(wrap("<div style=\"position:absolute;top:-999px;left:-9999px\">")),
            "hidden by positioned off-screen on div; text 澳门赌场");
}

TEST_F(DarklinkTest, ClippedToNothing) {
  EXPECT_EQ(one(wrap("<div style=\"position:absolute;clip:rect(0,0,0,0)\">")),
            "hidden by clip to nothing on div; text 澳门赌场");
  EXPECT_EQ(one(wrap("<div style=\"clip-path:inset(100%)\">")),
            "hidden by clip to nothing on div; text 澳门赌场");
}

TEST_F(DarklinkTest, HiddenAttribute) {
  EXPECT_EQ(one(wrap("<div hidden>")), "hidden by hidden attribute on div; text 澳门赌场");
}

TEST_F(DarklinkTest, ColourSameAsBackground) {
  EXPECT_EQ(one("<div style=\"background:#fff\"><a style=\"color:#FFFFFF\" "
                "href=\"http://www.bet365-am.example/\">澳门赌场</a></div>"),
            "hidden by color same as background on a; text 澳门赌场");
  // Old markup: a white <font> inside the link on a white cell.
  EXPECT_EQ(one("<table><tr><td bgcolor=\"#FFFFFF\"><a href=\"http://www.bet365-am.example/\">"
                "<font color=\"white\">澳门赌场</font></a></td></tr></table>"),
            "hidden by color same as background on font; text 澳门赌场");
}

TEST_F(DarklinkTest, MarqueeOutOfView) {
  EXPECT_EQ(one(wrap("<marquee scrollamount=\"0\">", "</marquee>")),
            "hidden by marquee out of view on marquee; text 澳门赌场");
  EXPECT_EQ(one(wrap("<marquee height=\"1\" width=\"1\">", "</marquee>")),
            "hidden by marquee out of view on marquee; text 澳门赌场");
}

// --- Through the page's <style> rules. ---------------------------------------------------

TEST_F(DarklinkTest, StyleIdRule) {
  EXPECT_EQ(one(wrap("<div id=\"hid\">"), "<style>#hid{display:none}</style>"),
            "hidden by display:none on div#hid; text 澳门赌场");
}

TEST_F(DarklinkTest, StyleClassRule) {
  EXPECT_EQ(one(wrap("<div class=\"c1 yqlj\">"),
                "<style type=\"text/css\">\n.yqlj { position: absolute; top: -999px; }\n</style>"),
            "hidden by positioned off-screen on div.c1.yqlj; text 澳门赌场");
}

TEST_F(DarklinkTest, StyleDescendantRule) {
  EXPECT_EQ(
      one(wrap("<div id=\"foot2\"><p>", "</p></div>"), "<style>#foot2 a{font-size:0}</style>"),
      "hidden by font-size:0 on a; text 澳门赌场");
  EXPECT_EQ(one(wrap("<div class=\"x\"><span class=\"y\">", "</span></div>"),
                "<style>.x .y{visibility:hidden}</style>"),
            "hidden by visibility:hidden on span.y; text 澳门赌场");
}

TEST_F(DarklinkTest, StyleTagRuleInTheBody) {
  // A <style> after the block still applies to it.
  EXPECT_EQ(one(wrap("<font>", "</font>") + "<style>font{display:none}</style>"),
            "hidden by display:none on font; text 澳门赌场");
}

// --- Written by scripts. -------------------------------------------------------------------

TEST_F(DarklinkTest, DocumentWrite) {
  EXPECT_EQ(
      one("<script type=\"text/javascript\">document.write('<div style=\"display:none\">' +"
          " '<a href=\"http://www.bet365-am.example/\">\\u6fb3\\u95e8\\u8d4c\\u573a</a></div>');"
          "</script>"),
      "hidden by display:none on div; text 澳门赌场");
}

TEST_F(DarklinkTest, DocumentWriteOpensTheBlockAroundStaticLinks) {
  EXPECT_EQ(
      one("<script>document.write(\"<div style='position:absolute;left:-9999px'>\")</script>" +
          std::string(kSpam) + "<script>document.write(\"</div>\")</script>"),
      "hidden by positioned off-screen on div; text 澳门赌场");
}

TEST_F(DarklinkTest, DocumentWriteUnescape) {
  EXPECT_EQ(one("<script>document.write(unescape('%3Cdiv%20style%3D%22display%3Anone%22%3E%3Ca%20"
                "href%3D%22http%3A//www.bet365-am.example/%22%3E%u6FB3%u95E8%u8D4C%u573A%3C/a%3E"
                "%3C/div%3E'));</script>"),
            "hidden by display:none on div; text 澳门赌场");
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

TEST_F(DarklinkTest, EveryHiddenForeignLinkIsReported) {
  Findings out =
      run(page("<div style=\"display:none\"><a href=\"http://a.example/\">赌场</a> "
               "<a href=\"http://b.example/x\">彩票</a><a href=\"/internal\">内部</a></div>"));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].subject, "http://a.example/");
  EXPECT_EQ(out[1].subject, "http://b.example/x");
  EXPECT_EQ(out[1].detail, "hidden by display:none on div; text 彩票");
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
      "http://www.amdc-8888.example/ | hidden by positioned off-screen on div; text 澳门赌场\n"
      "http://www.bjl-yule.example/ | hidden by positioned off-screen on div; text 百家乐\n"
      "http://www.pj-vip.example/?id=2026 | hidden by positioned off-screen on div; text 葡京娱乐\n"
      "http://www.tyc-bet.example/ | hidden by display:none on div.ft_link; text 太阳城\n"
      "http://www.lhc-kj.example/ | hidden by display:none on div.ft_link; text 六合彩开奖\n");
  // The visible news list is untouched, and the spam words are hidden text, not page text.
  EXPECT_NE(parsed.text.find("关于开展2026年度交通运输安全生产大检查的通知"), std::string::npos);
  EXPECT_EQ(parsed.text.find("澳门赌场"), std::string::npos);
  EXPECT_NE(parsed.hidden_text.find("澳门赌场"), std::string::npos);
  EXPECT_NE(parsed.hidden_text.find("六合彩开奖"), std::string::npos);
}

}  // namespace
}  // namespace sitepatrol::checks
