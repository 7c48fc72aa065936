#include "crawler/html.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "crawler/charset.h"

namespace sitepatrol::crawler {
namespace {

using Links = std::vector<checks::LinkRef>;

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(SITEPATROL_TEST_DATA) + "/html/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What the crawler does with a fetched body: detect, convert, parse.
ParsedHtml parse_fixture(const std::string& name, const std::string& page_url) {
  std::string body = read_fixture(name);
  return parse_html(to_utf8(body, detect_charset("text/html", body)), page_url);
}

// One line per link, so a failing comparison shows which link differs.
std::string describe(const Links& links) {
  std::string out;
  for (const auto& l : links) out += "{" + l.url + ", " + l.kind + ", \"" + l.text + "\"}\n";
  return out;
}

std::string meta_value(const ParsedHtml& p, const std::string& name) {
  for (const auto& [k, v] : p.meta) {
    if (k == name) return v;
  }
  return "<absent>";
}

TEST(ParseHtml, TrsListPage) {
  ParsedHtml p =
      parse_fixture("trs_list_utf8.html", "http://www.site.example/xxgk/tzgg/index.shtml");
  EXPECT_EQ(p.title, "通知公告_湖北省交通运输厅");
  Links want = {
      {"http://www.site.example/images/style.css", "link", ""},
      {"http://www.site.example/images/jquery.min.js", "script", ""},
      // Image-only link: the alt text stands in; the "首页" link to the same URL is a dup.
      {"http://www.site.example/", "a", "湖北省交通运输厅"},
      {"http://www.site.example/images/logo.png", "img", ""},
      {"http://www.site.example/zwgk/", "a", "政务公开"},
      {"http://www.site.example/xxgk/tzgg/", "a", "通知公告"},
      {"http://www.site.example/xxgk/tzgg/202611/t20261125_5512345.shtml", "a",
       "关于开展2026年度交通运输安全生产 大检查的通知"},
      {"http://www.site.example/xxgk/tzgg/202611/t20261120_5510001.shtml", "a",
       "省交通运输厅关于 印发《公路养护管理办法》的通知"},
      {"http://www.site.example/xxgk/tzgg/202610/t20261031_5500007.shtml", "a",
       "【置顶】2026年第三季度政府网站检查情况通报"},
      {"http://www.site.example/xxgk/fdzdgknr/202610/P020261030123456789012.pdf", "a",
       "附件：检查情况汇总表.pdf"},
      {"http://www.site.example/xxgk/tzgg/index_1.shtml", "a", "下一页"},
      {"http://www.site.example/xxgk/tzgg/index.shtml", "a", "顶部"},
      {"https://beian.miit.gov.cn/", "a", "鄂ICP备05003322号"},
      {"http://bszs.conac.cn/sitename?method=show&id=ABC123", "a", "党政机关"},
      {"http://dcs.conac.cn/image/red.png", "img", ""},
  };
  EXPECT_EQ(describe(p.links), describe(want));

  EXPECT_EQ(p.text.find("fake"), std::string::npos) << "script text leaked";
  EXPECT_EQ(p.text.find("color"), std::string::npos) << "style text leaked";
  EXPECT_EQ(p.text.find("TRS"), std::string::npos) << "comment leaked";
  EXPECT_EQ(p.text.find("_湖北省交通运输厅"), std::string::npos) << "title is not body text";
  EXPECT_TRUE(p.text.starts_with("首页 政务公开 通知公告 网上办事 局长信箱 关于开展")) << p.text;
  EXPECT_NE(p.text.find("主办单位：湖北省交通运输厅 网站标识码：4200000057 鄂ICP备05003322号"),
            std::string::npos)
      << p.text;

  EXPECT_EQ(meta_value(p, "sitename"), "湖北省交通运输厅");
  EXPECT_EQ(meta_value(p, "siteidcode"), "4200000057");
  EXPECT_EQ(meta_value(p, "columnname"), "通知公告");
  EXPECT_EQ(meta_value(p, "og:title"), "通知公告");
  EXPECT_EQ(meta_value(p, "content-type"), "text/html; charset=utf-8");
}

TEST(ParseHtml, GbkArticle) {
  ParsedHtml p = parse_fixture("gbk_article.html", "http://www.mot.example/zfxxgk/2026/t1.html");
  EXPECT_EQ(p.title, "交通运输部关于印发《公路水路行业安全生产风险管理暂行办法》的通知");
  EXPECT_EQ(p.text,
            "关于印发《公路水路行业安全生产风险管理暂行办法》的通知 "
            "各省、自治区、直辖市交通运输厅（局、委）： "
            "现将《公路水路行业安全生产风险管理暂行办法》印发给你们，请遵照执行。 "
            "附件1：风险等级划分标准.docx 发布时间：2026年11月25日 联系人：王䶮（𠮷）");
  Links want = {{"http://www.mot.example/files/%E9%99%84%E4%BB%B61.docx", "a",
                 "附件1：风险等级划分标准.docx"}};
  EXPECT_EQ(describe(p.links), describe(want));
  EXPECT_EQ(meta_value(p, "articletitle"),
            "关于印发《公路水路行业安全生产风险管理暂行办法》的通知");
  EXPECT_EQ(meta_value(p, "pubdate"), "2026-11-25 09:30");
  EXPECT_EQ(meta_value(p, "contentsource"), "安全与质量监督管理司");
}

TEST(ParseHtml, Gb2312DeclaredInHttpEquiv) {
  ParsedHtml p = parse_fixture("gb2312_http_equiv.html", "http://www.site.example/");
  EXPECT_EQ(p.title, "湖北省交通运输厅_首页");
  EXPECT_EQ(p.text, "网站标识码：4200000057 鄂ICP备05003322号 鄂公网安备 42010602000123号");
  Links want = {{"http://beian.miit.gov.cn/", "a", "鄂ICP备05003322号"}};
  EXPECT_EQ(describe(p.links), describe(want));
}

TEST(ParseHtml, Big5Page) {
  ParsedHtml p = parse_fixture("big5_page.html", "https://www.thb.example/index.aspx");
  EXPECT_EQ(p.title, "交通部公路總局");
  EXPECT_EQ(p.text, "政府資訊公開 即時路況資訊 本局網站提供民眾查詢公路養護與交通管理相關資訊。");
  Links want = {{"https://www.thb.example/gov_info/", "a", "政府資訊公開"},
                {"https://www.thb.example/traffic/", "a", "即時路況資訊"}};
  EXPECT_EQ(describe(p.links), describe(want));
}

TEST(ParseHtml, BaseSrcsetRefreshAndMedia) {
  ParsedHtml p =
      parse_fixture("base_srcset_refresh.html", "https://www.site.example/zt/index.html");
  EXPECT_EQ(p.title, "资源 页面");
  // <base href="//static..."> takes the page's scheme; the second <base> is ignored.
  const std::string b = "https://static.site.example/cms/";
  Links want = {
      {"https://static.site.example/new/index.html", "meta-refresh", ""},
      {b + "a.html", "a", "相对于 base"},
      {b + "img/a.png", "img", ""},
      {b + "img/a-1x.png", "img", ""},
      {b + "img/a-2x.png", "img", ""},
      {b + "img/a,b.png", "img", ""},
      {b + "img/wide.webp", "source", ""},
      {b + "img/narrow.webp", "source", ""},
      {b + "img/fallback.jpg", "img", ""},
      {b + "img/b.png", "img", ""},  // the data: candidate is not a link
      {b + "media/v.mp4", "video", ""},
      {b + "media/zh.vtt", "track", ""},
      {b + "media/v.webm", "source", ""},
      {b + "media/a.mp3", "audio", ""},
      {b + "media/flash.swf", "object", ""},
      {b + "media/e.swf", "embed", ""},
      {"https://www.gov.cn/embed.html", "iframe", ""},
      {"https://static.site.example/map/hb.html", "area", "湖北"},
      {b + "svg-link.html", "a", "矢量"},
      // <template> is inert; <noscript> links are real, their text is not page text.
      {b + "noscript.html", "a", "无脚本"},
  };
  EXPECT_EQ(describe(p.links), describe(want));
  EXPECT_EQ(p.text, "相对于 base 矢量");
  EXPECT_EQ(meta_value(p, "refresh"), "5; URL='/new/index.html'");
}

TEST(ParseHtml, Frameset) {
  ParsedHtml p = parse_fixture("frames.html", "http://www.site.example/");
  EXPECT_EQ(p.title, "框架首页");
  Links want = {{"http://www.site.example/top.html", "frame", ""},
                {"http://www.site.example/left.html", "frame", ""},
                {"http://www.site.example/main.html", "frame", ""}};
  EXPECT_EQ(describe(p.links), describe(want));
  EXPECT_EQ(p.text, "");
}

TEST(ParseHtml, MalformedPageYieldsWhatGumboRecovers) {
  ParsedHtml p = parse_fixture("malformed.html", "http://www.site.example/m/x.html");
  EXPECT_EQ(p.title, "残缺页面");
  Links want = {{"http://www.site.example/m/one.html", "a", "链接一"},
                {"http://www.site.example/m/two.html", "a", "链接二"},
                {"http://www.site.example/m/three.html", "a", "链接三"},
                {"http://www.site.example/m/four.html", "a", "链接四"}};
  EXPECT_EQ(describe(p.links), describe(want));
  EXPECT_EQ(p.text, "第一段 第二段链接一链接二 单元格 链接三 链接四 项目二 交叉嵌套");
}

TEST(ParseHtml, MetaRefreshForms) {
  auto refresh = [](const std::string& content) {
    ParsedHtml p = parse_html("<meta http-equiv=Refresh content=\"" + content + "\">",
                              "http://h.example/a/b.html");
    return p.links.empty() ? std::string("<none>") : p.links[0].url;
  };
  EXPECT_EQ(refresh("0; url=http://www.gov.cn/"), "http://www.gov.cn/");
  EXPECT_EQ(refresh("3;URL=c.html"), "http://h.example/a/c.html");
  EXPECT_EQ(refresh("0.5, url = 'd.html' "), "http://h.example/a/d.html");
  EXPECT_EQ(refresh("1; e.html"), "http://h.example/a/e.html");
  EXPECT_EQ(refresh("30"), "<none>");
}

TEST(ParseHtml, AnchorTextIsCollapsedAndCappedOnACharacterBoundary) {
  std::string long_text;
  for (int i = 0; i < 100; ++i) long_text += "交通";  // 600 bytes
  ParsedHtml p = parse_html("<a href=x>  \n<b>" + long_text +
                                "</b>\t</a>"
                                "<a href=y title=' 提示  文字 '></a>"
                                "<a href=z>a<br>b&nbsp;&nbsp;c</a>",
                            "http://h.example/");
  ASSERT_EQ(p.links.size(), 3u);
  EXPECT_EQ(p.links[0].text.size(), 198u);  // 66 characters of 3 bytes
  EXPECT_TRUE(long_text.starts_with(p.links[0].text));
  EXPECT_EQ(p.links[1].text, "提示 文字");
  EXPECT_EQ(p.links[2].text, "a b c");
}

TEST(ParseHtml, DedupKeepsTheFirstOfEachUrlAndKind) {
  ParsedHtml p = parse_html(
      "<a href='/p'>一</a><a href='p'>二</a><a href='/p#x'>三</a>"
      "<img src='/p'><link rel=preconnect href='//cdn.example'><link rel=icon href=/p>",
      "http://h.example/");
  Links want = {{"http://h.example/p", "a", "一"},
                {"http://h.example/p", "img", ""},
                {"http://h.example/p", "link", ""}};
  EXPECT_EQ(describe(p.links), describe(want));
}

TEST(ParseHtml, EmptyAndJunkInput) {
  ParsedHtml empty = parse_html("", "http://h.example/");
  EXPECT_EQ(empty.title, "");
  EXPECT_EQ(empty.text, "");
  EXPECT_TRUE(empty.links.empty());
  ParsedHtml junk = parse_html(std::string("\0\x01<<<>>>\xFF<a href=", 16), "http://h.example/");
  EXPECT_TRUE(junk.links.empty());
}

double seconds_to_parse(const std::string& html, ParsedHtml& out) {
  std::clock_t start = std::clock();
  out = parse_html(html, "http://h.example/");
  return double(std::clock() - start) / CLOCKS_PER_SEC;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// A hostile page 100,000 levels deep: no stack overflow, no quadratic blow-up, and the
// links around the nesting are still found.
TEST(ParseHtml, SurvivesDeepNesting) {
  for (std::string open : {"<div>", "<span>", "<font color=red>", "<table><tr><td>", "<ul><li>",
                           "<x-a>", "<div/>", "<b><i>"}) {
    std::string html = "<html><body><a href=/before>前</a>" + repeat(open, 100'000) +
                       "<a href=/deep>深</a>" + repeat("</x-b></b>", 1000) + "尾";
    ParsedHtml p;
    double took = seconds_to_parse(html, p);
    EXPECT_LT(took, 5.0) << open;  // CPU seconds; unguarded Gumbo needs minutes
    ASSERT_GE(p.links.size(), 2u) << open;
    EXPECT_EQ(p.links[0].url, "http://h.example/before") << open;
    EXPECT_EQ(p.links[1].url, "http://h.example/deep") << open;
    EXPECT_EQ(p.links[1].text, "深") << open;
    EXPECT_TRUE(p.text.ends_with("尾")) << open;
  }
}


}  // namespace
}  // namespace sitepatrol::crawler
