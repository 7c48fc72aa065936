// The state of one ContentMatcher::scan (checks/content_matcher.h), shared by the files that
// confirm its hits: the text, every occurrence of a dictionary string by role, and the hits.
#pragma once

#include <vector>

#include "checks/content_matcher.h"

namespace sitepatrol::checks {

struct ContentMatcher::Scan {
  const ContentText& text;
  std::vector<std::vector<Occurrence>> by_role;  // indexed by Role
  std::vector<ContentHit> hits;

  const std::vector<Occurrence>& of(Role role) const {
    return by_role[static_cast<std::size_t>(role)];
  }
  // Is chars [begin, end) inside an occurrence of `role` whose entry is `entry`?
  bool covered(Role role, std::size_t entry, std::size_t begin, std::size_t end,
               const std::vector<Pattern>& patterns) const {
    for (const Occurrence& o : of(role)) {
      if (patterns[o.pattern].entry == entry && o.begin <= begin && end <= o.end) return true;
    }
    return false;
  }
};

}  // namespace sitepatrol::checks
