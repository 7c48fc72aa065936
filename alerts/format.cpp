#include "alerts/format.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <ctime>
#include <nlohmann/json.hpp>

namespace sitepatrol::alerts {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j) {
  return j.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

// Markdown for the robots: the title as a heading, the text with its lines kept.
std::string markdown(const Alert& alert) {
  std::string out = "### " + alert.title + "\n\n";
  for (char c : alert.text) {
    if (c == '\n') {
      out += "\n\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string url_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string utf8_prefix(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::string base64(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(data.data()),
                                static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string webhook_body(const Alert& alert, const std::string& lang, const std::string& link) {
  Json doc = Json::parse(to_json(alert));
  doc["lang"] = lang;
  doc["link"] = link;
  return dump(doc);
}

std::string dingtalk_body(const Alert& alert, const Mentions& at) {
  // The mentions go after the cut, so a long digest cannot lose them.
  std::string text = utf8_prefix(markdown(alert), 18000);
  if (!at.mobiles.empty()) {
    text += "\n\n";
    for (const auto& mobile : at.mobiles) text += "@" + mobile + " ";
  }
  return dump(Json{{"msgtype", "markdown"},
                   {"markdown", Json{{"title", alert.title}, {"text", text}}},
                   {"at", Json{{"atMobiles", at.mobiles}, {"isAtAll", at.all}}}});
}

std::string wecom_body(const Alert& alert, const Mentions& at) {
  if (at.empty()) {
    return dump(Json{{"msgtype", "markdown"},
                     {"markdown", Json{{"content", utf8_prefix(markdown(alert), 4096)}}}});
  }
  std::vector<std::string> mentioned = at.mobiles;
  if (at.all) mentioned.push_back("@all");
  return dump(Json{{"msgtype", "text"},
                   {"text", Json{{"content", utf8_prefix(alert.title + "\n" + alert.text, 2048)},
                                 {"mentioned_mobile_list", mentioned}}}});
}

std::string dingtalk_signed_url(const std::string& url, const std::string& secret,
                                std::int64_t timestamp_ms) {
  const std::string ts = std::to_string(timestamp_ms);
  const std::string to_sign = ts + "\n" + secret;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(to_sign.data()), to_sign.size(), mac, &mac_len);
  const std::string sign =
      url_encode(base64(std::string_view(reinterpret_cast<const char*>(mac), mac_len)));
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "timestamp=" + ts +
         "&sign=" + sign;
}

std::string email_message(const Alert& alert, const std::string& from,
                          const std::vector<std::string>& to,
                          std::chrono::system_clock::time_point date) {
  const std::time_t t = std::chrono::system_clock::to_time_t(date);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char when[64];
  std::strftime(when, sizeof when, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  std::string recipients;
  for (const auto& address : to) recipients += (recipients.empty() ? "" : ", ") + address;

  std::string body = alert.text + "\n\n" + alert.url + "\n";
  std::string encoded = base64(body);
  std::string wrapped;
  for (std::size_t i = 0; i < encoded.size(); i += 76) wrapped += encoded.substr(i, 76) + "\r\n";

  std::string out;
  out += "Date: " + std::string(when) + "\r\n";
  out += "From: " + from + "\r\n";
  out += "To: " + recipients + "\r\n";
  out += "Subject: =?UTF-8?B?" + base64("[sitepatrol] " + alert.title) + "?=\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n";
  out += "X-Sitepatrol-Event: " + alert.event + "\r\n";
  out += "\r\n";
  out += wrapped;
  return out;
}

}  // namespace sitepatrol::alerts
