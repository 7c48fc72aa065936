#include "store/review.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <string>

#include "checks/dates.h"

namespace sitepatrol::store {

namespace {

// The Beijing day of an RFC 3339 UTC time ("2026-11-24T18:30:00Z" is the 25th there).
std::optional<checks::Date> china_day(std::string_view rfc3339) {
  auto date = checks::parse_iso_date(rfc3339.substr(0, 10));
  if (!date) return std::nullopt;
  const bool evening = rfc3339.size() >= 13 && rfc3339.substr(11, 2) >= "16";
  if (!evening) return date;
  return checks::Date{std::chrono::sys_days{*date} + std::chrono::days{1}};
}

}  // namespace

std::string review_evidence(const checks::Finding& finding) {
  if (finding.detail_code.empty()) return "detail:" + finding.detail;
  static constexpr std::string_view kMeasures[] = {
      "age_days", "days",          "ms",        "percent",  "failed", "probes", "score",
      "pages",    "structure_pct", "nav_pages", "nav_links"};
  std::string evidence = finding.detail_code;
  for (const checks::DetailArg& arg : finding.detail_args) {
    if (std::find(std::begin(kMeasures), std::end(kMeasures), arg.key) != std::end(kMeasures)) {
      continue;
    }
    // Each value with its length: two different lists never read the same.
    evidence += ";" + arg.key + "=" + std::to_string(arg.value.size()) + ":" + arg.value;
  }
  return evidence;
}

std::string review_lapse(const ReviewRecord& review, const checks::Finding& finding,
                         std::string_view run_started_at) {
  if (review.severity != finding.severity || review.evidence != review_evidence(finding)) {
    return "changed";
  }
  if (review.verdict != "accepted" || review.expires.empty()) return "";
  const auto last_day = checks::parse_iso_date(review.expires);
  const auto day = china_day(run_started_at);
  // An unreadable date never sets a finding aside for good.
  if (!last_day || !day) return "expired";
  return std::chrono::sys_days{*day} > std::chrono::sys_days{*last_day} ? "expired" : "";
}

bool is_review_verdict(std::string_view verdict) {
  return verdict == "false_alarm" || verdict == "accepted" || verdict == "withdrawn";
}

}  // namespace sitepatrol::store
