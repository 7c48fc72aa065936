#include "app/daemon_maintenance.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace sitepatrol::app {

const config::MaintenanceWindow* in_maintenance(const config::Config& config,
                                                const std::string& site_id,
                                                std::chrono::system_clock::time_point at) {
  const auto site = std::ranges::find(config.sites, site_id, &config::SiteConfig::id);
  if (site == config.sites.end()) return nullptr;
  return config::maintenance_at(site->maintenance, at);
}

bool AlertHold::hold(alerts::Alert& alert, const config::Config& config,
                     std::chrono::system_clock::time_point now) {
  if (alert.site.empty()) return false;
  const auto* window = in_maintenance(config, alert.site, now);
  if (!window) return false;
  spdlog::info("alert {} for {} held: maintenance window {}", alert.event, alert.site,
               window->text);
  if (held_.size() < kMaxHeld) held_.push_back(std::move(alert));
  return true;
}

std::vector<alerts::Alert> AlertHold::release(const config::Config& config,
                                              std::chrono::system_clock::time_point now) {
  std::vector<alerts::Alert> out;
  std::erase_if(held_, [&](alerts::Alert& a) {
    if (in_maintenance(config, a.site, now)) return false;
    out.push_back(std::move(a));
    return true;
  });
  return out;
}

}  // namespace sitepatrol::app
