// A hash of strings that lets an unordered container of std::string be searched with a
// std::string_view (or a literal), without building a key string for the lookup. Use with
// std::equal_to<> as the key-equal.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace sitepatrol::config {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace sitepatrol::config
