#include "app/http_message.h"

#include <algorithm>
#include <cctype>

namespace sitepatrol::app {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string HttpRequest::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (iequals(name, lower_name)) return value;
  }
  return {};
}

std::string HttpRequest::path() const { return target.substr(0, target.find('?')); }

bool status_forbids_body(int status) {
  return (status >= 100 && status < 200) || status == 204 || status == 304;
}

std::string local_base_url(std::string_view address, unsigned short port, bool tls) {
  std::string host(address);
  if (host == "0.0.0.0") host = "127.0.0.1";
  if (host == "::") host = "::1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return std::string(tls ? "https" : "http") + "://" + host + ":" + std::to_string(port);
}

}  // namespace sitepatrol::app
