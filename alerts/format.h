// How an alert looks on each kind of channel (issue 7). Pure functions of an Alert whose
// title and text are already in the channel's language (alerts/message.h renders them).
//
// - webhook: the JSON object of docs/webhook.md (alerts/alert.h to_json, with lang and link).
// - dingtalk: a DingTalk custom robot message, {"msgtype":"markdown","markdown":{"title",
//   "text"},"at":{"atMobiles","isAtAll"}}; the mentioned numbers also stand in the text as
//   "@138…", since DingTalk notifies only those it finds there. A robot with a signing
//   secret (加签) gets timestamp and sign added to its URL.
// - wecom: a WeCom (企业微信) group robot message, {"msgtype":"markdown","markdown":
//   {"content"}}, cut to the robot's 4096-byte limit on a UTF-8 boundary. WeCom's markdown
//   cannot mention anyone, so with mentions it is {"msgtype":"text","text":{"content",
//   "mentioned_mobile_list"}} (["@all"] for everybody), cut to 2048 bytes.
// - email: an RFC 5322 message, UTF-8, subject as an encoded word, body base64.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "alerts/alert.h"

namespace sitepatrol::alerts {

// Who a robot message @-mentions (the channel's at_mobiles and at_all).
struct Mentions {
  std::vector<std::string> mobiles;
  bool all = false;
  bool empty() const { return mobiles.empty() && !all; }
};

std::string webhook_body(const Alert& alert, const std::string& lang, const std::string& link);
std::string dingtalk_body(const Alert& alert, const Mentions& at = {});
std::string wecom_body(const Alert& alert, const Mentions& at = {});

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
