#include "config/report_section.h"

#include <chrono>
#include <cstdio>
#include <optional>

#include "config/time_zone.h"

namespace sitepatrol::config::detail {

namespace {

std::optional<std::chrono::year_month_day> parse_date(const std::string& s) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                        std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::string check_date(std::string& s) {
  return parse_date(s) ? "" : "expected a date YYYY-MM-DD, got '" + s + "'";
}

std::string check_weekend(std::string& s) {
  const auto ymd = parse_date(s);
  if (!ymd) return "expected a date YYYY-MM-DD, got '" + s + "'";
  const std::chrono::weekday w{std::chrono::sys_days(*ymd)};
  if (w != std::chrono::Saturday && w != std::chrono::Sunday) {
    return s + " is not a Saturday or Sunday";
  }
  return "";
}

}  // namespace

void read_report(TableReader& r, ReportConfig& out) {
  r.read("issuer", out.issuer);
  r.read("recipients", out.recipients);
  r.read("deadline_working_days", out.deadline_working_days, 1, 365);
  if (const toml::node* n = r.node("timezone")) {
    std::string zone;
    if (r.read("timezone", zone)) {
      if (auto tz = TimeZone::load(zone); !tz) {
        r.problems().add(n->source(), r.path_of("timezone"), tz.error());
      } else {
        out.timezone = zone;
      }
    }
  }
  r.read("holidays", out.holidays, check_date);
  r.read("working_weekends", out.working_weekends, check_weekend);
  r.reject_unknown_keys();
}

}  // namespace sitepatrol::config::detail
