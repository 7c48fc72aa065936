#include "checks/column_names.h"

#include <gtest/gtest.h>

#include "config/columns.h"

namespace sitepatrol::checks {
namespace {

std::string key_of(const config::ColumnKind* kind) { return kind ? kind->key : "(none)"; }

std::string by_name(std::string_view name) {
  return key_of(column_kind_for(config::builtin_column_kinds(), name));
}

std::string by_link(std::string_view text, std::string_view url) {
  return key_of(column_kind_for_link(config::builtin_column_kinds(), text, url));
}

// Names real portals give their columns (issue 11), not only the dictionary's exact ones.
TEST(ColumnNames, RealNavigationNamesAreKnown) {
  EXPECT_EQ(by_name("政府机构"), "organization");
  EXPECT_EQ(by_name("机构职责"), "organization");
  EXPECT_EQ(by_name("领导分工"), "organization");
  EXPECT_EQ(by_name("法定主动公开内容"), "disclosure_catalog");
  EXPECT_EQ(by_name("政府公告"), "notice");
  EXPECT_EQ(by_name("政府文件"), "policy");
  EXPECT_EQ(by_name("县区动态"), "news");
  EXPECT_EQ(by_name("部门动态"), "news");
  EXPECT_EQ(by_name("政务活动"), "news");
  EXPECT_EQ(by_name("统计快讯"), "statistics");
}

TEST(ColumnNames, ShortNamesAreKnownByTheirEnding) {
  EXPECT_EQ(by_name("营商动态"), "news");
  EXPECT_EQ(by_name("武汉要闻"), "news");
  EXPECT_EQ(by_name("委厅领导"), "organization");
  EXPECT_EQ(by_name("招标公告"), "notice");
  EXPECT_EQ(by_name("一条足够长的新闻标题动态"), "(none)");  // too long for an ending
  EXPECT_EQ(by_name("结果公示"), "result_publicity");        // the name wins over endings
}

TEST(ColumnNames, DepartmentNamesNameNoColumn) {
  EXPECT_EQ(by_name("市应急管理局"), "(none)");
  EXPECT_EQ(by_name("·市统计局"), "(none)");
  EXPECT_EQ(by_name("广州市南沙区统计局"), "(none)");
  EXPECT_EQ(by_name("市文化旅游委"), "(none)");
  EXPECT_EQ(by_name("市政府办公室"), "(none)");
  EXPECT_EQ(by_name("应急管理"), "emergency");
  EXPECT_EQ(by_link("市应急管理局", "http://a.example/yjgl/"), "(none)");
}

TEST(ColumnNames, ColumnFoldersOfTheBigCms) {
  EXPECT_EQ(column_folder("http://a.example/zwgk/tzgg/"), "tzgg");
  EXPECT_EQ(column_folder("http://a.example/zwgk/tzgg/index.html"), "tzgg");
  EXPECT_EQ(column_folder("http://a.example/ycsrmzf/zfgg/list.shtml"), "zfgg");
  EXPECT_EQ(column_folder("http://a.example/ycsrmzf/zfwj/xxgk_lists.shtml"), "zfwj");
  EXPECT_EQ(column_folder("http://a.example/ycsrmzf/zfjg/zfjg.shtml"), "zfjg");
  EXPECT_EQ(column_folder("http://a.example/zwxx_221/bmdt/"), "bmdt");
  EXPECT_EQ(column_folder("http://a.example/zwxx_221/"), "zwxx");
  EXPECT_EQ(column_folder("http://a.example/bjsdxqrmzf/zwfw/zfwj67/index.html"), "zfwj");
  // Articles are no column pages.
  EXPECT_EQ(column_folder("http://a.example/tzgg/202306/t20230611_2214470.shtml"), "");
  EXPECT_EQ(column_folder("http://a.example/gzdt/3.html"), "");
  EXPECT_EQ(column_folder("http://a.example/art/2024/6/19/art_1861_4982441.html"), "");
  EXPECT_EQ(column_folder("http://a.example/"), "");
}

TEST(ColumnNames, ShortLinkTextsAreKnownByTheirFolder) {
  EXPECT_EQ(by_link("机构", "http://www.moe.gov.cn/jyb_zzjg/"), "organization");
  EXPECT_EQ(by_link("文旅资讯", "http://a.example/wlzx_221/"), "news");  // by ending
  EXPECT_EQ(by_link("看这里", "http://a.example/tzgg/index.html"), "notice");
  EXPECT_EQ(by_link("更多>>", "http://a.example/tzgg/index.html"), "(none)");
  // 政府信息公开 is a section, whatever folder its link opens.
  EXPECT_EQ(by_link("政府信息公开", "http://a.example/zfxxgk/zc/zcfg/"), "(none)");
  EXPECT_EQ(by_link("一条足够长的新闻标题又长又长", "http://a.example/tzgg/"), "(none)");
}

}  // namespace
}  // namespace sitepatrol::checks
