#include "app/daemon_metrics.h"

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

void head(std::ostringstream& out, const char* name, const char* type, const char* help) {
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

}  // namespace

void DaemonMetrics::probe(const std::string& site, bool up, double elapsed_ms) {
  std::lock_guard lock(mutex_);
  ++probes_[{site, up ? "up" : "down"}];
  probe_ms_sum_[site] += elapsed_ms;
  site_up_[site] = up ? 1 : 0;
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

void DaemonMetrics::set_findings(std::map<std::pair<std::string, std::string>, int> counts) {
  std::lock_guard lock(mutex_);
  findings_ = std::move(counts);
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

std::string DaemonMetrics::render() const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  head(out, "sitepatrol_up", "gauge", "1 while the daemon runs.");
  out << "sitepatrol_up 1\n";
  head(out, "sitepatrol_probes_total", "counter", "Homepage availability probes by result.");
  for (const auto& [key, n] : probes_)
    out << "sitepatrol_probes_total{site=\"" << label(key.first) << "\",result=\"" << key.second
        << "\"} " << n << '\n';
  head(out, "sitepatrol_probe_duration_milliseconds_sum", "counter",
       "Total time of the probes of a site.");
  for (const auto& [site, ms] : probe_ms_sum_)
    out << "sitepatrol_probe_duration_milliseconds_sum{site=\"" << label(site) << "\"} " << ms
        << '\n';
  head(out, "sitepatrol_site_up", "gauge", "1 when the last probe of the homepage succeeded.");
  for (const auto& [site, up] : site_up_)
    out << "sitepatrol_site_up{site=\"" << label(site) << "\"} " << up << '\n';
  head(out, "sitepatrol_patrols_total", "counter", "Patrols by result.");
  for (const auto& [result, n] : patrols_)
    out << "sitepatrol_patrols_total{result=\"" << result << "\"} " << n << '\n';
  head(out, "sitepatrol_patrols_skipped_total", "counter",
       "Patrol firings skipped because the site was already queued or being patrolled.");
  out << "sitepatrol_patrols_skipped_total " << skipped_ << '\n';
  head(out, "sitepatrol_patrol_running", "gauge", "1 while a patrol runs.");
  out << "sitepatrol_patrol_running " << (patrol_running_ ? 1 : 0) << '\n';
  head(out, "sitepatrol_last_patrol_duration_seconds", "gauge", "Duration of the last patrol.");
  out << "sitepatrol_last_patrol_duration_seconds " << last_patrol_seconds_ << '\n';
  head(out, "sitepatrol_pages_total", "counter", "Pages read by finished patrols.");
  out << "sitepatrol_pages_total " << pages_ << '\n';
  head(out, "sitepatrol_links_checked_total", "counter", "Links checked by finished patrols.");
  out << "sitepatrol_links_checked_total " << links_ << '\n';
  head(out, "sitepatrol_findings", "gauge", "Current findings of the latest patrol.");
  for (const auto& [key, n] : findings_)
    out << "sitepatrol_findings{code=\"" << label(key.first) << "\",severity=\"" << key.second
        << "\"} " << n << '\n';
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
