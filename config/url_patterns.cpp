// Glob matching of URLs (see url_patterns.h).
#include "config/url_patterns.h"

#include <algorithm>

namespace sitepatrol::config {

bool url_matches(std::string_view pattern, std::string_view url) {
  // A row of "pattern prefix [0, i) matches url prefix [0, j)" for every j, filled one
  // pattern token at a time: linear memory, O(|pattern| x |url|) time, whatever the input.
  std::vector<char> row(url.size() + 1, 0);
  std::vector<char> next(url.size() + 1, 0);
  row[0] = 1;
  std::size_t i = 0;
  while (i < pattern.size()) {
    const bool star = pattern[i] == '*';
    const bool globstar = star && i + 1 < pattern.size() && pattern[i + 1] == '*';
    std::fill(next.begin(), next.end(), 0);
    if (star) {
      // next[j]: some k <= j with row[k], and url[k, j) free of '/' unless globstar.
      char reach = 0;
      for (std::size_t j = 0; j <= url.size(); ++j) {
        if (j > 0 && !globstar && url[j - 1] == '/') reach = 0;
        reach |= row[j];
        next[j] = reach;
      }
      i += globstar ? 2 : 1;
      while (i < pattern.size() && pattern[i] == '*') ++i;  // "***" is "**"
    } else {
      for (std::size_t j = 0; j < url.size(); ++j) {
        if (row[j] && url[j] == pattern[i]) next[j + 1] = 1;
      }
      ++i;
    }
    row.swap(next);
    if (std::ranges::none_of(row, [](char c) { return c != 0; })) return false;
  }
  return row[url.size()] != 0;
}

bool UrlFilter::skips(std::string_view url) const {
  auto matches = [url](const std::string& p) { return url_matches(p, url); };
  if (std::ranges::any_of(exclude, matches)) return true;
  return !include.empty() && std::ranges::none_of(include, matches);
}

std::string check_url_pattern(std::string& pattern) {
  if (pattern.empty()) return "must not be empty";
  if (pattern.size() > 2000) return "is longer than 2000 characters";
  return "";
}

}  // namespace sitepatrol::config
