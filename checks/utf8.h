// Small UTF-8 helpers shared by the checks. Pure.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace sitepatrol::checks {

// Characters (code points) in UTF-8 text: every byte that is not a continuation byte.
inline std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::ranges::count_if(
      s, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace sitepatrol::checks
