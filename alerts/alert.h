// An alert: one thing the daemon tells people (issue 7), as a plain value.
//
// Events: site_down (N consecutive failed probes), site_up (the first good probe after),
// critical (new critical findings of a patrol), homepage_links (new broken links on a
// homepage), dead_links (the digest of a patrol's new dead links), test (`alert test`).
// `key` is the event's identity; the alert history is unique on (key, channel), so however
// often the daemon notices the same event it is sent once (alerts/dispatcher.h).
//
// to_json is the generic webhook's body (docs/webhook.md) and also the form the history keeps;
// alert_from_json reads it back for a retry. Pure functions.
#pragma once

#include <chrono>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace sitepatrol::alerts {

struct Alert {
  std::string event;
  std::string key;
  std::string site;          // "" for test alerts
  std::string name;          // the site's name
  std::string url;           // the site's homepage
  std::chrono::system_clock::time_point time;
  std::vector<store::FindingRow> findings;
  // site_down: the first failed probe of the streak; site_up: when the outage began.
  std::optional<std::chrono::system_clock::time_point> since = {};
  // site_up: how long the site was down (from `since` to the good probe).
  std::optional<std::chrono::seconds> outage = {};
  // site_down and site_up: the newest probe (status 0 when none came) and the streak length.
  int probe_status = 0;
  std::string probe_error = {};
  long probe_ms = 0;
  int down_after = 0;
  std::string title;         // one line, for subjects and robot titles
  std::string text;          // human-readable summary, several lines
};

// {"event","site","name","url","time","findings":[...as docs/findings.md...],"text","title"}
std::string to_json(const Alert& alert);
std::expected<Alert, std::string> alert_from_json(std::string_view json);

// "2026-11-25T02:00:03Z"
std::string utc_time(std::chrono::system_clock::time_point t);
std::int64_t unix_ms(std::chrono::system_clock::time_point t);
std::chrono::system_clock::time_point from_unix_ms(std::int64_t ms);

}  // namespace sitepatrol::alerts
