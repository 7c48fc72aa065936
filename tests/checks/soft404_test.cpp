#include "checks/soft404.h"

#include <gtest/gtest.h>

#include "tests/checks/site_fixture.h"

namespace sitepatrol::checks {
namespace {

// A long article body: well over the short-page limit.
std::string long_article(std::string_view inside) {
  std::string text = "湖北省交通运输厅 首页 机构概况 政务公开 政务服务 互动交流 ";
  for (int i = 0; i < 120; ++i) text += "全省交通运输系统深入推进政府网站建设与管理工作。";
  text += inside;
  for (int i = 0; i < 40; ++i) text += "版权所有 湖北省交通运输厅 ";
  return text;
}

class Soft404Test : public ::testing::Test {
 protected:
  Findings run(std::string_view title, std::string_view text, int status = 200) {
    PageResult page;
    page.url = "http://www.site.example/art/2025/3/1/art_1.html";
    page.final_url = page.url;
    page.found_on = "http://www.site.example/tzgg/";
    page.status = status;
    page.title = title;
    page.text = text;
    Findings out;
    check_soft404(fixture_.context(), page, out);
    return out;
  }

  testing::SiteFixture fixture_;
};

TEST_F(Soft404Test, ChineseNotFoundTemplateIsFlagged) {
  const Findings out =
      run("提示信息 - 湖北省交通运输厅", "首页 对不起，您访问的页面不存在！ 返回首页 版权所有");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].site, "hb-jtt");
  EXPECT_EQ(out[0].code, "LINK-SOFT404");
  EXPECT_EQ(out[0].severity, Severity::warning);
  EXPECT_EQ(out[0].subject, "http://www.site.example/art/2025/3/1/art_1.html");
  EXPECT_EQ(out[0].page, "http://www.site.example/tzgg/");
  EXPECT_EQ(
      out[0].detail,
      "HTTP 200, but the page says it does not exist (title \"提示信息 - 湖北省交通运输厅\")");
}

TEST_F(Soft404Test, NotFoundTitlesAreFlaggedEvenOnLongPages) {
  for (const char* title :
       {"404 Not Found", "Page Not Found | 湖北省交通运输厅", "页面不存在",
        "页面不存在 - 湖北省交通运输厅", "404错误页面", "Error 404", "对不起，您访问的页面不存在！",
        "湖北省交通运输厅_页面未找到", "该页面已删除", "404 - File or directory not found."}) {
    EXPECT_TRUE(looks_like_not_found(title, long_article(""))) << title;
  }
}

TEST_F(Soft404Test, NotFoundSentencesInShortPagesAreFlagged) {
  for (const char* text : {"很抱歉，页面未找到。", "该信息已删除", "页面不存在或已被删除 返回首页",
                           "The page you requested: Page Not Found.", "信息已删除，请返回首页",
                           "404 Not Found nginx", "ERROR: PAGE NOT FOUND"}) {
    EXPECT_TRUE(looks_like_not_found("湖北省交通运输厅", text)) << text;
  }
}

TEST_F(Soft404Test, CapitalsInsideALongerWordAreNoBoundary) {
  EXPECT_FALSE(looks_like_not_found("湖北省交通运输厅", "THE HOMEPAGE NOT FOUNDED YET"));
  EXPECT_FALSE(looks_like_not_found("HOMEPAGE NOT FOUNDED", ""));
}

TEST_F(Soft404Test, OnlyPlain200AnswersAreJudged) {
  const char* text = "对不起，您访问的页面不存在！";
  EXPECT_TRUE(run("页面不存在", text, 404).empty());
  EXPECT_TRUE(run("页面不存在", text, 304).empty());
  EXPECT_EQ(run("页面不存在", text, 200).size(), 1u);
}

TEST_F(Soft404Test, DecoyNewsTitleIsNotFlagged) {
  EXPECT_TRUE(run("网站页面不存在问题整改 - 湖北省交通运输厅",
                  long_article("针对检查发现的网站页面不存在问题整改情况如下。"))
                  .empty());
  EXPECT_TRUE(run("关于开展网站页面不存在问题整改的通知", long_article("")).empty());
}

TEST_F(Soft404Test, LongArticleMentioningAPhraseIsNotFlagged) {
  EXPECT_TRUE(run("关于做好政府网站年度报表工作的通知",
                  long_article("部分网站出现“页面不存在”、404 Not Found 等问题。"))
                  .empty());
}

TEST_F(Soft404Test, ShortPageMentioning404IsNotFlagged) {
  EXPECT_TRUE(
      run("关于规范HTTP状态码的说明",
          "网站对已删除信息应返回404状态码，不得返回200。我厅开展网站页面不存在问题整改工作。")
          .empty());
  EXPECT_TRUE(run("第14040号公告", "公告内容").empty());
  EXPECT_TRUE(run("关于404号文件的解读", "文件解读").empty());
}

TEST_F(Soft404Test, QuotedPhraseInShortPageIsNotFlagged) {
  EXPECT_TRUE(run("专项整治通知", "本站开展“页面不存在”专项整治，请各单位自查。").empty());
  EXPECT_TRUE(run("Notice", "We fixed every \"page not found\" report.").empty());
}

TEST_F(Soft404Test, OrdinaryPagesAreNotFlagged) {
  EXPECT_TRUE(run("湖北省交通运输厅", long_article("")).empty());
  EXPECT_TRUE(run("通知公告 - 湖北省交通运输厅", "通知公告 暂无信息").empty());
  EXPECT_TRUE(run("", "").empty());
}

}  // namespace
}  // namespace sitepatrol::checks
