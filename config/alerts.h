// Alert channels: one [[alert]] table each (docs/configuration.md, issue 7). Plain values.
//
// [[alert]]
//   name = "ops-webhook"            optional; default "<kind>-<N>" (N: position in the file).
//                                   The name keys the alert history, so keep it stable.
//   kind = "webhook"                webhook | dingtalk | wecom | email
//   url = "https://..."             webhook kinds; or url_env = "VAR" (robot URLs carry tokens)
//   secret_env = "VAR"              dingtalk only: the robot's signing secret (加签), optional
//   events = [...]                  site_down site_up critical homepage_links dead_links
//                                   (default: all of them)
//   sites = ["hb-jtt"]              only alerts about these sites (per-site recipients);
//                                   default all
//   quiet_hours = "22:00-07:00"     alerts due then are held until the end (local time)
//   max_attempts = 8                deliveries tried before an alert is marked failed
//   retry_after = "30s"             first retry delay; doubles each time, at most 1 h
//   timeout_s = 15                  per delivery
//   lang = "zh"                     the messages' language: zh (default) or en
//   base_url = "https://..."        each alert links to BASE/<site id>/, or to base_url with
//                                   {site} replaced by the site id (a report folder, a console)
//   at_mobiles = ["138..."]         dingtalk and wecom: mention these members;
//   at_all = false                  or everybody in the group
//   email: smtp_url = "smtp://mail.example:587" (smtps:// for implicit TLS), from, to = [...],
//          username, password or password_env, starttls = true (require STARTTLS on smtp://)
//
// Secrets (url, secret, password) may come from the environment (`*_env`), read once while
// loading; giving both the key and its `_env` form is an error.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "config/schedule.h"

namespace sitepatrol::config {

struct AlertChannel {
  std::string name;
  std::string kind;                         // webhook | dingtalk | wecom | email
  std::string url;                          // webhook, dingtalk, wecom
  std::string secret;                       // dingtalk signing secret
  std::vector<std::string> events;          // never empty after loading
  std::vector<std::string> sites;           // empty: every site
  std::optional<QuietHours> quiet_hours;
  int max_attempts = 8;
  std::chrono::seconds retry_after{30};
  int timeout_s = 15;
  std::string lang = "zh";                  // zh | en
  std::string base_url;                     // "" : no link
  std::vector<std::string> at_mobiles;      // dingtalk, wecom
  bool at_all = false;                      // dingtalk, wecom
  // email
  std::string smtp_url;
  std::string from;
  std::vector<std::string> to;
  std::string username;
  std::string password;
  bool starttls = true;

  bool wants(const std::string& event, const std::string& site) const;
};

// The event names of [[alert]] events, in the order the docs list them.
const std::vector<std::string>& alert_events();

}  // namespace sitepatrol::config
