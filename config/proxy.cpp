// Proxy URLs and no_proxy entries (see proxy.h).
#include "config/proxy.h"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include "config/toml_reader.h"

namespace sitepatrol::config {
namespace {

constexpr std::array<std::string_view, 4> kSchemes = {"http", "https", "socks5", "socks5h"};

// One part of a parsed URL, "" when absent.
std::string part(CURLU* u, CURLUPart which) {
  char* text = nullptr;
  if (curl_url_get(u, which, &text, 0) != CURLUE_OK || !text) return {};
  std::string out(text);
  curl_free(text);
  return out;
}

bool host_ends_with(std::string_view host, std::string_view domain) {
  if (host.size() < domain.size()) return false;
  const std::string_view tail = host.substr(host.size() - domain.size());
  if (!std::ranges::equal(tail, domain, [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) ==
               std::tolower(static_cast<unsigned char>(b));
      })) {
    return false;
  }
  return host.size() == domain.size() || host[host.size() - domain.size() - 1] == '.';
}

}  // namespace

std::string mask_proxy_credentials(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  const auto start = scheme_end + 3;
  const auto authority_end = std::min(url.find_first_of("/?#", start), url.size());
  const auto at = url.substr(0, authority_end).rfind('@');
  if (at == std::string_view::npos || at < start) return std::string(url);
  return std::string(url.substr(0, start)) + "***" + std::string(url.substr(at));
}

std::string check_proxy_url(std::string& url) {
  if (url.empty()) return "";
  const std::string shown = "'" + mask_proxy_credentials(url) + "'";
  if (std::ranges::any_of(url, [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u <= 0x20 || u == 0x7F;
      })) {
    return shown + " must not contain spaces or control characters";
  }
  const auto colon = url.find("://");
  if (colon == std::string::npos) {
    return shown + " is not a proxy URL (write scheme://host:port, e.g. http://proxy:3128)";
  }
  const std::string scheme = ascii_lower(url.substr(0, colon));
  if (std::ranges::find(kSchemes, scheme) == kSchemes.end()) {
    return shown + ": the scheme must be http, https, socks5 or socks5h";
  }
  url = scheme + url.substr(colon);
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), &curl_url_cleanup);
  if (curl_url_set(u.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
      part(u.get(), CURLUPART_HOST).empty()) {
    return shown + " is not a proxy URL (write scheme://host:port)";
  }
  const std::string path = part(u.get(), CURLUPART_PATH);
  if ((!path.empty() && path != "/") || !part(u.get(), CURLUPART_QUERY).empty() ||
      !part(u.get(), CURLUPART_FRAGMENT).empty()) {
    return shown + " has a path, query or fragment; a proxy is only scheme://host:port";
  }
  return "";
}

std::string check_no_proxy_entry(std::string& entry) {
  if (entry == "*") return "";
  return detail::check_domain(entry);
}

bool bypasses_proxy(const std::vector<std::string>& no_proxy, std::string_view host) {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return std::ranges::any_of(no_proxy, [host](const std::string& entry) {
    return entry == "*" || host_ends_with(host, entry);
  });
}

}  // namespace sitepatrol::config
