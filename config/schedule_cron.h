// Cron expressions for `[schedule] patrol` (docs/configuration.md): when the daemon patrols.
//
// Five fields (minute hour day-of-month month day-of-week) as in crontab(5), or six with a
// leading seconds field (used by tests and by anyone who wants sub-minute schedules). Each
// field takes `*`, numbers, ranges `a-b`, steps `*/n` and `a-b/n`, and lists `a,b`; months
// and weekdays also take English names (jan, mon) and weekday 7 is Sunday. As in Vixie cron,
// when both day-of-month and day-of-week are restricted a day matching either one matches.
// The shorthands @yearly, @monthly, @weekly, @daily, @midnight and @hourly are accepted.
//
// Times are evaluated in the process's local time zone (TZ), like cron. A CronExpr is an
// immutable value; next() is pure apart from reading the time zone database.
#pragma once

#include <bitset>
#include <chrono>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace sitepatrol::config {

class CronExpr {
 public:
  // A message saying what is wrong ("field 2 (hour): 24 is out of range 0-23") on failure.
  static std::expected<CronExpr, std::string> parse(std::string_view text);

  // The first matching time strictly after `after` (whole seconds); nullopt when nothing
  // matches within five years (e.g. "0 0 30 2 *").
  std::optional<std::chrono::system_clock::time_point> next(
      std::chrono::system_clock::time_point after) const;

  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::bitset<60> seconds_;
  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_;      // 1..31
  std::bitset<13> months_;    // 1..12
  std::bitset<7> weekdays_;   // 0 = Sunday
  bool days_restricted_ = false;
  bool weekdays_restricted_ = false;
};

}  // namespace sitepatrol::config
