#include "crawler/list_rows.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "crawler/html.h"

namespace sitepatrol::crawler {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(SITEPATROL_TEST_DATA) + "/lists/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<checks::ListRow> rows_of(const std::string& html, std::string_view url) {
  return parse_html(html, url).rows;
}

const checks::ListRow* row_for(const std::vector<checks::ListRow>& rows, std::string_view url) {
  for (const auto& r : rows) {
    if (r.url == url) return &r;
  }
  return nullptr;
}

TEST(ListRows, TrsListItemsCarryTheirSpanDate) {
  auto rows = rows_of(fixture("trs_ul.html"), "http://www.site.example/tzgg/index.html");
  const auto* first = row_for(rows, "http://www.site.example/tzgg/202611/t20261120_1201.html");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->text, "关于开展冬季安全检查的通知 2026-11-20");
  EXPECT_EQ(first->link_text, "关于开展冬季安全检查的通知");
  EXPECT_EQ(first->region, "");
  const auto* third = row_for(rows, "http://www.site.example/tzgg/202610/t20261015_1150.html");
  ASSERT_NE(third, nullptr);
  EXPECT_EQ(third->list, first->list);  // one list
  const auto* nav = row_for(rows, "http://www.site.example/");
  ASSERT_NE(nav, nullptr);
  EXPECT_EQ(nav->region, "nav");
  EXPECT_NE(nav->list, first->list);
  const auto* map = row_for(rows, "http://www.site.example/wzdt/");
  ASSERT_NE(map, nullptr);
  EXPECT_EQ(map->region, "footer");
}

TEST(ListRows, HanwebTableRowsAndACalendar) {
  auto rows = rows_of(fixture("hanweb_table.html"), "http://www.site.example/zcfg/");
  const auto* law = row_for(rows, "http://www.site.example/art/2026/9/3/art_12_3301.html");
  ASSERT_NE(law, nullptr);
  EXPECT_EQ(law->text, "示范省公路条例（修订） 2026-09-03");
  const auto* day = row_for(rows, "http://www.site.example/rili/2026-11-01");
  ASSERT_NE(day, nullptr);
  EXPECT_EQ(day->region, "calendar");
}

TEST(ListRows, KaipuDefinitionListsAndDivItems) {
  auto rows = rows_of(fixture("kaipu_dl.html"), "http://www.site.example/gzdt/");
  const auto* dl = row_for(rows, "http://www.site.example/gzdt/2026/1121/c1.html");
  ASSERT_NE(dl, nullptr);
  EXPECT_EQ(dl->text, "厅领导检查冬季运输保障工作 2026年11月21日");
  const auto* item = row_for(rows, "http://www.site.example/gzdt/2026/1110/c3.html");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->text, "示范省启动春运筹备 [11-10]");
  EXPECT_EQ(item->list, dl->list);  // dl and div rows share the container
}

// Issue 12, failure 7: each row re-read every ancestor's id and class (lower-cased), so
// 20,000 rows under a 1 MiB class took 69 s. Each element is read once per page now; the
// nearest ancestor marking a region still decides it.
TEST(ListRows, ManyRowsUnderAHugeClassKeepTheirRegions) {
  std::string html = "<div class=\"footer " + std::string(1 << 20, 'Q') + "\"><ul>";
  for (int i = 0; i < 20000; ++i) html += "<li><a href=/f" + std::to_string(i) + ".html>x</a></li>";
  html += "</ul><div id=Menu><ul><li><a href=/nav.html>菜单</a></li></ul></div></div>";
  html += "<ul><li><a href=/main.html>正文</a> 2026-11-20</li></ul>";
  const auto rows = rows_of(html, "http://x.example/");
  ASSERT_EQ(rows.size(), 20002u);
  EXPECT_EQ(rows[0].region, "footer");
  EXPECT_EQ(rows[19999].region, "footer");
  EXPECT_EQ(row_for(rows, "http://x.example/nav.html")->region, "nav");
  EXPECT_EQ(row_for(rows, "http://x.example/main.html")->region, "");
}

TEST(ListRows, TwoLinksInOneItemMakeOneRow) {
  auto rows = rows_of(
      "<ul><li><a href=/a.html>标题</a> <a href=/more>更多</a> 2026-11-20</li>"
      "<li><a href=/b.html>另一条</a> 2026-11-19</li></ul>",
      "http://x.example/");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].url, "http://x.example/a.html");
  EXPECT_EQ(rows[0].text, "标题 更多 2026-11-20");
}

TEST(ListRows, MalformedMarkupStillGivesRows) {
  auto rows = rows_of("<ul><li><a href=/a.html>未闭合<span>2026-11-20<li><a href=/b>b",
                      "http://x.example/");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].text, "未闭合 2026-11-20");
}

TEST(ListRows, LongRowTextIsCutOnACharacterBoundary) {
  std::string html = "<p><a href=/a>x</a>";
  for (int i = 0; i < 300; ++i) html += "长";
  auto rows = rows_of(html, "http://x.example/");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_LE(rows[0].text.size(), 400u);
  EXPECT_EQ(rows[0].text.size() % 3, 1u);  // "x" then whole three-byte characters
}

}  // namespace
}  // namespace sitepatrol::crawler
