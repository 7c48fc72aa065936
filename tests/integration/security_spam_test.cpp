// SEC-SPAM end to end: a city government site whose article page carries an injected
// gambling block, next to the innocent look-alikes every such site publishes: a 体彩中心 news
// page about 体育彩票, a weather page with a 彩虹, and a police news page about 打击网络赌博.
// Only the injected page is reported; `spam_threshold` in [security] tunes the check.
//
// The site is tests/data/integration/security/spam/, served as static files; the gambling
// hosts are not fetched (check_external_links = false).
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

const std::filesystem::path kSiteRoot =
    std::filesystem::path(SITEPATROL_TEST_DATA) / "integration/security/spam";

constexpr std::string_view kSpamPage = "/xwdt/t20261120_1.html";
constexpr std::string_view kLotteryNews = "/tcxw/t20261118_2.html";
constexpr std::string_view kWeather = "/qx/t20261119_3.html";
constexpr std::string_view kPoliceNews = "/jwxw/t20261117_4.html";

// The site's patrol; the gambling hosts are never fetched.
struct SpamPatrol : Patrol {
  explicit SpamPatrol(const FixtureServer& server) : Patrol(server) {
    set("check_external_links", "false");
  }
};

TEST(SecuritySpam, InjectedGamblingBlockIsCriticalOnItsPage) {
  FixtureServer server(kSiteRoot);
  const Round r = SpamPatrol(server).round();
  ASSERT_TRUE(round_ok(r));
  const std::string page = on_site(server, kSpamPage);
  const auto spam = r.findings.find("SEC-SPAM", page);
  ASSERT_TRUE(spam) << r.findings.describe();
  EXPECT_EQ(spam->severity, "critical");
  EXPECT_EQ(spam->site, "site");
  EXPECT_EQ(spam->page, page);
  EXPECT_EQ(spam->status, "new");
  EXPECT_NE(spam->detail.find("score"), std::string::npos) << spam->detail;
  EXPECT_NE(spam->detail.find("百家乐"), std::string::npos) << spam->detail;
}

TEST(SecuritySpam, LotteryCentreWeatherAndPoliceNewsAreNotSpam) {
  FixtureServer server(kSiteRoot);
  const Round r = SpamPatrol(server).round();
  ASSERT_TRUE(round_ok(r));
  // The decoys were read...
  for (auto path : {kLotteryNews, kWeather, kPoliceNews}) EXPECT_EQ(server.hits(path), 1u) << path;
  // ...and only the injected page is spam.
  const auto spam = r.findings.with_code("SEC-SPAM");
  ASSERT_EQ(spam.size(), 1u) << r.findings.describe();
  EXPECT_EQ(spam[0].subject, on_site(server, kSpamPage));
  for (auto path : {kLotteryNews, kWeather, kPoliceNews, std::string_view("/")})
    EXPECT_FALSE(r.findings.find("SEC-SPAM", on_site(server, path))) << r.findings.describe();
}

TEST(SecuritySpam, HighThresholdSilencesTheFinding) {
  FixtureServer server(kSiteRoot);
  SpamPatrol patrol(server);
  patrol.set_security("spam_threshold", "1000");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(server.hits(kSpamPage), 1u);
  EXPECT_TRUE(r.findings.with_code("SEC-SPAM").empty()) << r.findings.describe();
}

// A term file of one's own, relative to the configuration, replaces the built-in list.
TEST(SecuritySpam, OwnTermFileReplacesTheBuiltInList) {
  FixtureServer server(kSiteRoot);
  SpamPatrol patrol(server);
  patrol.dir().write_file("terms/local.toml", "# 本地词表\n[fraud]\n\"稳赚不赔\" = 10\n");
  patrol.set_security("spam_terms_file", "\"terms/local.toml\"");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  // The police news quotes the scam slogan; the gambling block's terms are no longer listed.
  const auto spam = r.findings.with_code("SEC-SPAM");
  ASSERT_EQ(spam.size(), 1u) << r.findings.describe();
  EXPECT_EQ(spam[0].subject, on_site(server, kPoliceNews));
  EXPECT_NE(spam[0].detail.find("稳赚不赔"), std::string::npos) << spam[0].detail;
}

}  // namespace
}  // namespace sitepatrol::integration
