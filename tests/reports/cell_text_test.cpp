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

TEST(CellHtml, EverythingIsEscaped) {
  EXPECT_EQ(cell_html("<script>alert(1)</script> x"), "&lt;script&gt;alert(1)&lt;/script&gt; x");
  EXPECT_EQ(cell_html("https://a.example/<b>"),
            "<span class=\"url\">https://<wbr>a.example/<wbr>&lt;b&gt;</span>");
  EXPECT_EQ(cell_html(""), "");
  EXPECT_EQ(cell_html("a  b"), "a  b");
}

}  // namespace
}  // namespace sitepatrol::reports
