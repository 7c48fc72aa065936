#include "checks/nav_links.h"

#include <functional>

namespace sitepatrol::checks {

std::size_t NavLinkTable::Hash::operator()(
    const std::pair<std::string_view, std::string_view>& k) const {
  const std::size_t h = std::hash<std::string_view>{}(k.first);
  return h ^
         (std::hash<std::string_view>{}(k.second) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
}

const NavLink* NavLinkTable::add(std::string_view url, std::string_view text) {
  if (auto it = index_.find({url, text}); it != index_.end()) return it->second;
  const NavLink& link = links_.emplace_back(NavLink{std::string(url), std::string(text)});
  index_.emplace(std::pair<std::string_view, std::string_view>(link.url, link.text), &link);
  return &link;
}

}  // namespace sitepatrol::checks
