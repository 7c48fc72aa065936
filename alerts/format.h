// How an alert looks on each kind of channel (issue 7). Pure functions.
//
// - webhook: the JSON object of docs/webhook.md (alerts/alert.h to_json).
// - dingtalk: a DingTalk custom robot message, {"msgtype":"markdown","markdown":{"title",
//   "text"}}; a robot with a signing secret (加签) gets timestamp and sign added to its URL.
// - wecom: a WeCom (企业微信) group robot message, {"msgtype":"markdown","markdown":
//   {"content"}}, cut to the robot's 4096-byte limit on a UTF-8 boundary.
// - email: an RFC 5322 message, UTF-8, subject as an encoded word, body base64.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "alerts/alert.h"

namespace sitepatrol::alerts {

std::string dingtalk_body(const Alert& alert);
std::string wecom_body(const Alert& alert);

// `url` with "&timestamp=MS&sign=..." (HMAC-SHA256 of "MS\nsecret", base64, URL-encoded).
std::string dingtalk_signed_url(const std::string& url, const std::string& secret,
                                std::int64_t timestamp_ms);

std::string email_message(const Alert& alert, const std::string& from,
                          const std::vector<std::string>& to,
                          std::chrono::system_clock::time_point date);

// At most `max_bytes` of `text`, not splitting a UTF-8 sequence.
std::string utf8_prefix(const std::string& text, std::size_t max_bytes);

std::string base64(std::string_view data);

}  // namespace sitepatrol::alerts
