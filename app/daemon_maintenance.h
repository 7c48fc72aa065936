// The daemon's side of maintenance windows (config/maintenance.h, issue 12).
//
// in_maintenance answers whether a site is in one of its windows at a time; the daemon asks
// it for each probe (a probe taken in a window is counted in the metrics but not stored, so
// neither AVAIL-RATIO nor site_down sees it) and for each alert.
//
// AlertHold keeps the alerts of a site in maintenance and gives them back once the window is
// over (or the site is gone from the configuration): nothing is told while the window lasts,
// and what was found in it is told when it ends. Held alerts live in memory only:
// a restart drops them (the conditions that outlast the window raise fresh alerts on the
// next probes and patrol). Bounded. One thread (the daemon's main loop).
#pragma once

#include <chrono>
#include <deque>
#include <string>
#include <vector>

#include "alerts/alert.h"
#include "config/config.h"

namespace sitepatrol::app {

// The window of site `site_id` that `at` falls in, or nullptr (also for unknown sites).
const config::MaintenanceWindow* in_maintenance(const config::Config& config,
                                                const std::string& site_id,
                                                std::chrono::system_clock::time_point at);

class AlertHold {
 public:
  static constexpr std::size_t kMaxHeld = 10'000;

  // True when `alert` is held (its site is in maintenance at `now`); the caller drops it.
  bool hold(alerts::Alert& alert, const config::Config& config,
            std::chrono::system_clock::time_point now);
  // The held alerts whose site is no longer in maintenance at `now`, oldest first.
  std::vector<alerts::Alert> release(const config::Config& config,
                                     std::chrono::system_clock::time_point now);
  std::size_t size() const { return held_.size(); }

 private:
  std::deque<alerts::Alert> held_;
};

}  // namespace sitepatrol::app
