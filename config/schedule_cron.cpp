// Parsing and evaluating cron expressions (config/schedule_cron.h).
#include "config/schedule_cron.h"

#include <array>
#include <cctype>
#include <ctime>
#include <sstream>
#include <vector>

namespace sitepatrol::config {

namespace {

struct FieldSpec {
  const char* name;
  int lo;
  int hi;
  const char* const* names;  // lower-case names for lo.., or null
};

constexpr const char* kMonthNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec", nullptr};
constexpr const char* kDayNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat", nullptr};

constexpr FieldSpec kSecond{"second", 0, 59, nullptr};
constexpr FieldSpec kMinute{"minute", 0, 59, nullptr};
constexpr FieldSpec kHour{"hour", 0, 23, nullptr};
constexpr FieldSpec kDay{"day of month", 1, 31, nullptr};
constexpr FieldSpec kMonth{"month", 1, 12, kMonthNames};
constexpr FieldSpec kWeekday{"day of week", 0, 7, kDayNames};

std::optional<int> parse_value(std::string_view s, const FieldSpec& spec) {
  if (s.empty()) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(s.front()))) {
    int v = 0;
    for (char c : s) {
      if (!std::isdigit(static_cast<unsigned char>(c)) || v > 1000) return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  }
  if (spec.names == nullptr) return std::nullopt;
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 0; spec.names[i] != nullptr; ++i)
    if (lower == spec.names[i]) return spec.lo + i;
  return std::nullopt;
}

// Fills `bits` (indexed by value) from one field; returns "" or a message. `restricted` is
// false only for a bare "*".
template <std::size_t N>
std::string parse_field(std::string_view field, const FieldSpec& spec, std::bitset<N>& bits,
                        bool* restricted = nullptr) {
  if (restricted) *restricted = field != "*" && field != "?";
  const std::string where = std::string(spec.name) + ": ";
  while (!field.empty()) {
    const auto comma = field.find(',');
    std::string_view item = field.substr(0, comma);
    field = comma == std::string_view::npos ? "" : field.substr(comma + 1);
    if (item.empty()) return where + "empty list item";

    int step = 1;
    if (const auto slash = item.find('/'); slash != std::string_view::npos) {
      const auto s = parse_value(item.substr(slash + 1), FieldSpec{spec.name, 1, 1000, nullptr});
      if (!s || *s < 1) return where + "bad step '" + std::string(item.substr(slash + 1)) + "'";
      step = *s;
      item = item.substr(0, slash);
    }
    int lo = spec.lo;
    int hi = spec.hi;
    if (item != "*" && item != "?") {
      const auto dash = item.find('-');
      const auto a = parse_value(item.substr(0, dash), spec);
      if (!a) return where + "'" + std::string(item.substr(0, dash)) + "' is not a value";
      lo = hi = *a;
      if (dash != std::string_view::npos) {
        const auto b = parse_value(item.substr(dash + 1), spec);
        if (!b) return where + "'" + std::string(item.substr(dash + 1)) + "' is not a value";
        hi = *b;
      } else if (step > 1) {
        hi = spec.hi;  // "5/15" means from 5 on, every 15
      }
      if (lo < spec.lo || hi > spec.hi || lo > hi) {
        return where + "'" + std::string(item) + "' is out of range " + std::to_string(spec.lo) +
               "-" + std::to_string(spec.hi);
      }
    }
    for (int v = lo; v <= hi; v += step) bits.set(static_cast<std::size_t>(v % static_cast<int>(N)));
  }
  return "";
}

std::string_view expand_shorthand(std::string_view text) {
  if (text == "@yearly" || text == "@annually") return "0 0 1 1 *";
  if (text == "@monthly") return "0 0 1 * *";
  if (text == "@weekly") return "0 0 * * 0";
  if (text == "@daily" || text == "@midnight") return "0 0 * * *";
  if (text == "@hourly") return "0 * * * *";
  return text;
}

}  // namespace

std::expected<CronExpr, std::string> CronExpr::parse(std::string_view text) {
  CronExpr c;
  c.text_ = std::string(text);
  std::vector<std::string> fields;
  {
    std::istringstream in{std::string(expand_shorthand(text))};
    for (std::string f; in >> f;) fields.push_back(f);
  }
  if (fields.size() != 5 && fields.size() != 6) {
    return std::unexpected("expected 5 fields (minute hour day month weekday) or 6 (with "
                           "seconds first), got " + std::to_string(fields.size()));
  }
  std::size_t i = 0;
  std::string error;
  if (fields.size() == 6) {
    error = parse_field(fields[i++], kSecond, c.seconds_);
  } else {
    c.seconds_.set(0);
  }
  std::bitset<8> weekdays;
  if (error.empty()) error = parse_field(fields[i++], kMinute, c.minutes_);
  if (error.empty()) error = parse_field(fields[i++], kHour, c.hours_);
  if (error.empty()) error = parse_field(fields[i++], kDay, c.days_, &c.days_restricted_);
  if (error.empty()) error = parse_field(fields[i++], kMonth, c.months_);
  if (error.empty()) error = parse_field(fields[i++], kWeekday, weekdays, &c.weekdays_restricted_);
  if (!error.empty()) return std::unexpected(error);
  for (int d = 0; d < 7; ++d) c.weekdays_[d] = weekdays[d];
  if (weekdays[7]) c.weekdays_.set(0);  // 7 is Sunday too
  return c;
}

std::optional<std::chrono::system_clock::time_point> CronExpr::next(
    std::chrono::system_clock::time_point after) const {
  using namespace std::chrono;
  std::time_t t = system_clock::to_time_t(time_point_cast<seconds>(after)) + 1;
  const std::time_t limit = t + 5L * 366 * 24 * 3600;
  // Each step either matches or jumps to the start of the next candidate unit; mktime
  // normalises overflowing fields (Jan 32 -> Feb 1) and daylight-saving gaps.
  while (t < limit) {
    std::tm tm{};
    localtime_r(&t, &tm);
    const bool day_ok = days_restricted_ && weekdays_restricted_
                            ? days_[tm.tm_mday] || weekdays_[tm.tm_wday]
                            : days_[tm.tm_mday] && weekdays_[tm.tm_wday];
    if (!months_[tm.tm_mon + 1]) {
      tm.tm_mon += 1;
      tm.tm_mday = 1;
      tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    } else if (!day_ok) {
      tm.tm_mday += 1;
      tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    } else if (!hours_[tm.tm_hour]) {
      tm.tm_hour += 1;
      tm.tm_min = tm.tm_sec = 0;
    } else if (!minutes_[tm.tm_min]) {
      tm.tm_min += 1;
      tm.tm_sec = 0;
    } else if (!seconds_[tm.tm_sec]) {
      tm.tm_sec += 1;
    } else {
      return system_clock::from_time_t(t);
    }
    tm.tm_isdst = -1;
    const std::time_t next = std::mktime(&tm);
    // A daylight-saving fold can map back onto the same instant; always move forward.
    t = next > t ? next : t + 1;
  }
  return std::nullopt;
}

}  // namespace sitepatrol::config
