#include "app/daemon_metrics.h"

#include <fmt/format.h>

#include <sstream>

namespace sitepatrol::app {

namespace {

// Label values escape backslash, double quote and newline.
std::string label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// Shortest text that reads back as the same double ("0.05", "1234567.25"), never the stream's
// six significant digits.
std::string number(double v) { return fmt::format("{}", v); }

void head(std::ostringstream& out, const char* name, const char* type, const char* help) {
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

// `name{site="..."} value` for each entry of a per-site map.
template <typename Map>
void per_site(std::ostringstream& out, const char* name, const Map& values) {
  for (const auto& [site, v] : values)
    out << name << "{site=\"" << label(site) << "\"} " << fmt::format("{}", v) << '\n';
}

}  // namespace

void DaemonMetrics::observe(const std::string& site, double elapsed_ms) {
  const double seconds = elapsed_ms / 1000.0;
  Histogram& h = probe_seconds_[site];
  for (std::size_t i = 0; i < kProbeBuckets.size(); ++i) {
    if (seconds <= kProbeBuckets[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
  probe_ms_sum_[site] += elapsed_ms;
}

void DaemonMetrics::probe(const std::string& site, bool up, double elapsed_ms) {
  std::lock_guard lock(mutex_);
  ++probes_[{site, up ? "up" : "down"}];
  observe(site, elapsed_ms);
  site_up_[site] = up ? 1 : 0;
}

void DaemonMetrics::probe_in_maintenance(const std::string& site, double elapsed_ms) {
  std::lock_guard lock(mutex_);
  ++probes_[{site, "maintenance"}];
  observe(site, elapsed_ms);
}

void DaemonMetrics::set_maintenance(const std::string& site, bool in_window) {
  std::lock_guard lock(mutex_);
  maintenance_[site] = in_window ? 1 : 0;
}

void DaemonMetrics::patrol_started() {
  std::lock_guard lock(mutex_);
  patrol_running_ = true;
}

void DaemonMetrics::patrol_ended(const std::string& result, double seconds, int pages, int links) {
  std::lock_guard lock(mutex_);
  patrol_running_ = false;
  ++patrols_[result];
  last_patrol_seconds_ = seconds;
  pages_ += pages;
  links_ += links;
}

void DaemonMetrics::patrol_skipped() {
  std::lock_guard lock(mutex_);
  ++skipped_;
}

void DaemonMetrics::set_findings(const std::string& site, FindingCounts counts) {
  std::lock_guard lock(mutex_);
  findings_[site] = std::move(counts);
}

void DaemonMetrics::set_last_success(const std::string& site, std::int64_t unix_seconds) {
  std::lock_guard lock(mutex_);
  last_success_[site] = unix_seconds;
}

void DaemonMetrics::set_cert_not_after(const std::string& site, std::int64_t unix_seconds) {
  std::lock_guard lock(mutex_);
  cert_not_after_[site] = unix_seconds;
}

void DaemonMetrics::alert_attempt(const std::string& channel, bool sent) {
  std::lock_guard lock(mutex_);
  ++alerts_[{channel, sent ? "sent" : "failed"}];
}

void DaemonMetrics::set_gauges(std::int64_t alerts_pending, std::int64_t patrol_queue,
                               std::int64_t crawl_queue) {
  std::lock_guard lock(mutex_);
  alerts_pending_ = alerts_pending;
  patrol_queue_ = patrol_queue;
  crawl_queue_ = crawl_queue;
}

void DaemonMetrics::reload(bool ok) {
  std::lock_guard lock(mutex_);
  ++reloads_[ok ? "ok" : "error"];
}

void DaemonMetrics::store_error() {
  std::lock_guard lock(mutex_);
  ++store_errors_;
}

std::string DaemonMetrics::render(bool legacy) const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  head(out, "sitepatrol_up", "gauge", "1 while the daemon runs.");
  out << "sitepatrol_up 1\n";
  head(out, "sitepatrol_probes_total", "counter",
       "Homepage availability probes by result (up, down, maintenance).");
  for (const auto& [key, n] : probes_)
    out << "sitepatrol_probes_total{site=\"" << label(key.first) << "\",result=\"" << key.second
        << "\"} " << n << '\n';
  head(out, "sitepatrol_probe_duration_seconds", "histogram",
       "Time of the homepage availability probes.");
  for (const auto& [site, h] : probe_seconds_) {
    const std::string s = label(site);
    std::int64_t cumulative = 0;
    for (std::size_t i = 0; i < kProbeBuckets.size(); ++i) {
      cumulative += h.buckets[i];
      out << "sitepatrol_probe_duration_seconds_bucket{site=\"" << s << "\",le=\""
          << number(kProbeBuckets[i]) << "\"} " << cumulative << '\n';
    }
    out << "sitepatrol_probe_duration_seconds_bucket{site=\"" << s << "\",le=\"+Inf\"} " << h.count
        << '\n';
    out << "sitepatrol_probe_duration_seconds_sum{site=\"" << s << "\"} " << number(h.sum) << '\n';
    out << "sitepatrol_probe_duration_seconds_count{site=\"" << s << "\"} " << h.count << '\n';
  }
  if (legacy) {  // kDeprecatedFamilies: as it always was, a counter in milliseconds
    head(out, "sitepatrol_probe_duration_milliseconds_sum", "counter",
         "Total time of the probes of a site. Deprecated: use sitepatrol_probe_duration_seconds.");
    per_site(out, "sitepatrol_probe_duration_milliseconds_sum", probe_ms_sum_);
  }
  head(out, "sitepatrol_site_up", "gauge",
       "1 when the last probe of the homepage outside a maintenance window succeeded.");
  per_site(out, "sitepatrol_site_up", site_up_);
  head(out, "sitepatrol_site_maintenance", "gauge",
       "1 while the site is in one of its maintenance windows.");
  per_site(out, "sitepatrol_site_maintenance", maintenance_);
  head(out, "sitepatrol_patrols_total", "counter", "Patrols by result.");
  for (const auto& [result, n] : patrols_)
    out << "sitepatrol_patrols_total{result=\"" << label(result) << "\"} " << n << '\n';
  head(out, "sitepatrol_patrols_skipped_total", "counter",
       "Patrol firings skipped because the site was already queued or being patrolled.");
  out << "sitepatrol_patrols_skipped_total " << skipped_ << '\n';
  head(out, "sitepatrol_patrol_running", "gauge", "1 while a patrol runs.");
  out << "sitepatrol_patrol_running " << (patrol_running_ ? 1 : 0) << '\n';
  head(out, "sitepatrol_last_patrol_duration_seconds", "gauge", "Duration of the last patrol.");
  out << "sitepatrol_last_patrol_duration_seconds " << number(last_patrol_seconds_) << '\n';
  head(out, "sitepatrol_last_successful_patrol_timestamp_seconds", "gauge",
       "When a finished patrol last examined the site (its homepage answered), Unix time.");
  per_site(out, "sitepatrol_last_successful_patrol_timestamp_seconds", last_success_);
  head(out, "sitepatrol_pages_total", "counter", "Pages read by finished patrols.");
  out << "sitepatrol_pages_total " << pages_ << '\n';
  head(out, "sitepatrol_links_checked_total", "counter", "Links checked by finished patrols.");
  out << "sitepatrol_links_checked_total " << links_ << '\n';
  head(out, "sitepatrol_findings", "gauge",
       "Open findings (new and open) of the latest patrol of each site.");
  for (const auto& [site, counts] : findings_)
    for (const auto& [key, n] : counts)
      out << "sitepatrol_findings{site=\"" << label(site) << "\",code=\"" << label(key.first)
          << "\",severity=\"" << label(key.second) << "\"} " << n << '\n';
  head(out, "sitepatrol_tls_cert_not_after_timestamp_seconds", "gauge",
       "When the homepage's TLS certificate expires, Unix time (HTTPS sites).");
  per_site(out, "sitepatrol_tls_cert_not_after_timestamp_seconds", cert_not_after_);
  head(out, "sitepatrol_alert_sends_total", "counter", "Alert deliveries by channel and result.");
  for (const auto& [key, n] : alerts_)
    out << "sitepatrol_alert_sends_total{channel=\"" << label(key.first) << "\",result=\""
        << key.second << "\"} " << n << '\n';
  head(out, "sitepatrol_alerts_pending", "gauge", "Alerts waiting to be sent or retried.");
  out << "sitepatrol_alerts_pending " << alerts_pending_ << '\n';
  head(out, "sitepatrol_patrol_queue_sites", "gauge", "Sites waiting for a patrol.");
  out << "sitepatrol_patrol_queue_sites " << patrol_queue_ << '\n';
  head(out, "sitepatrol_crawl_queue_requests", "gauge", "Requests queued in the running patrol.");
  out << "sitepatrol_crawl_queue_requests " << crawl_queue_ << '\n';
  head(out, "sitepatrol_config_reloads_total", "counter", "Configuration reloads (SIGHUP).");
  for (const auto& [result, n] : reloads_)
    out << "sitepatrol_config_reloads_total{result=\"" << result << "\"} " << n << '\n';
  head(out, "sitepatrol_store_errors_total", "counter", "Database writes that failed.");
  out << "sitepatrol_store_errors_total " << store_errors_ << '\n';
  return out.str();
}

}  // namespace sitepatrol::app
