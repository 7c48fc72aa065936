// The state of one ContentMatcher::scan (checks/content_matcher.h), shared by the files that
// confirm its hits: the text, every occurrence of a dictionary string by role (sorted by
// where it begins), and the hits.
//
// Work is bounded on hostile pages: lookups of the occurrences around a position use binary
// search (no dictionary string is longer than kMaxChars characters), and a page's hits stop
// at kMaxHits.
#pragma once

#include <algorithm>
#include <vector>

#include "checks/content_matcher.h"

namespace sitepatrol::checks {

struct ContentMatcher::Scan {
  static constexpr std::size_t kMaxChars = config::kMaxTermChars;  // the parsers refuse longer
  static constexpr std::size_t kMaxHits = 1000;  // a page with more is reported with these

  const ContentText& text;
  std::vector<std::vector<Occurrence>> by_role;  // indexed by Role, sorted by begin
  std::vector<ContentHit> hits;

  const std::vector<Occurrence>& of(Role role) const {
    return by_role[static_cast<std::size_t>(role)];
  }
  bool full() const { return hits.size() >= kMaxHits; }

  // Calls each(o) for the occurrences of `role` that begin in [from, to].
  template <typename Each>
  bool any_beginning(Role role, std::size_t from, std::size_t to, Each each) const {
    const auto& list = of(role);
    auto it = std::ranges::lower_bound(list, from, {}, &Occurrence::begin);
    for (; it != list.end() && it->begin <= to; ++it) {
      if (each(*it)) return true;
    }
    return false;
  }
  // Any occurrence of `role` overlapping chars [begin, end) for which pred(o) holds.
  template <typename Pred>
  bool any_overlapping(Role role, std::size_t begin, std::size_t end, Pred pred) const {
    const std::size_t from = begin > kMaxChars ? begin - kMaxChars : 0;
    return any_beginning(role, from, end == 0 ? 0 : end - 1,
                         [&](const Occurrence& o) { return o.end > begin && pred(o); });
  }
  // Any occurrence of `role` covering chars [begin, end) for which pred(o) holds.
  template <typename Pred>
  bool any_covering(Role role, std::size_t begin, std::size_t end, Pred pred) const {
    const std::size_t from = begin > kMaxChars ? begin - kMaxChars : 0;
    return any_beginning(role, from, begin,
                         [&](const Occurrence& o) { return o.end >= end && pred(o); });
  }
};

}  // namespace sitepatrol::checks
