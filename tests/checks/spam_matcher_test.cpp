#include "checks/spam_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/security.h"

namespace sitepatrol::checks {
namespace {

using config::SpamTerm;

const std::vector<SpamTerm> kTerms = {
    {"百家乐", 5, "gambling"},       {"六合彩", 5, "gambling"},    {"彩票", 1, "gambling"},
    {"彩票投注", 4, "gambling"},     {"赌场", 2, "gambling"},      {"av", 5, "pornography"},
    {"北京赛车pk10", 5, "gambling"}, {"北京赛车", 3, "gambling"},  {"体育彩票", -1, "innocent"},
    {"投注站", -1, "innocent"},      {"打击赌场", -1, "innocent"},
};

std::vector<std::string> names(const SpamMatcher& m, const SpamScore& s) {
  std::vector<std::string> out;
  for (const auto& t : s.terms) out.push_back(m.term(t.term).term);
  return out;
}

TEST(SpamMatcher, DistinctTermsAddUp) {
  const SpamMatcher m(kTerms);
  const SpamScore s = m.score("澳门百家乐 六合彩 赌场");
  EXPECT_EQ(s.total, 12);
  EXPECT_EQ(names(m, s), (std::vector<std::string>{"百家乐", "六合彩", "赌场"}));
  EXPECT_EQ(s.terms[0].count, 1);
  EXPECT_EQ(s.terms[0].points, 5);
}

TEST(SpamMatcher, InnocentPhrasesMaskTheTermsInsideThem) {
  const SpamMatcher m(kTerms);
  EXPECT_EQ(m.score("中国体育彩票").total, 0);
  EXPECT_EQ(m.score("公安机关打击赌场").total, 0);
  // Only the occurrence inside the innocent phrase is masked.
  const SpamScore s = m.score("体育彩票 彩票");
  EXPECT_EQ(s.total, 1);
  ASSERT_EQ(s.terms.size(), 1u);
  EXPECT_EQ(s.terms[0].count, 1);
}

TEST(SpamMatcher, InnocentPhrasesMaskTermsStraddlingThem) {
  // 彩票投注 starts inside 体育彩票 and ends inside 投注站: contained in neither, still masked.
  const SpamMatcher m(kTerms);
  EXPECT_EQ(m.score("体育彩票投注站").total, 0);
  EXPECT_EQ(m.score("彩票投注").total, 4);
}

TEST(SpamMatcher, InnocentPhrasesDoNotSubtract) {
  const SpamMatcher m(kTerms);
  EXPECT_EQ(m.score("体育彩票 体育彩票 体育彩票 百家乐 六合彩").total, 10);
}

TEST(SpamMatcher, MaskingIsPerField) {
  // An innocent phrase in the text does not mask the same term in the title.
  const SpamMatcher m(kTerms);
  const std::vector<SpamField> fields = {{"彩票投注", 2}, {"体育彩票投注站", 1}};
  const SpamScore s = m.score(fields);
  EXPECT_EQ(s.total, 4 * 2);
}

TEST(SpamMatcher, RepeatsHaveDiminishingReturns) {
  const SpamMatcher m(kTerms);
  std::string text;
  for (int i = 0; i < 50; ++i) text += "百家乐，";
  const SpamScore s = m.score(text);
  EXPECT_EQ(s.terms[0].count, 50);
  EXPECT_EQ(s.total, 5 + SpamMatcher::kRepeatBonus);
  EXPECT_EQ(m.score("百家乐 百家乐").total, 6);
}

TEST(SpamMatcher, TheBestPlaceCountsAndRepeatsAddAcrossFields) {
  const SpamMatcher m(kTerms);
  const std::vector<SpamField> fields = {{"六合彩", 1}, {"百家乐", 2}, {"六合彩 百家乐", 2}};
  const SpamScore s = m.score(fields);
  ASSERT_EQ(s.terms.size(), 2u);
  // Both reach 5 x 2 + 1; the tie keeps the order of first occurrence.
  EXPECT_EQ(names(m, s), (std::vector<std::string>{"六合彩", "百家乐"}));
  EXPECT_EQ(s.terms[0].field, 2u);  // first field with factor 2 where 六合彩 counted
  EXPECT_EQ(s.terms[1].field, 1u);
  EXPECT_EQ(s.terms[0].points, 11);
  EXPECT_EQ(s.total, 22);
}

TEST(SpamMatcher, AsciiTermsNeedWordBoundaries) {
  const SpamMatcher m(kTerms);
  EXPECT_EQ(m.score("java avenue navigation AVI").total, 0);
  EXPECT_EQ(m.score("免费AV在线").total, 5);
  EXPECT_EQ(m.score("看 av，").total, 5);
  EXPECT_EQ(m.score("北京赛车PK10开奖").total, 5);
  EXPECT_EQ(m.score("北京赛车pk100").total, 3);  // only 北京赛车: pk10 is glued to a 0
}

TEST(SpamMatcher, ALongerTermCountsAloneNotAlsoTheTermsInsideIt) {
  const SpamMatcher m(kTerms);
  const SpamScore s = m.score("北京赛车pk10 彩票投注 彩票");
  EXPECT_EQ(names(m, s), (std::vector<std::string>{"北京赛车pk10", "彩票投注", "彩票"}));
  EXPECT_EQ(s.total, 5 + 4 + 1);
  // Partial overlaps both count: 六合彩 and 彩票 share 彩 in 六合彩票.
  EXPECT_EQ(m.score("六合彩票").total, 5 + 1);
}

TEST(SpamMatcher, EmptyListScoresNothing) {
  const SpamMatcher m(std::span<const SpamTerm>{});
  EXPECT_EQ(m.size(), 0u);
  const SpamScore s = m.score("百家乐 六合彩");
  EXPECT_EQ(s.total, 0);
  EXPECT_TRUE(s.terms.empty());
}

TEST(SpamMatcher, EmptyTextAndNoFields) {
  const SpamMatcher m(kTerms);
  EXPECT_EQ(m.score("").total, 0);
  EXPECT_EQ(m.score(std::span<const SpamField>{}).total, 0);
}

TEST(SpamMatcher, BuiltInListOverTenMegabytes) {
  // Not timed: a quadratic regression would show up as a hanging test.
  const SpamMatcher m(config::builtin_spam_terms());
  const std::string chunk =
      "本站讯 市体育彩票管理中心在体育彩票投注站开展公益活动，彩虹 彩色 ordinary text 2026 ";
  std::string text;
  while (text.size() < (10u << 20)) text += chunk;
  text += "澳门百家乐";
  const SpamScore s = m.score(text);
  EXPECT_EQ(s.total, 5);
  ASSERT_EQ(s.terms.size(), 1u);
  EXPECT_EQ(m.term(s.terms[0].term).term, "百家乐");
}

}  // namespace
}  // namespace sitepatrol::checks
