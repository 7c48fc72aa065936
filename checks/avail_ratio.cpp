#include "checks/avail_ratio.h"

#include <cstdio>

namespace sitepatrol::checks {

std::optional<Finding> check_avail_ratio(const std::string& site, const std::string& homepage,
                                         std::span<const ProbeSample> probes,
                                         std::chrono::system_clock::time_point now,
                                         const AvailRatioPolicy& policy) {
  const auto since = now - policy.window;
  int total = 0;
  int failed = 0;
  for (const auto& p : probes) {
    if (p.time <= since || p.time > now) continue;
    ++total;
    failed += p.up ? 0 : 1;
  }
  if (total == 0 || total < policy.min_probes) return std::nullopt;
  const double ratio = static_cast<double>(failed) / total;
  // Compared on integers so 1 failure in 20 is exactly 5 %, not a hair under.
  const bool critical =
      failed * 10000LL >= static_cast<long long>(policy.critical_ratio * 10000 + 0.5) * total;
  const bool warning =
      failed * 10000LL >= static_cast<long long>(policy.warning_ratio * 10000 + 0.5) * total;
  if (!warning) return std::nullopt;
  char detail[160];
  const long days = std::chrono::duration_cast<std::chrono::hours>(policy.window).count() / 24;
  std::snprintf(detail, sizeof detail, "%d of %d probes failed in %ld days (%.1f %%)%s", failed,
                total, days, ratio * 100, critical ? "" : "; early warning, critical at 5 %");
  Finding f;
  f.site = site;
  f.code = "AVAIL-RATIO";
  f.severity = critical ? Severity::critical : Severity::warning;
  f.subject = homepage;
  f.page = homepage;
  f.detail = detail;
  char percent[16];
  std::snprintf(percent, sizeof percent, "%.1f", ratio * 100);
  f.detail_code = critical ? "avail.ratio" : "avail.ratio_warning";
  f.detail_args = {{"failed", std::to_string(failed)},
                   {"probes", std::to_string(total)},
                   {"days", std::to_string(days)},
                   {"percent", percent}};
  return f;
}

}  // namespace sitepatrol::checks
