// [report]: the 通报's issuer, recipients, deadline in working days, time zone and calendar;
// every bad value names the file, the line and the key.
#include "config/report.h"

#include <gtest/gtest.h>

#include "config/config.h"

#include <filesystem>

namespace sitepatrol::config {
namespace {

constexpr const char* kFile = "sites.toml";
const std::string kSite = "[[site]]\nid = \"a\"\nurl = \"https://a.example/\"\n";

std::expected<Config, ConfigError> with_report(const std::string& report) {
  return parse_config(kSite + "[report]\n" + report, kFile);
}

ConfigError error_of(const std::string& report) {
  auto c = with_report(report);
  EXPECT_FALSE(c.has_value()) << report;
  return c ? ConfigError{} : c.error();
}

TEST(ReportConfig, DefaultsWithoutTheSection) {
  auto c = parse_config(kSite, kFile);
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_EQ(c->report.issuer, "");
  EXPECT_TRUE(c->report.recipients.empty());
  EXPECT_EQ(c->report.deadline_working_days, 10);
  EXPECT_EQ(c->report.timezone, "Asia/Shanghai");
}

TEST(ReportConfig, ReadsEveryKey) {
  auto c = with_report(
      "issuer = \"交通运输部办公厅\"\n"
      "recipients = [\"各省级交通运输主管部门\", \"部属各单位\"]\n"
      "deadline_working_days = 15\n"
      "timezone = \"Asia/Urumqi\"\n"
      "holidays = [\"2027-01-01\"]\n"
      "working_weekends = [\"2027-02-07\"]\n");
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_EQ(c->report.issuer, "交通运输部办公厅");
  EXPECT_EQ(c->report.recipients,
            (std::vector<std::string>{"各省级交通运输主管部门", "部属各单位"}));
  EXPECT_EQ(c->report.deadline_working_days, 15);
  EXPECT_EQ(c->report.timezone, "Asia/Urumqi");
  EXPECT_EQ(c->report.holidays, std::vector<std::string>{"2027-01-01"});
  EXPECT_EQ(c->report.working_weekends, std::vector<std::string>{"2027-02-07"});
}

TEST(ReportConfig, UnknownTimeZoneNamesLineAndKey) {
  const ConfigError e = error_of("issuer = \"x\"\ntimezone = \"Asia/Beijing\"\n");
  EXPECT_EQ(e.file, kFile);
  EXPECT_EQ(e.line, 6);
  EXPECT_EQ(e.key, "report.timezone");
  EXPECT_NE(e.message.find("Asia/Beijing"), std::string::npos) << e.message;
}

TEST(ReportConfig, TimeZoneIsNotAPath) {
  const ConfigError e = error_of("timezone = \"../../../etc/passwd\"\n");
  EXPECT_EQ(e.key, "report.timezone");
  EXPECT_EQ(e.line, 5);
}

TEST(ReportConfig, DeadlineMustBeAPositiveNumberOfDays) {
  EXPECT_EQ(error_of("deadline_working_days = 0\n").key, "report.deadline_working_days");
  EXPECT_EQ(error_of("deadline_working_days = \"10\"\n").key, "report.deadline_working_days");
}

TEST(ReportConfig, HolidaysAreRealDates) {
  const ConfigError e = error_of("holidays = [\"2027-01-01\", \"2027-02-30\"]\n");
  EXPECT_EQ(e.key, "report.holidays[2]");
  EXPECT_EQ(e.line, 5);
  EXPECT_NE(e.message.find("2027-02-30"), std::string::npos) << e.message;
}

TEST(ReportConfig, WorkingWeekendsAreSaturdaysOrSundays) {
  // 2027-02-08 is a Monday.
  const ConfigError e = error_of("working_weekends = [\"2027-02-08\"]\n");
  EXPECT_EQ(e.key, "report.working_weekends[1]");
  EXPECT_NE(e.message.find("not a Saturday or Sunday"), std::string::npos) << e.message;
}

TEST(ReportConfig, UnknownKeyHasADidYouMean) {
  const ConfigError e = error_of("isuer = \"x\"\n");
  EXPECT_EQ(e.key, "report.isuer");
  EXPECT_NE(e.message.find("issuer"), std::string::npos) << e.message;
}

}  // namespace
}  // namespace sitepatrol::config

namespace sitepatrol::config {
namespace {

TEST(ReportConfig, ExampleConfigurationSetsIssuerAndRecipients) {
  auto c = load_config(std::filesystem::path(SITEPATROL_SOURCE_DIR) / "config/sites.example.toml");
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_EQ(c->report.issuer, "交通运输部网站管理办公室");
  EXPECT_EQ(c->report.recipients.size(), 2u);
  EXPECT_EQ(c->report.deadline_working_days, 10);
  EXPECT_EQ(c->report.timezone, "Asia/Shanghai");
}

}  // namespace
}  // namespace sitepatrol::config
