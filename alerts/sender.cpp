#include "alerts/sender.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>

#include "alerts/format.h"
#include "alerts/message.h"

namespace sitepatrol::alerts {

namespace {

struct EasyDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using Easy = std::unique_ptr<CURL, EasyDeleter>;
using List = std::unique_ptr<curl_slist, ListDeleter>;

size_t collect(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

int progress(void* stop, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* flag = static_cast<const std::atomic<bool>*>(stop);
  return flag && flag->load() ? 1 : 0;
}

struct Upload {
  std::string data;
  std::size_t pos = 0;
};

size_t feed(char* buffer, size_t size, size_t n, void* in) {
  auto* u = static_cast<Upload*>(in);
  const std::size_t len = std::min(size * n, u->data.size() - u->pos);
  std::memcpy(buffer, u->data.data() + u->pos, len);
  u->pos += len;
  return len;
}

void common(CURL* c, const config::AlertChannel& channel, const CurlSenderOptions& o,
            char* error) {
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(channel.timeout_s));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(std::min(channel.timeout_s, 10)));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, o.user_agent.c_str());
  if (!o.ca_bundle.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, o.ca_bundle.c_str());
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, o.stop);
}

std::string failure(CURLcode rc, const char* error) {
  return std::string(curl_easy_strerror(rc)) + (error[0] ? std::string(": ") + error : "");
}

std::expected<void, std::string> post(const config::AlertChannel& channel, const Alert& alert,
                                      const std::string& link, const CurlSenderOptions& o) {
  std::string body;
  std::string url = channel.url;
  const Mentions at{channel.at_mobiles, channel.at_all};
  if (channel.kind == "dingtalk") {
    body = dingtalk_body(alert, at);
    if (!channel.secret.empty()) {
      url = dingtalk_signed_url(url, channel.secret,
                                unix_ms(std::chrono::system_clock::now()));
    }
  } else if (channel.kind == "wecom") {
    body = wecom_body(alert, at);
  } else {
    body = webhook_body(alert, channel.lang, link);
  }
  Easy c(curl_easy_init());
  if (!c) return std::unexpected("curl_easy_init failed");
  char error[CURL_ERROR_SIZE] = {0};
  common(c.get(), channel, o, error);
  List headers(curl_slist_append(nullptr, "Content-Type: application/json; charset=utf-8"));
  std::string answer;
  curl_easy_setopt(c.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(c.get(), CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c.get(), CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(c.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(c.get(), CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c.get(), CURLOPT_WRITEDATA, &answer);
  if (CURLcode rc = curl_easy_perform(c.get()); rc != CURLE_OK) {
    return std::unexpected(failure(rc, error));
  }
  long status = 0;
  curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) {
    return std::unexpected("HTTP " + std::to_string(status) + " " + utf8_prefix(answer, 200));
  }
  if (channel.kind == "dingtalk" || channel.kind == "wecom") {
    // Robots answer 200 with {"errcode": 0, "errmsg": "ok"} or a non-zero code.
    auto doc = nlohmann::json::parse(answer, nullptr, /*allow_exceptions=*/false);
    if (doc.is_object() && doc.contains("errcode") && doc["errcode"].is_number() &&
        doc["errcode"].get<long>() != 0) {
      return std::unexpected("robot refused: " + utf8_prefix(answer, 200));
    }
  }
  return {};
}

std::expected<void, std::string> mail(const config::AlertChannel& channel, const Alert& alert,
                                      const CurlSenderOptions& o) {
  Easy c(curl_easy_init());
  if (!c) return std::unexpected("curl_easy_init failed");
  char error[CURL_ERROR_SIZE] = {0};
  common(c.get(), channel, o, error);
  Upload upload{email_message(alert, channel.from, channel.to, std::chrono::system_clock::now())};
  List rcpt;
  curl_slist* raw = nullptr;
  for (const auto& to : channel.to) raw = curl_slist_append(raw, to.c_str());
  rcpt.reset(raw);
  curl_easy_setopt(c.get(), CURLOPT_URL, channel.smtp_url.c_str());
  curl_easy_setopt(c.get(), CURLOPT_MAIL_FROM, channel.from.c_str());
  curl_easy_setopt(c.get(), CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c.get(), CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c.get(), CURLOPT_READFUNCTION, feed);
  curl_easy_setopt(c.get(), CURLOPT_READDATA, &upload);
  curl_easy_setopt(c.get(), CURLOPT_INFILESIZE, static_cast<long>(upload.data.size()));
  if (channel.smtp_url.starts_with("smtp://")) {
    curl_easy_setopt(c.get(), CURLOPT_USE_SSL,
                     static_cast<long>(channel.starttls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
  }
  if (!channel.username.empty()) {
    curl_easy_setopt(c.get(), CURLOPT_USERNAME, channel.username.c_str());
    curl_easy_setopt(c.get(), CURLOPT_PASSWORD, channel.password.c_str());
  }
  if (CURLcode rc = curl_easy_perform(c.get()); rc != CURLE_OK) {
    return std::unexpected(failure(rc, error));
  }
  return {};
}

}  // namespace

CurlSenderOptions sender_options(const config::Config& config) {
  CurlSenderOptions options;
  options.user_agent = config.patrol.user_agent;
  options.ca_bundle = config.patrol.ca_bundle;
  // The loader has checked the zone's name; a system without its file shows UTC.
  if (auto zone = config::TimeZone::load(config.report.timezone)) options.zone = std::move(*zone);
  return options;
}

std::expected<void, std::string> CurlSender::send(const config::AlertChannel& channel,
                                                  const Alert& alert) {
  // What the channel's readers see: the alert in their language and local time.
  const Message message = render_message(alert, message_options(channel, options_.zone));
  Alert shown = alert;
  shown.title = message.title;
  shown.text = message.text;
  if (channel.kind == "email") return mail(channel, shown, options_);
  return post(channel, shown, message.link, options_);
}

}  // namespace sitepatrol::alerts
