#include "checks/multi_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace sitepatrol::checks {
namespace {

using Match = std::pair<std::size_t, std::size_t>;  // pattern, end offset

std::vector<Match> all_matches(const std::vector<std::string_view>& patterns,
                               std::string_view text) {
  const MultiMatcher m(patterns);
  std::vector<Match> out;
  m.scan(text, [&](std::size_t p, std::size_t end) { out.emplace_back(p, end); });
  return out;
}

// Every occurrence by brute force, ordered like scan(): by end, then pattern.
std::vector<Match> naive(const std::vector<std::string_view>& patterns, std::string_view text) {
  std::vector<Match> out;
  for (std::size_t p = 0; p < patterns.size(); ++p) {
    if (patterns[p].empty()) continue;
    for (auto pos = text.find(patterns[p]); pos != std::string_view::npos;
         pos = text.find(patterns[p], pos + 1)) {
      out.emplace_back(p, pos + patterns[p].size());
    }
  }
  std::ranges::sort(out, {}, [](const Match& m) { return std::pair(m.second, m.first); });
  return out;
}

std::vector<Match> sorted(std::vector<Match> v) {
  std::ranges::sort(v, {}, [](const Match& m) { return std::pair(m.second, m.first); });
  return v;
}

TEST(MultiMatcher, ClassicOverlapsAreAllFound) {
  // The textbook example: "ushers" holds she and he ending at 4, hers ending at 6.
  const std::vector<std::string_view> p = {"he", "she", "his", "hers"};
  EXPECT_EQ(sorted(all_matches(p, "ushers")), (std::vector<Match>{{0, 4}, {1, 4}, {3, 6}}));
}

TEST(MultiMatcher, NestedChineseTermsEndingTogether) {
  const std::vector<std::string_view> p = {"彩票", "体育彩票", "体育", "票站"};
  const std::string text = "中国体育彩票站";  // 3 bytes a character
  EXPECT_EQ(sorted(all_matches(p, text)), (std::vector<Match>{{2, 12}, {0, 18}, {1, 18}, {3, 21}}));
}

TEST(MultiMatcher, MatchesComeInOrderOfEnd) {
  const std::vector<std::string_view> p = {"百家乐", "澳门百家乐", "家乐", "六合彩"};
  const std::string text = "澳门百家乐六合彩百家乐";
  const auto got = all_matches(p, text);
  EXPECT_TRUE(std::ranges::is_sorted(got, {}, &Match::second));
  EXPECT_EQ(sorted(got), naive(p, text));
}

TEST(MultiMatcher, CjkCharactersOnlyMatchAtCharacterBoundaries) {
  // Every BMP ideograph once, concatenated: each pattern is found exactly where it was put,
  // never across two neighbouring characters.
  std::string text;
  for (unsigned cp = 0x4E00; cp <= 0x9FFF; ++cp) {
    text += static_cast<char>(0xE0 | (cp >> 12));
    text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    text += static_cast<char>(0x80 | (cp & 0x3F));
  }
  const std::vector<std::string_view> p = {"彩", "票", "赌", "乐", "一"};
  const auto got = all_matches(p, text);
  ASSERT_EQ(got.size(), p.size());
  for (const auto& [pattern, end] : got) {
    EXPECT_EQ(text.substr(end - 3, 3), p[pattern]);
    EXPECT_EQ((end - 3) % 3, 0u);
  }
}

TEST(MultiMatcher, AsciiIsCaseInsensitiveOtherBytesExact) {
  const std::vector<std::string_view> p = {"pk10", "BET365", "Ａ"};  // full-width A stays exact
  EXPECT_EQ(sorted(all_matches(p, "北京赛车PK10 bet365 ａ Ａ")),
            (std::vector<Match>{{0, 16}, {1, 23}, {2, 31}}));
}

TEST(MultiMatcher, EmptyListAndEmptyPatternsMatchNothing) {
  EXPECT_TRUE(all_matches({}, "百家乐 anything").empty());
  const MultiMatcher none;
  int calls = 0;
  none.scan("text", [&](std::size_t, std::size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(all_matches({"", "a"}, "aa"), (std::vector<Match>{{1, 1}, {1, 2}}));
  EXPECT_TRUE(all_matches({"abc"}, "").empty());
}

TEST(MultiMatcher, DuplicatePatternsAreEachReported) {
  EXPECT_EQ(sorted(all_matches({"赌场", "赌场"}, "赌场")), (std::vector<Match>{{0, 6}, {1, 6}}));
}

TEST(MultiMatcher, InvalidUtf8IsJustBytes) {
  const std::string text = std::string("\xE7\xA5") + "彩票\xFF\x80" + "彩票";
  EXPECT_EQ(all_matches({"彩票"}, text).size(), 2u);
}

TEST(MultiMatcher, AgreesWithBruteForceOnRandomOverlappingPatterns) {
  // A two-letter alphabet makes patterns overlap and nest as much as they can.
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> storage;
    const int count = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < count; ++i) {
      std::string s;
      const int length = 1 + static_cast<int>(rng() % 5);
      for (int j = 0; j < length; ++j) s += static_cast<char>('a' + rng() % 2);
      storage.push_back(s);
    }
    const std::vector<std::string_view> patterns(storage.begin(), storage.end());
    std::string text;
    for (int j = 0; j < 300; ++j) text += static_cast<char>('a' + rng() % 2);
    ASSERT_EQ(sorted(all_matches(patterns, text)), naive(patterns, text)) << "round " << round;
  }
}

TEST(MultiMatcher, TenMegabytesInOnePass) {
  // Not timed: this is here so a quadratic regression shows up as a test that hangs.
  const std::vector<std::string_view> p = {"百家乐", "六合彩", "彩票", "体育彩票", "pk10", "a"};
  const std::string chunk = "本站讯 体育彩票公益金 百家乐 PK10 彩虹 彩色 ";
  std::string text;
  while (text.size() < (10u << 20)) text += chunk;
  std::size_t matches = 0;
  MultiMatcher(p).scan(text, [&](std::size_t, std::size_t) { ++matches; });
  const std::size_t chunks = text.size() / chunk.size();
  // A chunk holds 体育彩票 (and the 彩票 in it), 百家乐 and PK10; 彩虹, 彩色 and "a" are not there.
  EXPECT_EQ(matches, chunks * 4);
}

}  // namespace
}  // namespace sitepatrol::checks
