#include "crawler/request_policy.h"

#include "config/proxy.h"
#include "crawler/private_origins.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {

std::set<std::string> registered_hosts(const config::Config& config) {
  std::set<std::string> hosts;
  for (const auto& s : config.sites) {
    hosts.insert(url_host(s.url));
    hosts.insert(s.aliases.begin(), s.aliases.end());
  }
  return hosts;
}

OriginSet registered_origins(const config::Config& config) {
  auto origins = std::make_shared<std::set<std::string>>();
  for (const auto& s : config.sites) add_site_origins(*origins, s.url, s.aliases);
  return origins;
}

RequestPolicy::RequestPolicy(const config::Config& config, const config::SiteConfig& site,
                             OriginSet origins)
    : site_(&site),
      allow_private_networks_(config.patrol.allow_private_networks),
      max_body_(config.patrol.max_body_bytes),
      proxy_(site.proxy.value_or(config.patrol.proxy)),
      no_proxy_(config.patrol.no_proxy),
      registered_origins_(std::move(origins)) {
  own_hosts_.insert(url_host(site.url));
  own_hosts_.insert(site.aliases.begin(), site.aliases.end());
}

FetchRequest RequestPolicy::request_for(const std::string& url) const {
  FetchRequest q;
  q.url = url;
  q.max_body = max_body_;
  const std::string host = url_host(url);
  const bool own = is_own_host(host);
  // Per origin, not per host name: a registered site on 10.1.2.3:8080 does not open the
  // other ports of that machine to links in its pages.
  // One allowance beyond the origins: a site registered over http may move to https on a
  // port of its choosing (http://x:8080/ redirecting to https://x:8443/), on its own hosts.
  const bool https_upgrade = own && site_->url.starts_with("http:") && url.starts_with("https:");
  q.allow_private =
      allow_private_networks_ || https_upgrade || registered_origins_->contains(origin_key(url));
  if (!proxy_.empty() && !config::bypasses_proxy(no_proxy_, host)) q.proxy = proxy_;
  if (own) {  // credentials and staging headers never leave the site
    for (const auto& [k, v] : site_->headers) q.headers.push_back(k + ": " + v);
    q.cookies = site_->cookies;
    if (site_->basic_auth) {
      q.userpwd = site_->basic_auth->username + ":" + site_->basic_auth->password;
    }
  }
  return q;
}

}  // namespace sitepatrol::crawler
