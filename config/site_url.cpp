// The minimal URL normal form configuration needs, on curl's URL API (see config.h).
#include <curl/curl.h>

#include <algorithm>
#include <memory>

#include "config/ascii.h"
#include "config/config.h"
#include "config/idn.h"

namespace sitepatrol::config {
namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

std::optional<std::string> get_part(CURLU* u, CURLUPart part, unsigned flags = 0) {
  char* value = nullptr;
  if (curl_url_get(u, part, &value, flags) != CURLUE_OK || value == nullptr) return std::nullopt;
  std::string out(value);
  curl_free(value);
  return out;
}

}  // namespace

std::optional<std::string> normalize_site_url(std::string_view url) {
  UrlHandle u(curl_url());
  if (!u) return std::nullopt;
  const std::string text(url);
  if (text.find("://") == std::string::npos) return std::nullopt;  // curl would guess a scheme
  if (curl_url_set(u.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) return std::nullopt;

  const auto scheme = get_part(u.get(), CURLUPART_SCHEME);
  if (!scheme || (ascii_lower(*scheme) != "http" && ascii_lower(*scheme) != "https")) {
    return std::nullopt;
  }
  const auto host = get_part(u.get(), CURLUPART_HOST);
  if (!host || host->empty()) return std::nullopt;

  // One form for every host the configuration names: IDNs in punycode (config/idn.h).
  const auto ascii_host = host_to_ascii(*host);
  if (!ascii_host) return std::nullopt;
  if (curl_url_set(u.get(), CURLUPART_HOST, ascii_host->c_str(), 0) != CURLUE_OK ||
      curl_url_set(u.get(), CURLUPART_FRAGMENT, nullptr, 0) != CURLUE_OK) {
    return std::nullopt;
  }
  const auto path = get_part(u.get(), CURLUPART_PATH);
  if (!path || path->empty()) curl_url_set(u.get(), CURLUPART_PATH, "/", 0);
  return get_part(u.get(), CURLUPART_URL, CURLU_NO_DEFAULT_PORT);
}

}  // namespace sitepatrol::config
