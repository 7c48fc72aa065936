// Working days for 整改期限 and UTC instants shown in the reader's time zone.
#include "reports/calendar.h"

#include <gtest/gtest.h>

namespace sitepatrol::reports {
namespace {

using namespace std::chrono;

Date d(int y, unsigned m, unsigned day) { return Date{year(y), month(m), std::chrono::day(day)}; }

config::TimeZone zone(const char* name) {
  auto z = config::TimeZone::load(name);
  EXPECT_TRUE(z.has_value()) << (z ? "" : z.error());
  return z ? *z : config::TimeZone();
}

TEST(WorkingDays, WeekendsAreSkipped) {
  const WorkCalendar plain;
  // Friday 2026-12-04 + 1 working day = Monday 2026-12-07.
  EXPECT_EQ(add_working_days(d(2026, 12, 4), 1, plain), d(2026, 12, 7));
  // Tuesday 2026-12-01 + 10 = Tuesday 2026-12-15 (two weekends skipped).
  EXPECT_EQ(add_working_days(d(2026, 12, 1), 10, plain), d(2026, 12, 15));
  // From a Saturday, the first working day is Monday.
  EXPECT_EQ(add_working_days(d(2026, 12, 5), 1, plain), d(2026, 12, 7));
  EXPECT_EQ(add_working_days(d(2026, 12, 5), 0, plain), d(2026, 12, 5));
}

TEST(WorkingDays, ConfiguredHolidaysAndWorkingWeekends) {
  config::ReportConfig report;
  // The National Day week: 1-7 October off, Sunday 27 September and Saturday 10 October worked.
  report.holidays = {"2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"};
  report.working_weekends = {"2026-09-27", "2026-10-10"};
  const WorkCalendar c = WorkCalendar::from(report);
  EXPECT_FALSE(c.is_working_day(d(2026, 10, 1)));
  EXPECT_TRUE(c.is_working_day(d(2026, 10, 10)));  // a Saturday, worked
  EXPECT_TRUE(c.is_working_day(d(2026, 9, 27)));   // a Sunday, worked
  // Friday 25 September + 1 = Sunday 27 September (worked).
  EXPECT_EQ(add_working_days(d(2026, 9, 25), 1, c), d(2026, 9, 27));
  // Wednesday 30 September + 1: 1-9 October are off or weekend but 8 and 9 (Thu, Fri) are
  // working days.
  EXPECT_EQ(add_working_days(d(2026, 9, 30), 1, c), d(2026, 10, 8));
  EXPECT_EQ(add_working_days(d(2026, 9, 30), 3, c), d(2026, 10, 10));
  EXPECT_EQ(working_days_between(d(2026, 9, 30), d(2026, 10, 10), c), 3);
}

TEST(WorkingDays, AcrossTheYearEnd) {
  config::ReportConfig report;
  report.holidays = {"2027-01-01"};
  const WorkCalendar c = WorkCalendar::from(report);
  // Wednesday 2026-12-30 + 3: Thursday 31, (Friday 1 January off, weekend), Monday 4, Tuesday 5.
  EXPECT_EQ(add_working_days(d(2026, 12, 30), 3, c), d(2027, 1, 5));
  EXPECT_EQ(add_working_days(d(2026, 12, 30), 3, WorkCalendar{}), d(2027, 1, 4));
  EXPECT_EQ(working_days_between(d(2026, 12, 30), d(2027, 1, 5), c), 3);
  EXPECT_EQ(working_days_between(d(2027, 1, 5), d(2026, 12, 30), c), 0);
}

TEST(LocalTime, ShanghaiIsEightHoursAhead) {
  const auto sh = zone("Asia/Shanghai");
  EXPECT_EQ(local_minute_text("2026-12-04T08:03:02Z", sh, Lang::zh), "2026年12月4日 16:03");
  EXPECT_EQ(local_minute_text("2026-12-04T08:03:02Z", sh, Lang::en), "4 December 2026 16:03 CST");
  // The local date moves on: 20:00 UTC on New Year's Eve is 1 January in Shanghai.
  EXPECT_EQ(local_date_text("2026-12-31T20:00:00Z", sh, Lang::zh), "2027年1月1日");
  EXPECT_EQ(local_date_text("2026-12-31T20:00:00Z", config::TimeZone(), Lang::zh),
            "2026年12月31日");
}

TEST(LocalTime, SummerTimeFollowsTheZoneRule) {
  // Far enough ahead that the file's footer rule, not a listed transition, decides.
  const auto berlin = zone("Europe/Berlin");
  EXPECT_EQ(local_minute_text("2040-07-01T12:00:00Z", berlin, Lang::en), "1 July 2040 14:00 CEST");
  EXPECT_EQ(local_minute_text("2040-01-15T12:00:00Z", berlin, Lang::en),
            "15 January 2040 13:00 CET");
  // The change itself: last Sunday of March 2040 is the 25th, 01:00 UTC.
  EXPECT_EQ(local_minute_text("2040-03-25T00:59:00Z", berlin, Lang::en), "25 March 2040 01:59 CET");
  EXPECT_EQ(local_minute_text("2040-03-25T01:00:00Z", berlin, Lang::en),
            "25 March 2040 03:00 CEST");
  const auto sydney = zone("Australia/Sydney");  // summer time across the year end
  EXPECT_EQ(local_minute_text("2040-01-01T00:00:00Z", sydney, Lang::en),
            "1 January 2040 11:00 AEDT");
  EXPECT_EQ(local_minute_text("2040-07-01T00:00:00Z", sydney, Lang::en), "1 July 2040 10:00 AEST");
}

TEST(LocalTime, OnlyPlainZoneNamesAreRead) {
  EXPECT_FALSE(config::TimeZone::load("../../etc/passwd").has_value());
  EXPECT_FALSE(config::TimeZone::load("/etc/localtime").has_value());
  EXPECT_FALSE(config::TimeZone::load("Mars/Olympus_Mons").has_value());
  EXPECT_FALSE(config::TimeZone::parse("x", "not a tzif file").has_value());
  EXPECT_TRUE(config::TimeZone::load("UTC").has_value());
}

TEST(LocalTime, UnparsableTimesAreShownAsGiven) {
  EXPECT_EQ(local_minute_text("", config::TimeZone(), Lang::zh), "");
  EXPECT_EQ(local_minute_text("yesterday", config::TimeZone(), Lang::zh), "yesterday");
}

}  // namespace
}  // namespace sitepatrol::reports
