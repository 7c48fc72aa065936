// The daemon's part of the configuration (docs/configuration.md, issue 7): [schedule], [http] and
// the alert channels of [[alert]] (config/alerts.h). Plain values, filled by load_config.
//
// [schedule]
//   patrol = "0 2 * * *"            cron expression(s), local time (config/schedule_cron.h);
//                                   [] for none (patrols by `sitepatrol crawl` elsewhere)
//   probe_interval = "20m"          homepage probes: s, m, h units ("90s", "1h30m")
//   down_after = 3                  consecutive failed probes before site_down
//   ratio_window_days = 7           AVAIL-RATIO looks at this many days of probes ...
//   ratio_min_probes = 20           ... once there are at least this many
//   [schedule.site.<id>]            per-site overrides: patrol, probe_interval, probes = false
// [http]
//   listen = "127.0.0.1:9469"       /healthz and /metrics; "" switches the endpoint off
//   max_connections = 512           connections served at once (1..65536); more get 503
//   request_timeout = "10s"         a client must send its request (and take the answer)
//                                   within this (1s..10m), else 408 and the connection closes
//
// Probe jitter is not configured: each site's probes are offset within the interval by a
// hash of its id, so they spread out and stay put across restarts.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/schedule_cron.h"

namespace sitepatrol::config {

struct SiteSchedule {
  std::optional<std::vector<CronExpr>> patrol;  // replaces [schedule] patrol
  std::optional<std::chrono::seconds> probe_interval;
  bool probes = true;  // false: never probe this site
};

struct ScheduleConfig {
  std::vector<CronExpr> patrol;  // default "0 2 * * *" (see load)
  std::chrono::seconds probe_interval{20 * 60};
  int down_after = 3;
  int ratio_window_days = 7;
  int ratio_min_probes = 20;
  std::map<std::string, SiteSchedule> sites;  // by site id

  // The site's effective settings.
  const std::vector<CronExpr>& patrol_for(const std::string& site) const;
  std::optional<std::chrono::seconds> probe_interval_for(const std::string& site) const;
};

struct HttpConfig {
  std::string listen = "127.0.0.1:9469";     // "" = no endpoint
  int max_connections = 512;                 // more at once get 503
  std::chrono::seconds request_timeout{10};  // to send a request, or take an answer
  bool legacy_metrics = false;               // also serve the deprecated metric families
  std::string address() const;               // "127.0.0.1", "::1"
  unsigned short port() const;
};

// Quiet hours of a channel: alerts due between `start` and `end` (minutes after local
// midnight; end < start wraps past midnight) wait until `end`.
struct QuietHours {
  int start_minute = 0;
  int end_minute = 0;
  bool contains(int minute_of_day) const;
};

// "20m", "90s", "1h30m", "2h" -> seconds; nullopt when malformed or zero.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// "22:00-07:30" -> QuietHours; nullopt when malformed or empty (start == end).
std::optional<QuietHours> parse_quiet_hours(std::string_view text);

}  // namespace sitepatrol::config
