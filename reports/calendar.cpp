#include "reports/calendar.h"

#include <cstdio>

namespace sitepatrol::reports {

namespace {

std::optional<std::chrono::sys_days> day_of(const std::string& s) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return std::nullopt;
  const Date ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd);
}

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

}  // namespace

WorkCalendar WorkCalendar::from(const config::ReportConfig& report) {
  WorkCalendar c;
  for (const std::string& d : report.holidays) {
    if (auto day = day_of(d)) c.holidays.insert(*day);
  }
  for (const std::string& d : report.working_weekends) {
    if (auto day = day_of(d)) c.working_weekends.insert(*day);
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
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) {
    return std::nullopt;
  }
  const Date ymd{std::chrono::year(y), std::chrono::month(mo), std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  const std::chrono::sys_seconds at = std::chrono::sys_days(ymd) + std::chrono::hours(h) +
                                      std::chrono::minutes(mi) + std::chrono::seconds(s);
  const config::ZoneOffset offset = zone.offset_at(at.time_since_epoch().count());
  const auto local = at + std::chrono::seconds(offset.seconds);
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
