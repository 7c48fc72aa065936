// Dates in the reader's calendar for the reports: UTC instants shown in the configured time
// zone ([report] timezone, config/time_zone.h), dates written as a reader of the report's
// language writes them, and the working-day arithmetic of 整改期限 (rectification deadlines):
// Saturdays and Sundays are days off, configured holidays too, configured working weekends
// (调休上班) are not.
// Pure functions over values; any thread.
#pragma once

#include <chrono>
#include <optional>
#include <set>
#include <string>

#include "config/report.h"
#include "config/time_zone.h"
#include "reports/report_terms.h"

namespace sitepatrol::reports {

using Date = std::chrono::year_month_day;

struct WorkCalendar {
  std::set<std::chrono::sys_days> holidays;
  std::set<std::chrono::sys_days> working_weekends;

  // From [report] holidays and working_weekends (already checked by the config loader).
  static WorkCalendar from(const config::ReportConfig& report);
  bool is_working_day(Date d) const;
};

// The day `n` working days after `from` (from itself not counted; n = 0 gives `from`).
Date add_working_days(Date from, int n, const WorkCalendar& calendar);
// Working days strictly after `from` up to and including `to`; 0 when to <= from.
int working_days_between(Date from, Date to, const WorkCalendar& calendar);

// An RFC 3339 UTC time ("2026-12-04T08:03:02Z") as local time in `zone`.
struct LocalTime {
  Date date;
  int hour = 0;
  int minute = 0;
  std::string abbr;  // the zone's abbreviation then ("CST")
};
std::optional<LocalTime> to_local(const std::string& utc, const config::TimeZone& zone);

// "2026年12月5日" / "5 December 2026".
std::string date_text(Date d, Lang lang);
// "2026年12月4日 16:03" / "4 December 2026 16:03 CST"; the input unchanged when it does not
// parse, "" for "".
std::string local_minute_text(const std::string& utc, const config::TimeZone& zone, Lang lang);
// The local date of a UTC time as date_text; the input's first 10 characters when it does not
// parse.
std::string local_date_text(const std::string& utc, const config::TimeZone& zone, Lang lang);

}  // namespace sitepatrol::reports
