#include "config/status_ranges.h"

#include <gtest/gtest.h>

#include <vector>

namespace sitepatrol::config {
namespace {

TEST(StatusRanges, ReadsSinglesDashRangesAndLychee) {
  EXPECT_EQ(parse_status_range("403"), (StatusRange{403, 403}));
  EXPECT_EQ(parse_status_range("200-299"), (StatusRange{200, 299}));
  EXPECT_EQ(parse_status_range("200..=204"), (StatusRange{200, 204}));
  EXPECT_EQ(parse_status_range(" 401 - 403 "), (StatusRange{401, 403}));
}

TEST(StatusRanges, RefusesWhatIsNotARange) {
  for (const char* bad : {"", "abc", "99", "1000", "299-200", "200-", "-200", "200..=", "2OO",
                          "200-299-300", "200..204"}) {
    EXPECT_EQ(parse_status_range(bad), std::nullopt) << bad;
    std::string text = bad;
    EXPECT_NE(check_status_range(text), "") << bad;
  }
}

TEST(StatusRanges, Membership) {
  const std::vector<StatusRange> ranges = {{200, 299}, {403, 403}};
  EXPECT_TRUE(status_in(ranges, 204));
  EXPECT_TRUE(status_in(ranges, 403));
  EXPECT_FALSE(status_in(ranges, 404));
  EXPECT_FALSE(status_in({}, 200));
}

}  // namespace
}  // namespace sitepatrol::config

namespace sitepatrol::config {
namespace {

TEST(StatusRangesConfig, ReadFromPatrolSitesAndAcceptTables) {
  auto config = parse_config(R"([patrol]
accept_status = ["500..=503"]

[[site]]
id = "a"
url = "http://a.example/"
accept_status = ["200-299", "403"]

[[accept]]
host = "*.Portal.example"
status = ["403"]
)",
                             "sites.toml");
  ASSERT_TRUE(config) << config.error().to_string();
  EXPECT_EQ(config->patrol.accept_status, (std::vector<StatusRange>{{500, 503}}));
  EXPECT_EQ(config->sites[0].accept_status, (std::vector<StatusRange>{{200, 299}, {403, 403}}));
  ASSERT_EQ(config->patrol.accept_hosts.size(), 1u);
  EXPECT_EQ(config->patrol.accept_hosts[0].host, "portal.example");
  EXPECT_EQ(config->patrol.accept_hosts[0].status, (std::vector<StatusRange>{{403, 403}}));
}

TEST(StatusRangesConfig, BadEntriesNameFileLineAndKey) {
  auto bad = parse_config(
      "[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\n"
      "accept_status = [\"200-299\", \"299-200\"]\n",
      "sites.toml");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().line, 4);
  EXPECT_EQ(bad.error().key, "site 'a'.accept_status[2]");

  auto missing = parse_config("[[accept]]\nhost = \"a.example\"\n", "sites.toml");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().key, "accept[1].status");

  auto pattern = parse_config("[patrol]\nexclude = [\"**/old/**\", \"\"]\n", "sites.toml");
  ASSERT_FALSE(pattern);
  EXPECT_EQ(pattern.error().line, 2);
  EXPECT_EQ(pattern.error().key, "patrol.exclude[2]");
}

}  // namespace
}  // namespace sitepatrol::config
