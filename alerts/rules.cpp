#include "alerts/rules.h"

#include <algorithm>
#include <map>

namespace sitepatrol::alerts {

namespace {

Alert site_alert(const config::SiteConfig& site, std::string event,
                 std::chrono::system_clock::time_point time) {
  Alert a;
  a.event = std::move(event);
  a.site = site.id;
  a.name = site.name;
  a.url = site.url;
  a.time = time;
  return a;
}

// The probe's answer, for the message (alerts/message.h).
void describe_probe(Alert& a, const store::ProbeRecord& probe, int down_after) {
  a.probe_status = probe.status;
  a.probe_error = probe.error;
  a.probe_ms = static_cast<long>(probe.elapsed_ms);
  a.down_after = down_after;
}

std::string finding_line(const store::FindingRow& row) {
  const auto& f = row.finding;
  std::string line = "- " + f.code + " " + f.subject;
  if (!f.page.empty() && f.page != f.subject) line += " (on " + f.page + ")";
  if (!f.detail.empty()) line += ": " + f.detail;
  return line;
}

std::string lines(const std::vector<store::FindingRow>& rows) {
  std::string out;
  for (const auto& r : rows) out += "\n" + finding_line(r);
  return out;
}

}  // namespace

bool is_dead_link(std::string_view code) {
  return code == "LINK-BROKEN" || code == "LINK-TIMEOUT" || code == "LINK-REDIRECT-LOOP";
}

std::optional<Alert> probe_alert(const config::SiteConfig& site,
                                 std::span<const store::ProbeRecord> newest_first,
                                 int down_after) {
  if (newest_first.empty() || down_after < 1) return std::nullopt;
  const auto& newest = newest_first.front();
  const auto n = static_cast<std::size_t>(down_after);
  if (!newest.up) {
    // Raised by the probe that completes the streak: exactly down_after failures in a row.
    if (newest_first.size() < n) return std::nullopt;
    for (std::size_t i = 0; i < n; ++i)
      if (newest_first[i].up) return std::nullopt;
    if (newest_first.size() > n && !newest_first[n].up) return std::nullopt;
    Alert a = site_alert(site, "site_down", from_unix_ms(newest.at_ms));
    a.since = from_unix_ms(newest_first[n - 1].at_ms);  // the streak's first failure
    a.key = "site_down:" + site.id + ":" + std::to_string(newest.at_ms);
    describe_probe(a, newest, down_after);
    a.title = "网站无法访问 site down: " + site.name;
    a.text = site.name + " (" + site.url + ") did not answer " + std::to_string(down_after) +
             " probes in a row; last error: " + newest.error;
    return a;
  }
  if (newest_first.size() < n + 1) return std::nullopt;
  for (std::size_t i = 1; i <= n; ++i)
    if (newest_first[i].up) return std::nullopt;
  Alert a = site_alert(site, "site_up", from_unix_ms(newest.at_ms));
  // The outage began with the oldest failure of the streak the caller's probes reach.
  std::size_t oldest = n;
  while (oldest + 1 < newest_first.size() && !newest_first[oldest + 1].up) ++oldest;
  a.since = from_unix_ms(newest_first[oldest].at_ms);
  a.outage = std::chrono::duration_cast<std::chrono::seconds>(a.time - *a.since);
  a.key = "site_up:" + site.id + ":" + std::to_string(newest.at_ms);
  describe_probe(a, newest, down_after);
  a.title = "网站恢复访问 site up: " + site.name;
  a.text = site.name + " (" + site.url + ") answers again (HTTP " +
           std::to_string(newest.status) + " in " +
           std::to_string(static_cast<long>(newest.elapsed_ms)) + " ms)";
  return a;
}

std::vector<Alert> run_alerts(std::int64_t run_id, std::span<const store::FindingRow> rows,
                              std::span<const config::SiteConfig> sites,
                              std::chrono::system_clock::time_point now, bool homepage_only) {
  struct PerSite {
    std::vector<store::FindingRow> critical, homepage, dead;
  };
  std::map<std::string, PerSite> by_site;
  for (const auto& row : rows) {
    // A finding set aside by a human review (a false alarm, an accepted problem) is not told.
    if (row.status != "new" || row.set_aside()) continue;
    const auto& f = row.finding;
    PerSite& s = by_site[f.site];
    if (f.severity == checks::Severity::critical && f.code != "AVAIL-DOWN")
      s.critical.push_back(row);
    if (is_dead_link(f.code)) {
      s.dead.push_back(row);
      const auto site = std::ranges::find(sites, f.site, &config::SiteConfig::id);
      if (site != sites.end() && f.page == site->url) s.homepage.push_back(row);
    }
  }
  std::vector<Alert> out;
  const std::string run = ":run" + std::to_string(run_id);
  for (const auto& site : sites) {
    auto it = by_site.find(site.id);
    if (it == by_site.end()) continue;
    const PerSite& s = it->second;
    if (!s.homepage.empty()) {
      Alert a = site_alert(site, "homepage_links", now);
      a.key = "homepage_links:" + site.id + run;
      a.findings = s.homepage;
      a.title = "首页出现失效链接 broken links on the homepage: " + site.name;
      a.text = std::to_string(s.homepage.size()) + " new dead link(s) on the homepage of " +
               site.name + " (" + site.url + "):" + lines(s.homepage);
      out.push_back(std::move(a));
    }
    if (homepage_only) continue;
    if (!s.critical.empty()) {
      Alert a = site_alert(site, "critical", now);
      a.key = "critical:" + site.id + run;
      a.findings = s.critical;
      a.title = "严重问题 critical findings: " + site.name;
      a.text = std::to_string(s.critical.size()) + " new critical finding(s) on " + site.name +
               " (" + site.url + "):" + lines(s.critical);
      out.push_back(std::move(a));
    }
    if (!s.dead.empty()) {
      Alert a = site_alert(site, "dead_links", now);
      a.key = "dead_links:" + site.id + run;
      a.findings = s.dead;
      a.title = "新增失效链接 new dead links: " + site.name;
      a.text = std::to_string(s.dead.size()) + " new dead link(s) on " + site.name + " (" +
               site.url + ") in patrol run " + std::to_string(run_id) + ":" + lines(s.dead);
      out.push_back(std::move(a));
    }
  }
  return out;
}

}  // namespace sitepatrol::alerts
