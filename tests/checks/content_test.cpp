// The content-error checks (issue 13) on sentences written the way official pages write
// them: what is raised, what is right, and the correct and historical text that must not be.
#include "checks/content.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checks/content_site_leaders.h"
#include "config/config.h"

namespace sitepatrol::checks {
namespace {

using namespace std::chrono;

std::vector<ContentHit> scan(const std::string& text,
                             std::optional<sys_days> page_date = std::nullopt) {
  const auto matcher = ContentMatcher(config::builtin_content_dictionary());
  return matcher.scan(ContentText(text), page_date);
}

std::vector<std::string> found(const std::vector<ContentHit>& hits, ContentKind kind) {
  std::vector<std::string> out;
  for (const auto& h : hits) {
    if (h.kind == kind) out.push_back(h.found);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(ContentDictionary, BuiltInParsesWithEveryKind) {
  const auto& d = *config::builtin_content_dictionary();
  EXPECT_GE(d.formulations.size(), 5u);
  EXPECT_GE(d.misstatements.size(), 5u);
  EXPECT_GE(d.typos.size(), 40u);
  EXPECT_GE(d.bodies.size(), 25u);
  EXPECT_GE(d.leaders.size(), 25u);
  for (const auto& t : d.typos) EXPECT_FALSE(t.source.empty()) << t.wrong;
  for (const auto& b : d.bodies) EXPECT_FALSE(b.source.empty()) << b.name;
}

TEST(ContentText, NormalisesWidthZeroWidthAndLayoutSpaces) {
  const ContentText t("中华人民\u200b共和国 ＡＢＣ１２３\n政府工作报\n告  end");
  EXPECT_EQ(t.utf8(), "中华人民共和国 ABC123\n政府工作报告 end");
  // The characters the fast path leaves to utf8proc: circled digits, compatibility
  // ideographs, a combining accent; and those it keeps as they are (×, ©).
  EXPECT_EQ(ContentText("①\uF900e\u0301 3×4 ©").utf8(), "1\u8C48\u00E9 3×4 ©");
}

TEST(ContentMisstatement, FormulationOneCharacterOff) {
  // Real errors quoted by inspection notices (tests/data/content/errors/cases.tsv).
  EXPECT_EQ(found(scan("根据《中华人民共合国政府信息公开条例》规定"), ContentKind::misstatement),
            Strings{"中华人民共合国"});
  EXPECT_EQ(found(scan("中华人民大和国成立以来"), ContentKind::misstatement),
            Strings{"中华人民大和国"});
  // Dropped, swapped and added characters.
  EXPECT_EQ(found(scan("深入学习习近平新时代中国特色社会义思想。"), ContentKind::misstatement),
            Strings{"习近平新时代中国特色社会义思想"});
  EXPECT_EQ(found(scan("坚持中国特色会社主义道路"), ContentKind::misstatement),
            Strings{"中国特色会社主义"});
  const auto hits = scan("推动构建人类命运同共体");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].right, "人类命运共同体");
  EXPECT_EQ(hits[0].sentence, "推动构建人类命运同共体");
}

TEST(ContentMisstatement, CorrectFormulationsAndAllowedVariantsAreNot) {
  EXPECT_TRUE(scan("中华人民共和国国务院令。建设中国特色社会主义，建设有中国特色的社会主义。"
                   "以习近平新时代中国特色社会主义思想为指导，中华民族伟大复兴。")
                  .empty());
  EXPECT_TRUE(scan("中华人民共和国和中华人民共和国").empty());
  EXPECT_TRUE(scan("中国特色，社会主义").empty());  // punctuation is not a slip
}

TEST(ContentMisstatement, KnownWrongFormsOfNames) {
  EXPECT_EQ(found(scan("热烈庆祝中国共产觉成立"), ContentKind::misstatement),
            Strings{"中国共产觉"});
  EXPECT_EQ(found(scan("增强“四个意思”"), ContentKind::misstatement), Strings{"四个意思"});
  EXPECT_TRUE(scan("这四个意思是相通的").empty());  // an exception holds the wrong form
}

TEST(ContentMisstatement, LeadersNameOneCharacterOffBesideTheTitle) {
  EXPECT_EQ(found(scan("国家主席习平近发表讲话"), ContentKind::misstatement), Strings{"习平近"});
  EXPECT_EQ(found(scan("国务院总理李墙主持召开国务院常务会议"), ContentKind::misstatement),
            Strings{"李墙"});
  EXPECT_EQ(found(scan("赵乐计委员长出席"), ContentKind::misstatement), Strings{"赵乐计"});
  // Correct names, former holders, other offices, and foreign premiers are not.
  EXPECT_TRUE(scan("国家主席习近平、国务院总理李强、全国人大常委会委员长赵乐际出席。"
                   "国务院总理李克强主持会议。李鹏总理。国务院副总理丁薛祥。"
                   "新加坡总理李显龙会见。印度总理莫迪。越南国家主席梁强。")
                  .empty());
}

TEST(ContentMisstatement, LeadersNameOneCharacterOffInAList) {
  EXPECT_EQ(found(scan("习近平、李墙、赵乐际、王沪宁出席会议。"), ContentKind::misstatement),
            Strings{"李墙"});
  EXPECT_EQ(found(scan("出席的有习近平、李强、赵乐计。"), ContentKind::misstatement),
            Strings{"赵乐计"});
  // Others in a list, and a list of one known name, are not.
  EXPECT_TRUE(scan("习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席。李干杰、李书磊、何立峰。"
                   "会见了李强、李显龙。")
                  .empty());
}

TEST(ContentMisstatement, LeaderWithATitleNeverHeld) {
  const auto hits = scan("国务院总理习近平出席");
  ASSERT_EQ(found(hits, ContentKind::misstatement).size(), 1u);
  EXPECT_NE(hits[0].why.find("wrong title"), std::string::npos) << hits[0].why;
  EXPECT_EQ(found(scan("王沪宁总理出席"), ContentKind::misstatement).size(), 1u);
  EXPECT_TRUE(scan("李强总理出席").empty());
}

TEST(ContentTypo, WellKnownWrongFormsWithTheirExceptions) {
  EXPECT_EQ(found(scan("希望大家再接再励，一如继往。"), ContentKind::typo),
            (Strings{"再接再励", "一如继往"}));
  EXPECT_EQ(found(scan("请按装说明书操作"), ContentKind::typo), Strings{"按装"});
  EXPECT_TRUE(scan("按装机容量计算，按装修标准执行").empty());
}

TEST(ContentOutdated, AbolishedBodiesUsedAsCurrent) {
  EXPECT_EQ(found(scan("本项目由国土资源部负责审批。"), ContentKind::outdated),
            Strings{"国土资源部"});
  const auto hits = scan("请向交通部咨询。");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].right, "交通运输部");
  EXPECT_NE(hits[0].why.find("2008-03-15"), std::string::npos);
}

