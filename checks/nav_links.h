// A site's menu links, each (url, text) kept once. The menu is on every page of the first
// two levels, so keeping it with each page's summary held it hundreds of times over: at
// 1,024 sites in flight, a tenth of the patrol's memory (docs/performance.md).
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace sitepatrol::checks {

struct NavLink {
  std::string url;
  std::string text;
};

class NavLinkTable {
 public:
  NavLinkTable() = default;
  // Summaries point into the table: it is neither copied nor moved.
  NavLinkTable(const NavLinkTable&) = delete;
  NavLinkTable& operator=(const NavLinkTable&) = delete;

  // The one copy of (url, text); stays valid as long as the table.
  const NavLink* add(std::string_view url, std::string_view text);
  std::size_t size() const { return links_.size(); }
  // Forgets every link; only when no summary points into the table any more.
  void clear() {
    index_.clear();
    links_.clear();
    links_.shrink_to_fit();
  }

 private:
  struct Hash {
    std::size_t operator()(const std::pair<std::string_view, std::string_view>& k) const;
  };
  std::deque<NavLink> links_;  // a deque keeps its elements in place as it grows
  std::unordered_map<std::pair<std::string_view, std::string_view>, const NavLink*, Hash> index_;
};

}  // namespace sitepatrol::checks
