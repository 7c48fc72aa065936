#include "crawler/url_set.h"

#include <string>

#include <gtest/gtest.h>

namespace sitepatrol::crawler {
namespace {

std::string article(int i) {
  return "http://jtyst.example.gov.cn/zwgk/tzgg/202611/t20261120_" + std::to_string(i) + ".html";
}

TEST(UrlSet, AnUrlIsNewOnceAndFoundAfter) {
  UrlSet set;
  EXPECT_FALSE(set.contains("http://a.example/"));
  EXPECT_TRUE(set.insert("http://a.example/"));
  EXPECT_FALSE(set.insert("http://a.example/"));
  EXPECT_TRUE(set.contains("http://a.example/"));
  EXPECT_FALSE(set.contains("http://a.example"));  // one byte apart is another URL
  EXPECT_TRUE(set.insert(""));
  EXPECT_TRUE(set.contains(""));
  EXPECT_EQ(set.size(), 2u);
}

// A big site's walk: every URL met is found again after the table has grown many times, and
// URLs never met are not taken for seen.
TEST(UrlSet, ManyUrlsSurviveGrowingAndOthersAreNotSeen) {
  UrlSet set;
  constexpr int kMet = 200'000;
  for (int i = 0; i < kMet; ++i) ASSERT_TRUE(set.insert(article(i))) << i;
  EXPECT_EQ(set.size(), static_cast<std::size_t>(kMet));
  for (int i = 0; i < kMet; ++i) ASSERT_TRUE(set.contains(article(i))) << i;
  for (int i = 0; i < kMet; i += 7) ASSERT_FALSE(set.insert(article(i))) << i;
  int taken_for_seen = 0;
  for (int i = kMet; i < 2 * kMet; ++i) taken_for_seen += set.contains(article(i)) ? 1 : 0;
  EXPECT_EQ(taken_for_seen, 0);
  EXPECT_EQ(set.size(), static_cast<std::size_t>(kMet));
}

}  // namespace
}  // namespace sitepatrol::crawler
