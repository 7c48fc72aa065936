// The registered sites' origins, for the private-address exemption (see private_origins.h).
#include "crawler/private_origins.h"

#include "crawler/url.h"

namespace sitepatrol::crawler {
namespace {

std::string key(std::string_view scheme, std::string_view host, int port) {
  const bool v6 = host.find(':') != std::string_view::npos;
  std::string out(scheme);
  out += "://";
  if (v6) out.push_back('[');
  out += host;
  if (v6) out.push_back(']');
  out.push_back(':');
  out += std::to_string(port);
  return out;
}

}  // namespace

std::string origin_key(std::string_view url) {
  auto parts = split_url(url);
  return parts ? key(parts->scheme, parts->host, parts->port) : std::string();
}

void add_site_origins(std::set<std::string>& out, std::string_view site_url,
                      const std::vector<std::string>& aliases) {
  auto parts = split_url(site_url);
  if (!parts) return;
  const bool default_port = (parts->scheme == "http" && parts->port == 80) ||
                            (parts->scheme == "https" && parts->port == 443);
  auto add = [&](std::string_view host) {
    if (default_port) {
      out.insert(key("http", host, 80));
      out.insert(key("https", host, 443));
    } else {
      out.insert(key(parts->scheme, host, parts->port));
    }
  };
  add(parts->host);
  for (const auto& alias : aliases) add(alias);
}

}  // namespace sitepatrol::crawler
