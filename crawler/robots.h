// robots.txt: which paths of a host we may fetch, how slowly, and where its sitemaps are.
//
// Parsed per RFC 9309 for one user agent: the groups naming our product token ("sitepatrol"
// from "sitepatrol/1.0", case-insensitive) apply, else the "*" groups, else nothing is
// disallowed. Among matching Allow/Disallow rules the longest pattern wins, Allow on a tie;
// patterns may use '*' and a final '$'. Junk lines, a BOM, CR/LF/CRLF line ends and comments
// are tolerated; only the first 500 KiB are read. A Robots is an immutable value: build it
// once per host, share it freely between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::crawler {

struct RobotsRule {
  std::string pattern;  // percent-encoding normalised, as in a normalised URL's path
  bool allow = false;
};

struct Robots {
  std::vector<RobotsRule> rules;      // of the group(s) that apply to us
  std::optional<double> crawl_delay;  // seconds, of the group(s) that apply to us
  std::vector<std::string> sitemaps;  // normalised absolute URLs, for every agent

  // `path_and_query` as in a normalised URL: "/a/b.html?x=1". "/robots.txt" is always
  // allowed.
  bool allowed(std::string_view path_and_query) const;
};

// `user_agent` is our User-Agent header value; its product token picks the group.
Robots parse_robots(std::string_view text, std::string_view user_agent);

}  // namespace sitepatrol::crawler
