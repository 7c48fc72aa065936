// RequestPolicy: the one rule for what a request may carry and where it may connect, for
// every request sitepatrol makes — the patrol's pages and links and the daemon's probes.
//
// - Credentials (basic auth, cookies, the site's extra headers) go only to the site's own
//   hosts (its URL's host and its aliases). Each redirect hop is a new request built here,
//   so a redirect to another host carries none of them.
// - Private, loopback and link-local addresses may be reached only at the origins (scheme,
//   host, port) of sites the configuration registers (crawler/private_origins.h), or when
//   [patrol] allow_private_networks is set; the fetcher enforces it at connect time
//   (crawler/address_policy.h).
// - The proxy: the site's own `proxy` when it has one ("" = direct), else [patrol] proxy;
//   a target host within [patrol] no_proxy goes direct. With a proxy the fetcher cannot see
//   the target's address at connect time (it connects to the proxy), so it judges the
//   target before the request instead (crawler/proxy_target.h): the guard checks the
//   target, never the proxy, and a proxy on loopback is fine.
//
// A plain value, built once per site; request_for is const and thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "config/config.h"
#include "crawler/fetcher.h"

namespace sitepatrol::crawler {

// The origins every registered site may be reached on (private_origins.h), built once per
// patrol or probe batch and shared by every site's policy.
using OriginSet = std::shared_ptr<const std::set<std::string>>;
OriginSet registered_origins(const config::Config& config);

class RequestPolicy {
 public:
  // `origins` from registered_origins(config).
  RequestPolicy(const config::Config& config, const config::SiteConfig& site, OriginSet origins);

  // The base request for one hop to `url` (url, body cap, private permission, credentials).
  FetchRequest request_for(const std::string& url) const;

  bool is_own_host(const std::string& host) const { return own_hosts_.contains(host); }

 private:
  const config::SiteConfig* site_;
  bool allow_private_networks_ = false;
  std::size_t max_body_ = 0;
  std::string proxy_;                  // "" = direct
  std::vector<std::string> no_proxy_;  // hosts reached direct
  std::set<std::string> own_hosts_;
  OriginSet registered_origins_;  // private_origins.h keys
};

// The hosts of every site the configuration registers, aliases included.
std::set<std::string> registered_hosts(const config::Config& config);

}  // namespace sitepatrol::crawler
