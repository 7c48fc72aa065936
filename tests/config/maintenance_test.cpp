#include "config/maintenance.h"

#include <gtest/gtest.h>

#include <ctime>

#include "config/config.h"
#include "tests/support/in_zone.h"

namespace sitepatrol::config {
namespace {

using namespace std::chrono;
using testsupport::InZone;
using testsupport::utc;

const std::filesystem::path kFile = "sites.toml";

std::string site_with(std::string_view maintenance) {
  return "[[site]]\n"                     // 1
         "id = \"a\"\n"                   // 2
         "url = \"http://a.example/\"\n"  // 3
         "maintenance = " +
         std::string(maintenance) + "\n";  // 4
}

std::vector<MaintenanceWindow> windows(std::string_view maintenance) {
  auto c = parse_config(site_with(maintenance), kFile);
  EXPECT_TRUE(c.has_value()) << (c ? "" : c.error().to_string());
  return c ? c->sites.at(0).maintenance : std::vector<MaintenanceWindow>{};
}

ConfigError error_of(std::string_view maintenance) {
  auto c = parse_config(site_with(maintenance), kFile);
  EXPECT_FALSE(c.has_value()) << maintenance;
  return c ? ConfigError{} : c.error();
}

// ---- reading -----------------------------------------------------------------------------

TEST(MaintenanceConfig, DatesAndCronAreRead) {
  InZone zone("Asia/Shanghai");
  const auto w = windows(
      "[{ from = \"2026-12-05T22:00\", to = \"2026-12-06T02:00\" },"
      " { cron = \"0 2 * * 0\", duration = \"2h\" }]");
  ASSERT_EQ(w.size(), 2u);
  // Local time: 22:00 in Beijing is 14:00 UTC.
  EXPECT_EQ(w[0].from, utc(2026, 12, 5, 14, 0));
  EXPECT_EQ(w[0].to, utc(2026, 12, 5, 18, 0));
  EXPECT_FALSE(w[0].cron);
  ASSERT_TRUE(w[1].cron);
  EXPECT_EQ(w[1].duration, hours(2));
  EXPECT_EQ(w[1].text, "0 2 * * 0 (2h)");
}

TEST(MaintenanceConfig, NoWindowsByDefault) {
  auto c = parse_config("[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\n", kFile);
  ASSERT_TRUE(c.has_value());
  EXPECT_TRUE(c->sites[0].maintenance.empty());
}

TEST(MaintenanceConfig, BadWindowsNameLineAndKey) {
  auto e = error_of("[{ from = \"2026-12-05 22:00\", to = \"2026-12-06T02:00\" }]");
  EXPECT_EQ(e.file, "sites.toml");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.key, "site 'a'.maintenance[1].from");
  EXPECT_NE(e.message.find("2026-12-05T22:00"), std::string::npos) << e.message;

  e = error_of("[{ from = \"2026-12-06T02:00\", to = \"2026-12-05T22:00\" }]");
  EXPECT_EQ(e.key, "site 'a'.maintenance[1].to");
  EXPECT_NE(e.message.find("later than from"), std::string::npos) << e.message;

  e = error_of("[{ from = \"2026-02-30T02:00\", to = \"2026-03-01T02:00\" }]");
  EXPECT_EQ(e.key, "site 'a'.maintenance[1].from");

  e = error_of("[{ from = \"2026-12-05T22:00\" }]");
  EXPECT_EQ(e.key, "site 'a'.maintenance[1].to");

  e = error_of("[{ cron = \"0 25 * * *\", duration = \"2h\" }]");
  EXPECT_EQ(e.key, "site 'a'.maintenance[1].cron");
  EXPECT_NE(e.message.find("hour"), std::string::npos) << e.message;

  e = error_of("[{ cron = \"0 2 * * 0\", duration = \"2 hours\" }]");
  EXPECT_EQ(e.key, "site 'a'.maintenance[1].duration");

  e = error_of("[{ cron = \"0 2 * * 0\" }]");
  EXPECT_EQ(e.key, "site 'a'.maintenance[1].duration");

  e = error_of("[{ cron = \"0 2 * * 0\", duration = \"2h\", from = \"2026-12-05T22:00\" }]");
  EXPECT_EQ(e.line, 4);
  EXPECT_NE(e.message.find("not both"), std::string::npos) << e.message;

