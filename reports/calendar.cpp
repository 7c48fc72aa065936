#include "reports/calendar.h"

#include <cstdio>

#include "config/ymd.h"
#include "reports/rfc3339.h"

namespace sitepatrol::reports {

namespace {

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

}  // namespace

WorkCalendar WorkCalendar::from(const config::ReportConfig& report) {
  WorkCalendar c;
  for (const std::string& d : report.holidays) {
    if (auto day = config::detail::parse_ymd(d)) c.holidays.insert(*day);
  }
  for (const std::string& d : report.working_weekends) {
    if (auto day = config::detail::parse_ymd(d)) c.working_weekends.insert(*day);
  }
  return c;
}

bool WorkCalendar::is_working_day(Date d) const {
  const std::chrono::sys_days day(d);
  if (working_weekends.contains(day)) return true;
  const std::chrono::weekday w(day);
  if (w == std::chrono::Saturday || w == std::chrono::Sunday) return false;
  return !holidays.contains(day);
}

Date add_working_days(Date from, int n, const WorkCalendar& calendar) {
  std::chrono::sys_days day(from);
  while (n > 0) {
    day += std::chrono::days(1);
    if (calendar.is_working_day(Date(day))) --n;
  }
  return Date(day);
}

int working_days_between(Date from, Date to, const WorkCalendar& calendar) {
  int n = 0;
  for (std::chrono::sys_days day = std::chrono::sys_days(from) + std::chrono::days(1);
       day <= std::chrono::sys_days(to); day += std::chrono::days(1)) {
    if (calendar.is_working_day(Date(day))) ++n;
  }
  return n;
}

std::optional<LocalTime> to_local(const std::string& utc, const config::TimeZone& zone) {
  const auto seconds = parse_rfc3339(utc);
  if (!seconds) return std::nullopt;
  const config::ZoneOffset offset = zone.offset_at(*seconds);
  const std::chrono::sys_seconds local{std::chrono::seconds(*seconds + offset.seconds)};
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss time(local - day);
  return LocalTime{Date(day), static_cast<int>(time.hours().count()),
                   static_cast<int>(time.minutes().count()), offset.abbr};
}

std::string date_text(Date d, Lang lang) {
  const int y = static_cast<int>(d.year());
  const unsigned m = unsigned(d.month());
  const unsigned day = unsigned(d.day());
  if (lang == Lang::zh) {
    return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(day) + "日";
  }
  return std::to_string(day) + " " + kMonths[m - 1] + " " + std::to_string(y);
}

std::string local_minute_text(const std::string& utc, const config::TimeZone& zone, Lang lang) {
  const auto t = to_local(utc, zone);
  if (!t) return utc;
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", t->hour, t->minute);
  return date_text(t->date, lang) + " " + hm + (lang == Lang::zh ? "" : " " + t->abbr);
}

std::string local_date_text(const std::string& utc, const config::TimeZone& zone, Lang lang) {
  const auto t = to_local(utc, zone);
  if (!t) return utc.substr(0, 10);
  return date_text(t->date, lang);
}

}  // namespace sitepatrol::reports
