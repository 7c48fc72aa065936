#include "config/schedule.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "config/config.h"
#include "tests/support/in_zone.h"

namespace sitepatrol::config {
namespace {

using namespace std::chrono;

// Cron is local time; the tests fix the zone.
using testsupport::InZone;
using testsupport::utc;

system_clock::time_point next(std::string_view cron, system_clock::time_point after) {
  auto c = CronExpr::parse(cron);
  EXPECT_TRUE(c.has_value()) << cron << ": " << (c ? "" : c.error());
  if (!c) return {};
  auto t = c->next(after);
  EXPECT_TRUE(t.has_value()) << cron;
  return t.value_or(system_clock::time_point{});
}

TEST(Cron, NightlyAtTwo) {
  InZone zone("UTC");
  EXPECT_EQ(next("0 2 * * *", utc(2026, 11, 25, 1, 0)), utc(2026, 11, 25, 2, 0));
  // Strictly after: at 02:00:00 the next one is tomorrow's.
  EXPECT_EQ(next("0 2 * * *", utc(2026, 11, 25, 2, 0)), utc(2026, 11, 26, 2, 0));
  EXPECT_EQ(next("0 2 * * *", utc(2026, 12, 31, 3, 0)), utc(2027, 1, 1, 2, 0));
}

TEST(Cron, LocalTimeIsTheProcessZone) {
  InZone zone("Asia/Shanghai");
  // 02:00 in Beijing is 18:00 UTC the day before.
  EXPECT_EQ(next("0 2 * * *", utc(2026, 11, 25, 12, 0)), utc(2026, 11, 25, 18, 0));
}

TEST(Cron, SecondsFieldStepsListsRangesAndNames) {
  InZone zone("UTC");
  EXPECT_EQ(next("*/5 * * * * *", utc(2026, 11, 25, 1, 0, 3)), utc(2026, 11, 25, 1, 0, 5));
  EXPECT_EQ(next("*/15 * * * *", utc(2026, 11, 25, 1, 16)), utc(2026, 11, 25, 1, 30));
  EXPECT_EQ(next("0 */15 * * *", utc(2026, 11, 25, 1, 16)), utc(2026, 11, 25, 15, 0));
  EXPECT_EQ(next("0 8,20 * * *", utc(2026, 11, 25, 9, 0)), utc(2026, 11, 25, 20, 0));
  // 2026-11-28 is a Saturday: mon-fri moves to Monday the 30th.
  EXPECT_EQ(next("30 2 * * mon-fri", utc(2026, 11, 28, 0, 0)), utc(2026, 11, 30, 2, 30));
  EXPECT_EQ(next("0 0 1 jan *", utc(2026, 11, 25, 0, 0)), utc(2027, 1, 1, 0, 0));
  EXPECT_EQ(next("@daily", utc(2026, 11, 25, 0, 0)), utc(2026, 11, 26, 0, 0));
  EXPECT_EQ(next("@hourly", utc(2026, 11, 25, 0, 30)), utc(2026, 11, 25, 1, 0));
}

TEST(Cron, SundayIsZeroOrSeven) {
  InZone zone("UTC");
  // 2026-11-29 is a Sunday.
  EXPECT_EQ(next("0 0 * * 7", utc(2026, 11, 25, 0, 0)), utc(2026, 11, 29, 0, 0));
  EXPECT_EQ(next("0 0 * * 0", utc(2026, 11, 25, 0, 0)), utc(2026, 11, 29, 0, 0));
}

TEST(Cron, DayOfMonthOrDayOfWeekWhenBothRestricted) {
  InZone zone("UTC");
  // "the 13th, or any Friday": Friday 2026-11-27 comes before December 13th.
  EXPECT_EQ(next("0 0 13 * fri", utc(2026, 11, 25, 0, 0)), utc(2026, 11, 27, 0, 0));
  // Only the day of month restricted: the 13th.
  EXPECT_EQ(next("0 0 13 * *", utc(2026, 11, 25, 0, 0)), utc(2026, 12, 13, 0, 0));
}

TEST(Cron, ImpossibleDateHasNoNextTime) {
  auto c = CronExpr::parse("0 0 30 2 *");
  ASSERT_TRUE(c.has_value());
  EXPECT_FALSE(c->next(utc(2026, 1, 1, 0, 0)).has_value());
}

TEST(Cron, MistakesAreNamed) {
  EXPECT_NE(CronExpr::parse("0 24 * * *").error().find("hour"), std::string::npos);
  EXPECT_NE(CronExpr::parse("0 2 * *").error().find("got 4"), std::string::npos);
  EXPECT_NE(CronExpr::parse("x 2 * * *").error().find("minute"), std::string::npos);
  EXPECT_NE(CronExpr::parse("*/0 2 * * *").error().find("step"), std::string::npos);
  EXPECT_NE(CronExpr::parse("0 5-2 * * *").error().find("out of range"), std::string::npos);
  EXPECT_FALSE(CronExpr::parse("0 2 * * funday").has_value());
}

TEST(Durations, UnitsAndMistakes) {
  EXPECT_EQ(parse_duration("20m"), seconds(1200));
  EXPECT_EQ(parse_duration("90s"), seconds(90));
  EXPECT_EQ(parse_duration("1h30m"), seconds(5400));
  EXPECT_EQ(parse_duration("1d"), seconds(86400));
  EXPECT_FALSE(parse_duration("20"));
  EXPECT_FALSE(parse_duration("m"));
  EXPECT_FALSE(parse_duration("0s"));
  EXPECT_FALSE(parse_duration("5 m"));
  EXPECT_FALSE(parse_duration(""));
}

TEST(QuietHoursTest, WrapsPastMidnight) {
  auto q = parse_quiet_hours("22:00-07:30");
  ASSERT_TRUE(q);
  EXPECT_TRUE(q->contains(22 * 60));
  EXPECT_TRUE(q->contains(3 * 60));
  EXPECT_TRUE(q->contains(7 * 60 + 29));
  EXPECT_FALSE(q->contains(7 * 60 + 30));
  EXPECT_FALSE(q->contains(12 * 60));
  auto day = parse_quiet_hours("12:00-13:00");
  ASSERT_TRUE(day);
  EXPECT_TRUE(day->contains(12 * 60 + 59));
  EXPECT_FALSE(day->contains(13 * 60));
  EXPECT_FALSE(parse_quiet_hours("22-07"));
  EXPECT_FALSE(parse_quiet_hours("25:00-07:00"));
  EXPECT_FALSE(parse_quiet_hours("07:00-07:00"));
}

// ---- [schedule], [http] and [[alert]] in a configuration file ---------------------------------

const std::filesystem::path kFile = "/etc/sitepatrol/sites.toml";

constexpr std::string_view kSites = R"([[site]]
id = "hb-jtt"
url = "http://www.site.example/"

[[site]]
id = "cj-msa"
url = "http://www.other.example/"
)";

Config parse_ok(const std::string& text) {
  auto config = parse_config(text, kFile);
  EXPECT_TRUE(config.has_value()) << (config ? "" : config.error().to_string());
  return config ? *config : Config{};
}

ConfigError parse_error(const std::string& text) {
  auto config = parse_config(text, kFile);
  EXPECT_FALSE(config.has_value()) << "expected an error for:\n" << text;
  return config ? ConfigError{} : config.error();
}

TEST(ScheduleConfigTest, DefaultsAreNightlyAndTwentyMinutes) {
  const Config c = parse_ok(std::string(kSites));
  ASSERT_EQ(c.schedule.patrol.size(), 1u);
  EXPECT_EQ(c.schedule.patrol[0].text(), "0 2 * * *");
  EXPECT_EQ(c.schedule.probe_interval, minutes(20));
  EXPECT_EQ(c.schedule.down_after, 3);
  EXPECT_EQ(c.schedule.ratio_window_days, 7);
  EXPECT_EQ(c.http.listen, "127.0.0.1:9469");
  EXPECT_TRUE(c.alerts.empty());
}

TEST(ScheduleConfigTest, PerSiteOverrides) {
  const Config c = parse_ok(std::string(kSites) + R"(
[schedule]
patrol = ["0 2 * * *", "0 14 * * *"]
probe_interval = "5m"
down_after = 2
  [schedule.site.cj-msa]
  patrol = "30 3 * * *"
  probe_interval = "1m"
  [schedule.site.hb-jtt]
  probes = false
)");
  EXPECT_EQ(c.schedule.patrol_for("hb-jtt").size(), 2u);
  ASSERT_EQ(c.schedule.patrol_for("cj-msa").size(), 1u);
  EXPECT_EQ(c.schedule.patrol_for("cj-msa")[0].text(), "30 3 * * *");
  EXPECT_EQ(c.schedule.probe_interval_for("cj-msa"), minutes(1));
  EXPECT_EQ(c.schedule.probe_interval_for("hb-jtt"), std::nullopt);
  EXPECT_EQ(c.schedule.probe_interval_for("other"), minutes(5));
  EXPECT_EQ(c.schedule.down_after, 2);
}

TEST(ScheduleConfigTest, MistakesNameLineAndKey) {
  auto e = parse_error(std::string(kSites) + "[schedule]\npatrol = \"0 25 * * *\"\n");
  EXPECT_EQ(e.key, "schedule.patrol");
  EXPECT_EQ(e.line, 9);
  EXPECT_NE(e.message.find("hour"), std::string::npos) << e.message;

  e = parse_error(std::string(kSites) + "[schedule]\nprobe_interval = \"20\"\n");
  EXPECT_EQ(e.key, "schedule.probe_interval");

  e = parse_error(std::string(kSites) + "[schedule]\n[schedule.site.nope]\nprobes = false\n");
  EXPECT_EQ(e.key, "schedule.site.nope");
  EXPECT_NE(e.message.find("not the id"), std::string::npos);

  e = parse_error(std::string(kSites) + "[schedule]\n[schedule.site.hb-jtt]\nprobe = false\n");
  EXPECT_EQ(e.key, "schedule.site.hb-jtt.probe");

  e = parse_error(std::string(kSites) + "[schedule]\npatrl = \"0 2 * * *\"\n");
  EXPECT_EQ(e.key, "schedule.patrl");
  EXPECT_NE(e.message.find("patrol"), std::string::npos) << e.message;

  e = parse_error("[http]\nlisten = \"localhost\"\n");
  EXPECT_EQ(e.key, "http.listen");
  EXPECT_EQ(e.line, 2);
}

TEST(ScheduleConfigTest, HttpEndpointBounds) {
  Config c =
      parse_ok(std::string(kSites) + "[http]\nmax_connections = 64\nrequest_timeout = \"30s\"\n");
  EXPECT_EQ(c.http.max_connections, 64);
  EXPECT_EQ(c.http.request_timeout, std::chrono::seconds(30));
  c = parse_ok(std::string(kSites));
  EXPECT_EQ(c.http.max_connections, 512);
  EXPECT_EQ(c.http.request_timeout, std::chrono::seconds(10));

  auto e = parse_error("[http]\nmax_connections = 0\n");
  EXPECT_EQ(e.key, "http.max_connections");
  EXPECT_EQ(e.line, 2);
  e = parse_error("[http]\nrequest_timeout = \"1h\"\n");
  EXPECT_EQ(e.key, "http.request_timeout");
  EXPECT_NE(e.message.find("between 1s and 10m"), std::string::npos) << e.message;
  e = parse_error("[http]\nrequest_timeout = \"soon\"\n");
  EXPECT_EQ(e.key, "http.request_timeout");
}

TEST(ScheduleConfigTest, LegacyMetricsAreOptIn) {
  EXPECT_FALSE(parse_ok(std::string(kSites)).http.legacy_metrics);
  EXPECT_TRUE(parse_ok(std::string(kSites) + "[http]\nlegacy_metrics = true\n").http.legacy_metrics);
  const auto e = parse_error("[http]\nlegacy_metrics = \"yes\"\n");
  EXPECT_EQ(e.key, "http.legacy_metrics");
  EXPECT_EQ(e.line, 2);
}

TEST(AlertConfigTest, ChannelsWithDefaultsAndSecretsFromTheEnvironment) {
  setenv("SITEPATROL_TEST_HOOK", "https://oapi.dingtalk.com/robot/send?access_token=t", 1);
  setenv("SITEPATROL_TEST_SMTP_PW", "pw", 1);
  const Config c = parse_ok(std::string(kSites) + R"(
[[alert]]
kind = "webhook"
url = "https://hooks.example/x"

[[alert]]
name = "robot"
kind = "dingtalk"
url_env = "SITEPATROL_TEST_HOOK"
events = ["site_down", "site_up"]
quiet_hours = "22:00-07:00"

[[alert]]
kind = "email"
smtp_url = "smtp://mail.example:587"
from = "a@example.org"
to = ["b@example.org"]
username = "a"
password_env = "SITEPATROL_TEST_SMTP_PW"
sites = ["hb-jtt"]
retry_after = "10s"
max_attempts = 3
)");
  unsetenv("SITEPATROL_TEST_HOOK");
  unsetenv("SITEPATROL_TEST_SMTP_PW");
  ASSERT_EQ(c.alerts.size(), 3u);
  EXPECT_EQ(c.alerts[0].name, "webhook-1");
  EXPECT_EQ(c.alerts[0].events, alert_events());
  EXPECT_EQ(c.alerts[1].name, "robot");
  EXPECT_EQ(c.alerts[1].url, "https://oapi.dingtalk.com/robot/send?access_token=t");
  ASSERT_TRUE(c.alerts[1].quiet_hours);
  EXPECT_TRUE(c.alerts[1].wants("site_down", "cj-msa"));
  EXPECT_FALSE(c.alerts[1].wants("dead_links", "cj-msa"));
  EXPECT_EQ(c.alerts[2].password, "pw");
  EXPECT_TRUE(c.alerts[2].starttls);
  EXPECT_TRUE(c.alerts[2].wants("critical", "hb-jtt"));
  EXPECT_FALSE(c.alerts[2].wants("critical", "cj-msa"));
  EXPECT_EQ(c.alerts[2].retry_after, seconds(10));
  EXPECT_EQ(c.alerts[2].max_attempts, 3);
}

TEST(AlertConfigTest, LanguageLinkAndMentions) {
  const Config c = parse_ok(std::string(kSites) + R"([[alert]]
kind = "webhook"
url = "http://x/"

[[alert]]
kind = "dingtalk"
url = "https://oapi.dingtalk.com/robot/send?access_token=t"
lang = "en"
base_url = "https://sp.example/reports/"
at_mobiles = ["13800000000", "13900000000"]
at_all = true
)");
  ASSERT_EQ(c.alerts.size(), 2u);
  EXPECT_EQ(c.alerts[0].lang, "zh");
  EXPECT_EQ(c.alerts[0].base_url, "");
  EXPECT_TRUE(c.alerts[0].at_mobiles.empty());
  EXPECT_EQ(c.alerts[1].lang, "en");
  EXPECT_EQ(c.alerts[1].base_url, "https://sp.example/reports/");
  EXPECT_EQ(c.alerts[1].at_mobiles, (std::vector<std::string>{"13800000000", "13900000000"}));
  EXPECT_TRUE(c.alerts[1].at_all);

  const std::string hook = "[[alert]]\nkind = \"webhook\"\nurl = \"http://x/\"\n";
  auto e = parse_error(hook + "lang = \"fr\"\n");
  EXPECT_EQ(e.key, "alert[1].lang");
  EXPECT_EQ(e.line, 4);
  e = parse_error(hook + "base_url = \"sp.example\"\n");
  EXPECT_EQ(e.key, "alert[1].base_url");
  e = parse_error(hook + "at_all = true\n");
  EXPECT_EQ(e.key, "alert[1].at_all");
  EXPECT_NE(e.message.find("dingtalk and wecom"), std::string::npos) << e.message;
  e = parse_error("[[alert]]\nkind = \"wecom\"\nurl = \"http://x/\"\nat_mobiles = [\"138-0000\"]\n");
  EXPECT_EQ(e.key, "alert[1].at_mobiles");
}

TEST(AlertConfigTest, MistakesNameLineAndKey) {
  auto e = parse_error("[[alert]]\nkind = \"webhook\"\n");
  EXPECT_EQ(e.key, "alert[1].url");
  EXPECT_EQ(e.line, 1);

  e = parse_error("[[alert]]\nkind = \"slack\"\nurl = \"http://x/\"\n");
  EXPECT_EQ(e.key, "alert[1].kind");
  EXPECT_EQ(e.line, 2);

  e = parse_error("[[alert]]\nkind = \"webhook\"\nurl = \"http://x/\"\nevents = [\"site-down\"]\n");
  EXPECT_EQ(e.key, "alert[1].events[1]");
  EXPECT_NE(e.message.find("did you mean 'site_down'"), std::string::npos) << e.message;

  unsetenv("SITEPATROL_TEST_UNSET");
  e = parse_error("[[alert]]\nkind = \"wecom\"\nurl_env = \"SITEPATROL_TEST_UNSET\"\n");
  EXPECT_EQ(e.key, "alert[1].url_env");
  EXPECT_NE(e.message.find("is not set"), std::string::npos);

  e = parse_error("[[alert]]\nkind = \"email\"\nsmtp_url = \"smtp://m:25\"\nfrom = \"a@b\"\n");
  EXPECT_EQ(e.key, "alert[1].to");

  e = parse_error(
      "[[alert]]\nkind = \"email\"\nsmtp_url = \"http://m\"\nfrom = \"a@b\"\nto=[\"c@d\"]\n");
  EXPECT_EQ(e.key, "alert[1].smtp_url");

  e = parse_error(std::string(kSites) +
                  "[[alert]]\nkind = \"webhook\"\nurl = \"http://x/\"\nsites = [\"nope\"]\n");
  EXPECT_EQ(e.key, "alert[1].sites");

  e = parse_error("[[alert]]\nkind = \"webhook\"\nurl = \"http://x/\"\nquiet_hours = \"night\"\n");
  EXPECT_EQ(e.key, "alert[1].quiet_hours");

  e = parse_error("[[alert]]\nkind = \"webhook\"\nurl = \"http://x/\"\ntoken = \"t\"\n");
  EXPECT_EQ(e.key, "alert[1].token");

  e = parse_error(
      "[[alert]]\nname = \"ops\"\nkind = \"webhook\"\nurl = \"http://x/\"\n"
      "[[alert]]\nname = \"ops\"\nkind = \"wecom\"\nurl = \"http://y/\"\n");
  EXPECT_EQ(e.key, "alert[2].name");
  EXPECT_EQ(e.line, 6);
}

}  // namespace
}  // namespace sitepatrol::config
