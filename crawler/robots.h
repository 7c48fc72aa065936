// robots.txt: which paths of a host we may fetch, how slowly, and where its sitemaps are.
//
// Parsed per RFC 9309 for one user agent: the groups naming our product token ("sitepatrol"
// from "sitepatrol/1.0", case-insensitive) apply, else the "*" groups, else nothing is
// disallowed. Among matching Allow/Disallow rules the longest pattern wins, Allow on a tie;
// patterns may use '*' and a final '$'. Junk lines, a BOM, CR/LF/CRLF line ends and comments
// are tolerated; only the first 500 KiB are read, and at most 4,096 rules of our group(s).
//
// Matching is bounded whatever the file says: a pattern is split at its '*' into literal
// pieces, found left to right (no backtracking), and rules are tried longest first, so the
// first match decides. (A 488 KB file of wildcard rules cost 1.2 s per URL before.) Each
// URL's matching also has a budget (kRobotsMatchBudget); a URL that runs out
// of it is treated as disallowed, as an unreadable robots.txt is (RFC 9309 2.3.1.4), and
// never costs more than a few milliseconds.
//
// RFC 9309 §2.3.1: a robots.txt answering 4xx allows everything; one that answers 5xx or
// cannot be fetched disallows everything (robots_unreachable()). A Robots is an immutable
// value: build it once per host, share it freely between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::crawler {

struct RobotsRule {
  std::string pattern;  // percent-encoding normalised, as in a normalised URL's path
  bool allow = false;
  // The pattern cut at its '*'s (and without a final '$'): what matching walks.
  std::vector<std::string> pieces;
  bool anchored = false;  // ended in '$'
};

// Byte comparisons one URL's matching may make, at most: each search of a piece is charged
// the bytes it covers times the piece's length (a naive search's worst case). A few
// milliseconds of CPU. Real files stay far below: a few hundred rules, mostly literal
// prefixes that fail on their first byte.
inline constexpr std::size_t kRobotsMatchBudget = 50'000'000;

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

// What a robots.txt that answered 5xx, or could not be fetched, means: nothing is allowed.
Robots robots_unreachable();

// What the patrol does with a robots.txt answer of `status` (0: not fetched): parse it
// (200), allow everything (other 2xx, 3xx left after redirects, 4xx), or disallow
// everything (5xx, 429, unreachable).
enum class RobotsVerdict { parse, allow_all, disallow_all };
RobotsVerdict robots_verdict(int status, bool fetched);

}  // namespace sitepatrol::crawler
