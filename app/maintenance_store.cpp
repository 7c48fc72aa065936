#include "app/maintenance_store.h"

#include <vector>

#include "app/daemon_maintenance.h"

namespace sitepatrol::app {

store::Result<void> MaintenanceStore::save_findings(std::int64_t run,
                                                    std::span<const checks::Finding> findings) {
  const auto now = now_();
  std::vector<checks::Finding> kept;
  kept.reserve(findings.size());
  for (const auto& f : findings) {
    if (f.code == "AVAIL-DOWN" && in_maintenance(config_, f.site, now)) continue;
    kept.push_back(f);
  }
  return inner_.save_findings(run, kept);
}

store::Result<void> MaintenanceStore::save_coverage(std::int64_t run, const std::string& site,
                                                    const store::SiteCoverage& coverage) {
  if (coverage.state != "down") return inner_.save_coverage(run, site, coverage);
  const auto* window = in_maintenance(config_, site, now_());
  if (!window) return inner_.save_coverage(run, site, coverage);
  store::SiteCoverage marked;
  marked.state = "maintenance";
  marked.reason = window->text + "; " + coverage.reason;
  return inner_.save_coverage(run, site, marked);
}

}  // namespace sitepatrol::app
