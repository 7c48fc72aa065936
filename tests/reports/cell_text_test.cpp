#include "reports/cell_text.h"

#include <gtest/gtest.h>

namespace sitepatrol::reports {
namespace {

TEST(CellHtml, CodesDoNotBreakInside) {
  EXPECT_EQ(cell_html("LINK-BROKEN 失效链接"), "<span class=\"nb\">LINK-BROKEN</span> 失效链接");
  EXPECT_TRUE(is_finding_code("INTERACT-UNANSWERED"));
  EXPECT_TRUE(is_finding_code("AVAIL-DOWN"));
  EXPECT_FALSE(is_finding_code("HTTP"));
  EXPECT_FALSE(is_finding_code("A-"));
  EXPECT_FALSE(is_finding_code("2026-11"));
  EXPECT_FALSE(is_finding_code("Link-Broken"));
}

TEST(CellHtml, UrlsBreakAfterSlashesNotInsideWords) {
  EXPECT_EQ(cell_html("https://jtt.example.gov.cn/a/b.html?x=1&y=2"),
            "<span class=\"url\">https://<wbr>jtt.example.gov.cn/<wbr>a/<wbr>b.html?<wbr>x=<wbr>"
            "1&amp;<wbr>y=<wbr>2</span>");
  EXPECT_EQ(cell_html("/zwgk/"), "<span class=\"url\">/<wbr>zwgk/</span>");
}

// A broken link reads 「its text」 then its URL; where it was seen, pages joined by 、.
TEST(CellHtml, UrlsAfterTextAndBetweenChinesePunctuationBreakToo) {
  EXPECT_EQ(cell_html("「办事指南」http://a.example/files/办事指南.pdf"),
            "「办事指南」<span class=\"url\">http://<wbr>a.example/<wbr>files/<wbr>办事指南.pdf"
            "</span>");
  EXPECT_EQ(cell_html("2 个页面：http://a.example/x/、http://a.example/y/ 等"),
            "2 个页面：<span class=\"url\">http://<wbr>a.example/<wbr>x/</span>、"
            "<span class=\"url\">http://<wbr>a.example/<wbr>y/</span> 等");
  EXPECT_EQ(cell_html("2 pages: http://a.example/x/, http://a.example/y/."),
            "2 pages: <span class=\"url\">http://<wbr>a.example/<wbr>x/</span>, "
            "<span class=\"url\">http://<wbr>a.example/<wbr>y/</span>.");
  // No URL holds a quote or an angle bracket: the URL ends there, the rest is text.
  EXPECT_EQ(cell_html("「<b>」https://a.example/<i>"),
            "「&lt;b&gt;」<span class=\"url\">https://<wbr>a.example/</span>&lt;i&gt;");
}

TEST(CellHtml, EverythingIsEscaped) {
  EXPECT_EQ(cell_html("<script>alert(1)</script> x"), "&lt;script&gt;alert(1)&lt;/script&gt; x");
  EXPECT_EQ(cell_html("https://a.example/<b>"),
            "<span class=\"url\">https://<wbr>a.example/</span>&lt;b&gt;");
  EXPECT_EQ(cell_html("\"http://a.example/\"><script>"),
            "&quot;<span class=\"url\">http://<wbr>a.example/</span>&quot;&gt;&lt;script&gt;");
  EXPECT_EQ(cell_html(""), "");
  EXPECT_EQ(cell_html("a  b"), "a  b");
}

}  // namespace
}  // namespace sitepatrol::reports
