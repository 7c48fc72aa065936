// Include and exclude URL patterns ([patrol] and [[site]] `include` / `exclude`).
//
// A pattern is a glob matched against the whole normalised URL (crawler/url.h: lower-case
// scheme and host, default port dropped, no fragment): `**` matches any run of characters,
// `*` any run without a `/`, and every other character stands for itself (`?` and `.` are
// literal; there are no character classes). So `https://www.example.gov.cn/old/**` is
// everything under /old/, `**.zip` every zip file, `**?print=1` a query ending so, and
// `http*://*.example.com/**` both schemes of every subdomain of example.com.
//
// Matching is linear in the URL's length times the pattern's (no backtracking blow-up).
// Pure functions and a plain value; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::config {

// Whether `url` matches the glob `pattern` as described above.
bool url_matches(std::string_view pattern, std::string_view url);

// What a site's walk skips: a URL matching any exclude pattern, or, when there are include
// patterns, a URL matching none of them. The global lists ([patrol]) and the site's add up.
struct UrlFilter {
  std::vector<std::string> include;
  std::vector<std::string> exclude;

  bool skips(std::string_view url) const;
};

// Why a pattern is not one ("" when it is): empty, or longer than 2,000 characters.
std::string check_url_pattern(std::string& pattern);

}  // namespace sitepatrol::config
