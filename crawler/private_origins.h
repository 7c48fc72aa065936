// Which origins may be connected to on a private address: the registered sites' own.
//
// The private-address guard (address_policy.h) lets a registered site through even when it
// lives on the ministry's internal network. The exemption is per origin (scheme, host,
// port), not per host name: a site at http://10.1.2.3:8080/ does not open
// http://10.1.2.3:6379/ or any other port of that machine to links in its pages. A site on
// the default port of its scheme is exempt on both http:80 and https:443 (the usual
// upgrade of a site to https); a site on another port only on that scheme and port. Its
// aliases get the same ports as the site. (The request policy adds one allowance: a site
// registered over http may move to https on any port of its own hosts.) Pure values; built once per
// patrol, then read from any thread.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::crawler {

// "scheme://host:port" of an absolute http(s) URL, the port always written; "" when it is
// not one.
std::string origin_key(std::string_view url);

// Adds the origins of a registered site (its URL and host-name aliases) to `out`.
void add_site_origins(std::set<std::string>& out, std::string_view site_url,
                      const std::vector<std::string>& aliases);

}  // namespace sitepatrol::crawler
