// Delivering one alert to one channel: the seam between the dispatcher and the network.
//
// Each channel gets the alert rendered in its language (alerts/message.h).
// CurlSender is the real one: webhook, DingTalk and WeCom by an HTTP POST of the channel's
// format (alerts/format.h), e-mail through libcurl's SMTP (STARTTLS required on smtp:// when
// the channel says starttls, implicit TLS on smtps://). A robot webhook that answers 200 with
// a non-zero "errcode" (bad token, rate limit) has failed. Blocking, one transfer at a time,
// bounded by the channel's timeout_s; `stop`, when set, aborts a transfer in progress.
// Tests substitute a fake Sender.
#pragma once

#include <atomic>
#include <expected>
#include <string>

#include "alerts/alert.h"
#include "config/alerts.h"
#include "config/config.h"
#include "config/time_zone.h"

namespace sitepatrol::alerts {

class Sender {
 public:
  virtual ~Sender() = default;
  // Nothing on success; on failure a message saying why (for the history and the log).
  virtual std::expected<void, std::string> send(const config::AlertChannel& channel,
                                                const Alert& alert) = 0;
};

struct CurlSenderOptions {
  std::string user_agent = "sitepatrol/1.0";
  std::string ca_bundle;                   // extra CA file ([patrol] ca_bundle)
  config::TimeZone zone;                   // times in messages ([report] timezone); UTC default
  const std::atomic<bool>* stop = nullptr;
};

// The options from the configuration: [patrol] user_agent and ca_bundle, [report] timezone.
CurlSenderOptions sender_options(const config::Config& config);

class CurlSender final : public Sender {
 public:
  explicit CurlSender(CurlSenderOptions options) : options_(std::move(options)) {}
  std::expected<void, std::string> send(const config::AlertChannel& channel,
                                        const Alert& alert) override;

 private:
  CurlSenderOptions options_;
};

}  // namespace sitepatrol::alerts
