// The daemon's timetable (issue 7): when each homepage is probed and when each site is
// patrolled. Pure bookkeeping over time points handed in by the caller, so tests drive it
// with a fake clock and no sleeping.
//
// Probes: every site's probe interval (config/schedule.h) is cut into slots aligned to the
// Unix epoch plus a per-site offset (a hash of the site id modulo the interval), so probes
// of many sites spread over the interval and stay put across restarts. The first probe of a
// site is due at once when the daemon starts (its state is then known).
//
// Patrols: each site's cron expressions fire independently; a site whose patrol fires is
// queued. One patrol runs at a time, over every queued site; a site already queued or in the
// running patrol is not queued again, so a patrol still running when the next is due is not
// started twice (`skipped` counts those).
//
// Not thread-safe: the daemon's main thread owns it.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/config.h"

namespace sitepatrol::app {

using TimePoint = std::chrono::system_clock::time_point;

// The first slot of `site`'s probe schedule strictly after `after`.
TimePoint next_probe_slot(const std::string& site, std::chrono::seconds interval, TimePoint after);

class Scheduler {
 public:
  Scheduler(const config::Config& config, TimePoint now);

  // After a reload: new sites and intervals; queued and running sites stay as they are.
  void reconfigure(const config::Config& config, TimePoint now);

  // Sites whose probe is due at `now`; each moves on to its next slot.
  std::vector<std::string> take_due_probes(TimePoint now);

  // Queues the sites whose patrol fired by `now`; then, when no patrol runs and sites are
  // queued, returns them (in configuration order) and marks them running.
  std::vector<std::string> take_patrol(TimePoint now);
  void patrol_finished();
  // A re-check (issue 17): queues `site` as if its patrol had fired, so the next
  // take_patrol() starts it when no patrol runs. False when it is not a configured site.
  bool request(const std::string& site);
  bool patrol_running() const { return !running_.empty(); }
  std::size_t queued() const { return queued_.size(); }
  int skipped() const { return skipped_; }

  // The earliest time something is due (a probe slot or a cron firing).
  std::optional<TimePoint> next_event() const;
  std::optional<TimePoint> next_patrol(const std::string& site) const;
  std::optional<TimePoint> next_probe(const std::string& site) const;

 private:
  void plan(const config::Config& config, TimePoint now, bool keep_probes);

  std::vector<std::string> order_;                    // site ids in configuration order
  std::map<std::string, std::vector<config::CronExpr>> crons_;
  std::map<std::string, std::chrono::seconds> intervals_;  // sites that are probed
  std::map<std::string, TimePoint> next_probe_;
  std::map<std::string, TimePoint> next_patrol_;
  std::set<std::string> queued_;
  std::set<std::string> running_;
  int skipped_ = 0;
};

}  // namespace sitepatrol::app
