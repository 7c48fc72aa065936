#include "crawler/clock.h"

#include <cstdio>
#include <ctime>

namespace sitepatrol::crawler {

std::string to_rfc3339(std::chrono::system_clock::time_point t) {
  const std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view text) {
  using namespace std::chrono;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char tail[8] = {};
  const std::string copy(text);
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%7s", &y, &mo, &d, &h, &mi, &s, tail) != 7) {
    return std::nullopt;
  }
  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!date.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  const std::string_view zone(tail);
  minutes offset{0};
  if (zone != "Z") {
    int oh = 0, om = 0;
    char sign = 0;
    if (zone.size() != 6 || std::sscanf(tail, "%c%2d:%2d", &sign, &oh, &om) != 3 ||
        (sign != '+' && sign != '-') || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset = minutes{(sign == '+' ? 1 : -1) * (oh * 60 + om)};
  }
  return sys_days{date} + hours{h} + minutes{mi} + seconds{s} - offset;
}

}  // namespace sitepatrol::crawler
