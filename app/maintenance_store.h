// The store a patrol writes through so that maintenance windows (config/maintenance.h) are
// respected (issue 12): a site whose homepage is down while the site is in one of its
// windows is recorded as in maintenance (coverage state "maintenance", the reason naming the
// window and the homepage's error) instead of down, and its AVAIL-DOWN finding is not raised.
// The window is judged at the moment the crawler saves the site's results.
//
// Used by `sitepatrol crawl` (and check, demo) and by the daemon's patrols. Everything else
// is passed through. One thread at a time, like every Store.
#pragma once

#include <chrono>
#include <functional>

#include "app/forwarding_store.h"
#include "config/config.h"

namespace sitepatrol::app {

class MaintenanceStore final : public ForwardingStore {
 public:
  using Now = std::function<std::chrono::system_clock::time_point()>;
  MaintenanceStore(store::Store& inner, const config::Config& config, Now now)
      : ForwardingStore(inner), config_(config), now_(std::move(now)) {}

  store::Result<void> save_findings(std::int64_t run,
                                    std::span<const checks::Finding> findings) override;
  store::Result<void> save_coverage(std::int64_t run, const std::string& site,
                                    const store::SiteCoverage& coverage) override;

 private:
  const config::Config& config_;
  Now now_;
};

}  // namespace sitepatrol::app
