// The daemon's counters and gauges, rendered as Prometheus text (exposition format 0.0.4)
// for GET /metrics.
//
// Threads: every member may be called from any thread (one mutex; updates are rare, a few a
// second at most).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace sitepatrol::app {

class DaemonMetrics {
 public:
  void probe(const std::string& site, bool up, double elapsed_ms);
  void patrol_started();
  void patrol_ended(const std::string& result, double seconds, int pages, int links);
  void patrol_skipped();
  // The current (new + open) findings of the latest patrol, by (code, severity).
  void set_findings(std::map<std::pair<std::string, std::string>, int> counts);
  void alert_attempt(const std::string& channel, bool sent);
  void set_gauges(std::int64_t alerts_pending, std::int64_t patrol_queue, std::int64_t crawl_queue);
  void reload(bool ok);
  void store_error();

  std::string render() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, std::int64_t> probes_;  // (site, result)
  std::map<std::string, double> probe_ms_sum_;
  std::map<std::string, int> site_up_;
  std::map<std::string, std::int64_t> patrols_;                         // by result
  bool patrol_running_ = false;
  double last_patrol_seconds_ = 0;
  std::int64_t pages_ = 0;
  std::int64_t links_ = 0;
  std::int64_t skipped_ = 0;
  std::map<std::pair<std::string, std::string>, int> findings_;
  std::map<std::pair<std::string, std::string>, std::int64_t> alerts_;  // (channel, result)
  std::int64_t alerts_pending_ = 0;
  std::int64_t patrol_queue_ = 0;
  std::int64_t crawl_queue_ = 0;
  std::map<std::string, std::int64_t> reloads_;
  std::int64_t store_errors_ = 0;
};

}  // namespace sitepatrol::app
