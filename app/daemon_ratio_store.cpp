#include "app/daemon_ratio_store.h"

#include <algorithm>

#include "alerts/alert.h"
#include "checks/avail_ratio.h"

namespace sitepatrol::app {

namespace {

bool disabled(const config::Config& config, const config::SiteConfig& site) {
  const std::string code = "AVAIL-RATIO";
  return std::ranges::find(config.patrol.disable_codes, code) != config.patrol.disable_codes.end() ||
         std::ranges::find(site.disable_codes, code) != site.disable_codes.end();
}

}  // namespace

store::Result<void> RatioStore::finish_run(std::int64_t run, const std::string& finished_at,
                                           const store::RunTotals& totals) {
  const auto now = now_();
  checks::AvailRatioPolicy policy;
  policy.window = std::chrono::hours(24 * config_.schedule.ratio_window_days);
  policy.min_probes = config_.schedule.ratio_min_probes;
  std::vector<checks::Finding> found;
  for (const auto& id : sites_) {
    const auto site = std::ranges::find(config_.sites, id, &config::SiteConfig::id);
    if (site == config_.sites.end() || disabled(config_, *site)) continue;
    auto rows = inner_.probes(id, alerts::unix_ms(now - policy.window));
    if (!rows) return std::unexpected(rows.error());
    std::vector<checks::ProbeSample> samples;
    for (const auto& p : *rows) samples.push_back({alerts::from_unix_ms(p.at_ms), p.up});
    if (auto f = checks::check_avail_ratio(id, site->url, samples, now, policy))
      found.push_back(std::move(*f));
  }
  if (!found.empty()) {
    if (auto ok = inner_.save_findings(run, found); !ok) return ok;
  }
  return inner_.finish_run(run, finished_at, totals);
}

}  // namespace sitepatrol::app