  e = error_of("[{ cron = \"0 2 * * 0\", duraton = \"2h\" }]");
  EXPECT_EQ(e.line, 4);

  e = error_of("\"0 2 * * 0\"");
  EXPECT_EQ(e.key, "site 'a'.maintenance");
}

// ---- window arithmetic (the clock is the argument) ------------------------------------------

TEST(MaintenanceWindows, FixedSpanIsHalfOpen) {
  InZone zone("UTC");
  const auto w = windows("[{ from = \"2026-12-05T22:00\", to = \"2026-12-06T02:00\" }]");
  EXPECT_EQ(maintenance_at(w, utc(2026, 12, 5, 21, 59)), nullptr);
  EXPECT_NE(maintenance_at(w, utc(2026, 12, 5, 22, 0)), nullptr);
  EXPECT_NE(maintenance_at(w, utc(2026, 12, 6, 1, 59)), nullptr);
  EXPECT_EQ(maintenance_at(w, utc(2026, 12, 6, 2, 0)), nullptr);
}

TEST(MaintenanceWindows, CronWindowLastsItsDuration) {
  InZone zone("UTC");
  const auto w = windows("[{ cron = \"0 2 * * 0\", duration = \"2h\" }]");  // Sundays 02:00
  // 2026-12-06 is a Sunday.
  EXPECT_EQ(maintenance_at(w, utc(2026, 12, 6, 1, 59)), nullptr);
  EXPECT_NE(maintenance_at(w, utc(2026, 12, 6, 2, 0)), nullptr);
  EXPECT_NE(maintenance_at(w, utc(2026, 12, 6, 3, 59)), nullptr);
  EXPECT_EQ(maintenance_at(w, utc(2026, 12, 6, 4, 0)), nullptr);
  EXPECT_EQ(maintenance_at(w, utc(2026, 12, 7, 2, 30)), nullptr);  // Monday
  EXPECT_NE(maintenance_at(w, utc(2026, 12, 13, 2, 30)), nullptr);
}

TEST(MaintenanceWindows, CronWindowAcrossMidnightIsLocalTime) {
  InZone zone("Asia/Shanghai");
  // 23:00 Beijing every day for 3 hours = 15:00-18:00 UTC.
  const auto w = windows("[{ cron = \"0 23 * * *\", duration = \"3h\" }]");
  EXPECT_NE(maintenance_at(w, utc(2026, 12, 6, 15, 0)), nullptr);
  EXPECT_NE(maintenance_at(w, utc(2026, 12, 6, 17, 59)), nullptr);
  EXPECT_EQ(maintenance_at(w, utc(2026, 12, 6, 18, 0)), nullptr);
  EXPECT_EQ(maintenance_at(w, utc(2026, 12, 6, 14, 59)), nullptr);
}

TEST(MaintenanceWindows, SpansOfAMonth) {
  InZone zone("UTC");
  const auto w = windows(
      "[{ cron = \"0 2 * * 0\", duration = \"2h\" },"
      " { from = \"2026-11-30T22:00\", to = \"2026-12-01T02:00\" },"
      " { from = \"2027-01-05T22:00\", to = \"2027-01-06T02:00\" }]");
  const auto spans = maintenance_spans(w, utc(2026, 12, 1, 0, 0), utc(2027, 1, 1, 0, 0));
  // The span overlapping the month's start, then the four Sundays of December 2026.
  ASSERT_EQ(spans.size(), 5u);
  EXPECT_EQ(spans[0].from, utc(2026, 11, 30, 22, 0));
  EXPECT_EQ(spans[1].from, utc(2026, 12, 6, 2, 0));
  EXPECT_EQ(spans[1].to, utc(2026, 12, 6, 4, 0));
  EXPECT_EQ(spans[4].from, utc(2026, 12, 27, 2, 0));
  EXPECT_EQ(local_minute(spans[4].from), "2026-12-27 02:00");
}

TEST(MaintenanceWindows, SpansAreBounded) {
  InZone zone("UTC");
  const auto w = windows("[{ cron = \"* * * * *\", duration = \"1m\" }]");
  EXPECT_EQ(maintenance_spans(w, utc(2026, 12, 1, 0, 0), utc(2027, 1, 1, 0, 0), 10).size(), 10u);
}

}  // namespace
}  // namespace sitepatrol::config
