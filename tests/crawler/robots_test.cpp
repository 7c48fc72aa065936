#include "crawler/robots.h"

#include <gtest/gtest.h>

#include <string>

namespace sitepatrol::crawler {
namespace {

constexpr const char* kUa = "sitepatrol/1.0 (+https://sitepatrol.example/bot)";

TEST(Robots, NothingMeansEverythingIsAllowed) {
  Robots r = parse_robots("", kUa);
  EXPECT_TRUE(r.allowed("/"));
  EXPECT_TRUE(r.allowed("/any/thing?x=1"));
  EXPECT_FALSE(r.crawl_delay);
  EXPECT_TRUE(r.sitemaps.empty());
}

TEST(Robots, OurGroupBeatsTheWildcardGroup) {
  Robots r = parse_robots(
      "User-agent: *\n"
      "Disallow: /\n"
      "\n"
      "User-agent: Baiduspider\n"
      "Disallow: /private/\n"
      "\n"
      "User-agent: SitePatrol\n"
      "Disallow: /admin/\n"
      "Crawl-delay: 2.5\n",
      kUa);
  EXPECT_TRUE(r.allowed("/"));
  EXPECT_TRUE(r.allowed("/private/x.html"));
  EXPECT_FALSE(r.allowed("/admin/login.jsp"));
  ASSERT_TRUE(r.crawl_delay);
  EXPECT_DOUBLE_EQ(*r.crawl_delay, 2.5);
}

TEST(Robots, WildcardGroupWhenWeAreNotNamed) {
  Robots r = parse_robots(
      "User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /cgi-bin/\nCrawl-delay: 10\n",
      kUa);
  EXPECT_TRUE(r.allowed("/index.html"));
  EXPECT_FALSE(r.allowed("/cgi-bin/search"));
  EXPECT_EQ(r.crawl_delay, 10.0);
}

TEST(Robots, ConsecutiveAgentsShareAGroupAndGroupsMerge) {
  Robots r = parse_robots(
      "User-agent: googlebot\n"
      "User-agent: sitepatrol\n"
      "Disallow: /a/\n"
      "User-agent: other\n"
      "Disallow: /b/\n"
      "User-agent: sitepatrol/2.0\n"
      "Disallow: /c/\n",
      kUa);
  EXPECT_FALSE(r.allowed("/a/1"));
  EXPECT_TRUE(r.allowed("/b/1"));
  EXPECT_FALSE(r.allowed("/c/1"));
}

TEST(Robots, LongestMatchWinsAndAllowWinsATie) {
  Robots r = parse_robots(
      "User-agent: *\n"
      "Disallow: /xxgk/\n"
      "Allow: /xxgk/public/\n"
      "Disallow: /xxgk/public/secret\n"
      "Disallow: /page\n"
      "Allow: /page\n"
      "Allow: /other\n"
      "Disallow: /other\n",
      kUa);
  EXPECT_FALSE(r.allowed("/xxgk/index.html"));
  EXPECT_TRUE(r.allowed("/xxgk/public/a.html"));
  EXPECT_FALSE(r.allowed("/xxgk/public/secret.html"));
  EXPECT_TRUE(r.allowed("/page"));
  EXPECT_TRUE(r.allowed("/other"));
  EXPECT_TRUE(r.allowed("/robots.txt"));
}

TEST(Robots, WildcardsAndEndAnchor) {
  Robots r = parse_robots(
      "User-agent: *\n"
      "Disallow: /*.php$\n"
      "Disallow: /search*q=\n"
      "Disallow: /*/print/\n"
      "Allow: /*.php?page=\n",
      kUa);
  EXPECT_FALSE(r.allowed("/index.php"));
  EXPECT_TRUE(r.allowed("/index.php5"));
  EXPECT_TRUE(r.allowed("/index.php?page=2"));  // longer Allow beats "/*.php$" (no match)
  EXPECT_FALSE(r.allowed("/search/result?q=交通"));
  EXPECT_TRUE(r.allowed("/search/result"));
  EXPECT_FALSE(r.allowed("/news/2026/print/1.html"));
  EXPECT_TRUE(r.allowed("/print/1.html"));
}

TEST(Robots, PatternsCompareInNormalisedEncoding) {
  Robots r = parse_robots("User-agent: *\nDisallow: /通知/\nDisallow: /a%7eb/\n", kUa);
  EXPECT_FALSE(r.allowed("/%E9%80%9A%E7%9F%A5/1.html"));
  EXPECT_FALSE(r.allowed("/a~b/1.html"));
  EXPECT_TRUE(r.allowed("/%E5%85%AC%E5%91%8A/"));
}

TEST(Robots, EmptyDisallowAllowsEverything) {
  Robots r = parse_robots("User-agent: *\nDisallow:\n", kUa);
  EXPECT_TRUE(r.allowed("/anything"));
}

TEST(Robots, ToleratesBomCrlfCommentsAndJunk) {
  Robots r = parse_robots(
      "\xEF\xBB\xBF# robots for www.site.example\r\n"
      "this line is junk\r\n"
      "<html><body>oops</body></html>\r\n"
      "Disallow: /before-any-agent/\r\n"
      "USER-AGENT : *   # everyone\r"
      "disallow:/tmp/ # scratch\r\n"
      "Dissallow: /typo/\r\n"
      "Sitemap: http://www.site.example/sitemap.xml\r\n"
      "sitemap:HTTPS://WWW.Site.Example/sitemap_index.xml\n"
      "Sitemap: /relative.xml\n",
      kUa);
  EXPECT_TRUE(r.allowed("/before-any-agent/x"));
  EXPECT_FALSE(r.allowed("/tmp/x"));
  EXPECT_FALSE(r.allowed("/typo/x"));
  EXPECT_TRUE(r.allowed("/"));
  std::vector<std::string> want = {"http://www.site.example/sitemap.xml",
                                   "https://www.site.example/sitemap_index.xml"};
  EXPECT_EQ(r.sitemaps, want);
}

TEST(Robots, ReadsOnlyTheFirst500KiB) {
  std::string text = "User-agent: *\nDisallow: /early/\n";
  text += std::string(500 * 1024, '#');
  text += "\nDisallow: /late/\n";
  Robots r = parse_robots(text, kUa);
  EXPECT_FALSE(r.allowed("/early/1"));
  EXPECT_TRUE(r.allowed("/late/1"));
}

TEST(Robots, NoBacktrackingBlowUp) {
  std::string pattern = "/";
  for (int i = 0; i < 200; ++i) pattern += "*a";
  Robots r = parse_robots("User-agent: *\nDisallow: " + pattern + "$\n", kUa);
  EXPECT_TRUE(r.allowed("/" + std::string(5000, 'a') + "b"));
}

// The matcher against a plain recursive reference, over many random patterns and paths:
// cutting patterns at '*' and finding each piece leftmost decides exactly as backtracking.
bool reference_match(std::string_view p, std::string_view s, bool anchored) {
  if (p.empty()) return !anchored || s.empty();
  if (p[0] == '*') {
    for (std::size_t i = 0; i <= s.size(); ++i) {
      if (reference_match(p.substr(1), s.substr(i), anchored)) return true;
    }
    return false;
  }
  return !s.empty() && s[0] == p[0] && reference_match(p.substr(1), s.substr(1), anchored);
}

TEST(Robots, WildcardMatchingAgreesWithBacktracking) {
  std::uint32_t seed = 12345;
  auto next = [&] { return (seed = seed * 1664525u + 1013904223u) >> 16; };
  const std::string alphabet = "ab*";
  for (int round = 0; round < 3000; ++round) {
    std::string pattern = "/";
    for (unsigned n = next() % 7; n > 0; --n) pattern += alphabet[next() % 3];
    const bool anchored = next() % 2 == 0;
    std::string path = "/";
    for (unsigned n = next() % 9; n > 0; --n) path += "ab"[next() % 2];
    const Robots r =
        parse_robots("User-agent: *\nDisallow: " + pattern + (anchored ? "$" : "") + "\n", kUa);
    EXPECT_EQ(!r.allowed(path), reference_match(pattern, path, anchored))
        << pattern << (anchored ? "$" : "") << " vs " << path;
  }
}

// Issue 12, failure 6: a 488 KB robots.txt of wildcard rules cost 1.2 s of the I/O thread per
// URL. Rules past 4,096 are not read, and each is matched without backtracking.
TEST(Robots, HostileFilesAreBounded) {
  std::string text = "User-agent: *\n";
  for (int i = 0; i < 20000; ++i) text += "Disallow: /*a*a*a*a*a*a*a*a*" + std::to_string(i) + "\n";
  const Robots r = parse_robots(text, kUa);
  EXPECT_EQ(r.rules.size(), 4096u);
  EXPECT_FALSE(r.allowed("/" + std::string(2000, 'a') + "17"));
  EXPECT_TRUE(r.allowed("/" + std::string(2000, 'a') + "x"));
}

// Issue 12, failure 6, what remained: 4,096 rules of 100-byte pieces against 2,000-byte paths
// still cost 70 ms per URL. Each URL's matching has a budget; a URL that exhausts it is
// treated as disallowed (as an unreadable robots.txt is), while an ordinary file's verdicts
// are unchanged (the tests above).
TEST(Robots, MatchingPastItsBudgetDisallows) {
  std::string text = "User-agent: *\n";
  for (int i = 0; i < 4096; ++i)
    text += "Disallow: /*" + std::string(100, 'a') + "b" + std::to_string(i) + "\n";
  text += "Allow: /\n";
  const Robots r = parse_robots(text, kUa);
  EXPECT_FALSE(r.allowed("/p/" + std::string(2000, 'a') + "/1.html"));
  EXPECT_TRUE(r.allowed("/p/short.html"));  // the same rules on a short path: within budget
}

TEST(Robots, StatusesPerRfc9309) {
  EXPECT_EQ(robots_verdict(200, true), RobotsVerdict::parse);
  EXPECT_EQ(robots_verdict(404, true), RobotsVerdict::allow_all);
  EXPECT_EQ(robots_verdict(403, true), RobotsVerdict::allow_all);
  EXPECT_EQ(robots_verdict(503, true), RobotsVerdict::disallow_all);
  EXPECT_EQ(robots_verdict(429, true), RobotsVerdict::disallow_all);
  EXPECT_EQ(robots_verdict(0, false), RobotsVerdict::disallow_all);
  EXPECT_FALSE(robots_unreachable().allowed("/index.html"));
  EXPECT_TRUE(robots_unreachable().allowed("/robots.txt"));
}

}  // namespace
}  // namespace sitepatrol::crawler
