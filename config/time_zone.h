// A time zone of the system's tz database (/usr/share/zoneinfo, Debian's tzdata), read once
// from its TZif file, for showing UTC instants as the reader's local time ([report] timezone).
//
// g++ 12's libstdc++ has no std::chrono::locate_zone, and setting TZ for localtime_r would
// change the whole process's zone under other threads; so the file is read here: its
// transitions, and its footer rule (a POSIX TZ string such as "CST-8" or
// "CET-1CEST,M3.5.0,M10.5.0/3") for instants after the last transition.
// A TimeZone is an immutable value; any thread.
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::config {

struct ZoneOffset {
  int seconds = 0;   // local time = UTC + seconds
  std::string abbr;  // "CST", "CEST", "UTC"
};

class TimeZone {
 public:
  TimeZone();  // UTC

  // The zone named `name` ("Asia/Shanghai", "UTC") from `folder`; an error message when the
  // name is not a plain zone name (no "..", not absolute) or no valid TZif file has it.
  static std::expected<TimeZone, std::string> load(
      std::string_view name, const std::string& folder = "/usr/share/zoneinfo");
  // The same from a TZif file's bytes (tests).
  static std::expected<TimeZone, std::string> parse(std::string_view name, std::string_view tzif);

  const std::string& name() const { return name_; }
  ZoneOffset offset_at(std::int64_t unix_seconds) const;

 private:
  struct Type {
    int offset = 0;
    bool dst = false;
    std::string abbr;
  };
  // The footer rule: standard time, and daylight time between two yearly moments.
  struct Rule {
    bool valid = false;
    Type standard;
    bool has_dst = false;
    Type daylight;
    int start_month = 0, start_week = 0, start_weekday = 0, start_time = 7200;
    int end_month = 0, end_week = 0, end_weekday = 0, end_time = 7200;
  };
  static bool parse_rule(std::string_view text, Rule& out);
  ZoneOffset from_rule(std::int64_t t) const;

  std::string name_;
  std::vector<std::int64_t> transitions_;
  std::vector<std::uint8_t> indices_;  // type index per transition
  std::vector<Type> types_;
  Rule rule_;
};

}  // namespace sitepatrol::config
