#include "config/url_patterns.h"

#include <gtest/gtest.h>

#include <string>

namespace sitepatrol::config {
namespace {

TEST(UrlPatterns, StarStopsAtSlashGlobstarDoesNot) {
  EXPECT_TRUE(url_matches("https://a.example/old/**", "https://a.example/old/x/y.html"));
  EXPECT_TRUE(url_matches("https://a.example/old/*", "https://a.example/old/y.html"));
  EXPECT_FALSE(url_matches("https://a.example/old/*", "https://a.example/old/x/y.html"));
  EXPECT_TRUE(url_matches("**.zip", "http://a.example/f/x.zip"));
  EXPECT_FALSE(url_matches("**.zip", "http://a.example/f/x.zip?v=1"));
  EXPECT_TRUE(url_matches("http*://*.example.com/**", "https://www.example.com/a"));
  EXPECT_FALSE(url_matches("http*://*.example.com/**", "https://example.com/a"));
  EXPECT_TRUE(url_matches("**?print=1", "http://a.example/p?print=1"));
  EXPECT_FALSE(url_matches("http://a.example/p", "http://a.example/p2"));  // whole URL
  EXPECT_TRUE(url_matches("***", ""));
}

TEST(UrlPatterns, LongHostileInputsStayLinear) {
  // Backtracking matchers take exponential time on these; this one is |p| x |u|.
  const std::string pattern = std::string(200, '*').replace(1, 0, "a") + "b";
  std::string url(20000, 'a');
  std::string many;
  for (int i = 0; i < 100; ++i) many += "*a";
  EXPECT_FALSE(url_matches(many + "b", url));
  EXPECT_FALSE(url_matches(pattern, url));
}

TEST(UrlPatterns, FilterExcludesAndIncludes) {
  UrlFilter f;
  EXPECT_FALSE(f.skips("http://a.example/x"));
  f.exclude = {"**/old/**"};
  EXPECT_TRUE(f.skips("http://a.example/old/x"));
  EXPECT_FALSE(f.skips("http://a.example/new/x"));
  f.include = {"**/new/**"};
  EXPECT_FALSE(f.skips("http://a.example/new/x"));
  EXPECT_TRUE(f.skips("http://a.example/other/x"));
  f.exclude.push_back("**/new/secret*");
  EXPECT_TRUE(f.skips("http://a.example/new/secret.html"));  // exclude wins
}

}  // namespace
}  // namespace sitepatrol::config
