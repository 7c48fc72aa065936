// What an alert says to its reader: the title and text of one alert in one channel's language
// (`lang`, Chinese by default), with times in the reports' local time zone ([report]
// timezone) and a link to the site's page under the channel's base_url (docs/webhook.md).
//
// The rules (alerts/rules.h) decide what happened and fill the Alert's values; each channel
// renders them here when it sends, so one alert reads in Chinese on the DingTalk group and in
// English on an English-speaking contractor's webhook. Pure functions; any thread.
#pragma once

#include <chrono>
#include <string>

#include "alerts/alert.h"
#include "config/alerts.h"
#include "config/time_zone.h"

namespace sitepatrol::alerts {

struct MessageOptions {
  std::string lang = "zh";        // zh | en
  config::TimeZone zone;          // UTC unless given
  std::string base_url;           // "" : no link
  std::size_t max_findings = 20;  // finding lines listed before "and N more"
};

struct Message {
  std::string title;  // one line
  std::string text;   // several lines, plain text (the robots' markdown keeps the lines)
  std::string link;   // the site's page, "" without a base_url
};

Message render_message(const Alert& alert, const MessageOptions& options);

// The options a channel's messages are rendered with.
MessageOptions message_options(const config::AlertChannel& channel, const config::TimeZone& zone);

// `base_url` with {site} replaced by `site`, or BASE/site/ (one slash between); "" when
// base_url is "" or, for a test alert, site is "" (then the base itself).
std::string site_link(const std::string& base_url, const std::string& site);

// "2026年12月4日 16:03" / "4 December 2026 16:03 CST".
std::string local_time_text(std::chrono::system_clock::time_point t, const config::TimeZone& zone,
                            const std::string& lang);

// "1小时23分" / "1 h 23 min"; "45秒" / "45 s" under a minute; days past 48 hours.
std::string outage_text(std::chrono::seconds length, const std::string& lang);

}  // namespace sitepatrol::alerts
