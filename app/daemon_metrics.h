// The daemon's counters, gauges and histograms, rendered as Prometheus text (exposition
// format 0.0.4) for GET /metrics.
//
// Conventions (docs/deploy.md, "Monitoring"): times in seconds, counters end in _total, one
// HELP and one TYPE line per family, label values escaped. Counters start at zero with the
// process, as Prometheus expects of counters; the gauges that describe the sites' state
// (findings, certificate expiry, last successful patrol) are restored from the store at
// start (the daemon's refresh_site_metrics) so a restart does not blank a dashboard or fire an
// alert rule.
//
// A documented metric is never removed: sitepatrol_probe_duration_milliseconds_sum, older
// than these conventions, is still there for the dashboards that read it, beside the
// histogram that replaces it. It breaks the conventions `promtool check metrics` lints, so it
// is served only on request ([http] legacy_metrics = true; kDeprecatedFamilies).
//
// Threads: every member may be called from any thread (one mutex; updates are rare, a few a
// second at most).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitepatrol::app {

class DaemonMetrics {
 public:
  // Upper bounds of the probe duration histogram's buckets, in seconds (+Inf implied).
  static constexpr std::array<double, 11> kProbeBuckets = {0.05, 0.1, 0.25, 0.5, 1, 2.5,
                                                           5,    10,  15,   30,  60};
  // Families kept for compatibility although they break the naming conventions.
  static constexpr std::array<std::string_view, 1> kDeprecatedFamilies = {
      "sitepatrol_probe_duration_milliseconds_sum"};
  // (code, severity) -> number of open findings.
  using FindingCounts = std::map<std::pair<std::string, std::string>, int>;

  void probe(const std::string& site, bool up, double elapsed_ms);
  // A probe taken in the site's maintenance window: timed and counted, not availability.
  void probe_in_maintenance(const std::string& site, double elapsed_ms);
  void set_maintenance(const std::string& site, bool in_window);
  void patrol_started();
  void patrol_ended(const std::string& result, double seconds, int pages, int links);
  void patrol_skipped();
  // The open (new + open) findings of the latest run that covered `site`; replaces the
  // site's earlier counts.
  void set_findings(const std::string& site, FindingCounts counts);
  void set_last_success(const std::string& site, std::int64_t unix_seconds);
  void set_cert_not_after(const std::string& site, std::int64_t unix_seconds);
  void alert_attempt(const std::string& channel, bool sent);
  void set_gauges(std::int64_t alerts_pending, std::int64_t patrol_queue, std::int64_t crawl_queue);
  void reload(bool ok);
  void store_error();

  // `legacy`: also the kDeprecatedFamilies ([http] legacy_metrics).
  std::string render(bool legacy = false) const;

 private:
  struct Histogram {
    std::array<std::int64_t, kProbeBuckets.size()> buckets{};  // not cumulative
    std::int64_t count = 0;
    double sum = 0;
  };
  void observe(const std::string& site, double elapsed_ms);

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, std::int64_t> probes_;  // (site, result)
  std::map<std::string, Histogram> probe_seconds_;
  std::map<std::string, double> probe_ms_sum_;  // deprecated: the histogram's _sum × 1000
  std::map<std::string, int> site_up_;
  std::map<std::string, int> maintenance_;
  std::map<std::string, std::int64_t> patrols_;  // by result
  bool patrol_running_ = false;
  double last_patrol_seconds_ = 0;
  std::int64_t pages_ = 0;
  std::int64_t links_ = 0;
  std::int64_t skipped_ = 0;
  std::map<std::string, FindingCounts> findings_;  // by site
  std::map<std::string, std::int64_t> last_success_;
  std::map<std::string, std::int64_t> cert_not_after_;
  std::map<std::pair<std::string, std::string>, std::int64_t> alerts_;  // (channel, result)
  std::int64_t alerts_pending_ = 0;
  std::int64_t patrol_queue_ = 0;
  std::int64_t crawl_queue_ = 0;
  std::map<std::string, std::int64_t> reloads_;
  std::int64_t store_errors_ = 0;
};

}  // namespace sitepatrol::app