TEST(ContentOutdated, HistoricalTextIsNot) {
  EXPECT_TRUE(scan("原交通部部长。前国土资源部。各级交通部门和农业部门。"
                   "依据《交通部关于公路养护的规定》执行。交通部令2005年第1号。"
                   "2005年，交通部印发通知。组建自然资源部，不再保留国土资源部。"
                   "美国交通部发布报告。台湾地区交通部。")
                  .empty());
  // A page dated before the reform.
  EXPECT_TRUE(scan("请向交通部咨询。", sys_days(2006y / 5 / 1)).empty());
  EXPECT_FALSE(scan("请向交通部咨询。", sys_days(2026y / 5 / 1)).empty());
  // Four characters before 年 that are no digits are no year (found by content_fuzz: they
  // overflowed the year being read).
  EXPECT_FALSE(scan("请向交通部咨询甲乙丙丁年表。", sys_days(2026y / 5 / 1)).empty());
}

config::Leader leader(std::string name, std::string title, std::optional<sys_days> until = {}) {
  config::Leader l;
  l.name = std::move(name);
  l.titles = {std::move(title)};
  l.until = until;
  return l;
}

TEST(ContentSiteLeaders, SlipsAndFormerLeadersOnTheLeadersPage) {
  const std::vector<config::Leader> leaders = {leader("杜家毫", "书记"),
                                               leader("王建国", "厅长", sys_days(2024y / 5 / 31)),
                                               leader("李明", "厅长")};
  const auto slips =
      site_leader_slips(ContentText("省委书记杜家豪到我厅调研。厅长李明主持。"), leaders);
  ASSERT_EQ(slips.size(), 1u);
  EXPECT_EQ(slips[0].found, "杜家豪");
  EXPECT_EQ(slips[0].right, "杜家毫");
  EXPECT_TRUE(site_leader_slips(ContentText("副厅长李铭"), leaders).empty());
  EXPECT_TRUE(is_leaders_page("领导信息 - 某省交通运输厅", "https://jtt.example.gov.cn/x/"));
  const auto former =
      former_leaders_listed(ContentText("厅长：王建国 李明"), leaders, sys_days(2026y / 12 / 1));
  ASSERT_EQ(former.size(), 1u);
  EXPECT_EQ(former[0].found, "王建国");
  EXPECT_TRUE(
      former_leaders_listed(ContentText("厅长：王建国"), leaders, sys_days(2024y / 1 / 1)).empty());
}

TEST(ContentCheck, OneFindingPerCodeWithTheSentenceAndTheRightForm) {
  PageResult page;
  page.url = "https://jtt.example.gov.cn/a.html";
  page.status = 200;
  page.text = "学习中华人民共合国宪法。希望再接再励。请向国土资源部咨询。";
  Findings out;
  check_content(SiteContext{}, page, out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].code, "CONTENT-MISSTATEMENT");
  EXPECT_EQ(out[0].severity, Severity::critical);
  EXPECT_EQ(out[0].detail,
            "\"中华人民共合国\" should be \"中华人民共和国\" (fixed formulation): "
            "学习中华人民共合国宪法。");
  EXPECT_EQ(out[1].code, "CONTENT-TYPO");
  EXPECT_EQ(out[1].severity, Severity::warning);
  EXPECT_EQ(out[2].code, "CONTENT-OUTDATED");
  EXPECT_NE(out[2].detail.find("now 自然资源部"), std::string::npos) << out[2].detail;
}

// A page written to hurt: every rule's candidates by the hundred thousand, in one sentence
// with no full stop. The scan stays linear (lookups by position, hits capped) and reports.
TEST(ContentCheck, HostilePageIsBoundedWork) {
  std::string text;
  for (int i = 0; i < 20'000; ++i) {
    text += "国家主席习近乎国务院总理习近平中华人民共合国人民人民按装机交通部再接再励";
  }
  const auto hits = scan(text);
  EXPECT_EQ(hits.size(), 1000u);  // kMaxHits
  PageResult page;
  page.url = "https://jtt.example.gov.cn/hostile.html";
  page.status = 200;
  page.text = text;
  Findings out;
  check_content(SiteContext{}, page, out);
  ASSERT_FALSE(out.empty());
  EXPECT_NE(out[0].detail.find("and "), std::string::npos);
  EXPECT_LT(out[0].detail.size(), 4000u);  // five described, then a count
}

}  // namespace
}  // namespace sitepatrol::checks
