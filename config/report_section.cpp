#include "config/report_section.h"

#include <chrono>

#include "config/time_zone.h"

namespace sitepatrol::config::detail {

namespace {

std::string check_date(std::string& s) {
  return parse_ymd(s) ? "" : "expected a date YYYY-MM-DD, got '" + s + "'";
}

std::string check_weekend(std::string& s) {
  const auto day = parse_ymd(s);
  if (!day) return "expected a date YYYY-MM-DD, got '" + s + "'";
  const std::chrono::weekday w{*day};
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
