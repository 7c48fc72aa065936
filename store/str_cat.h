// str_cat: joins strings and integers into one string, for error messages. (g++ 12's
// libstdc++ has no <format>, and the store does not link fmt.) Pure; any thread.
#pragma once

#include <concepts>
#include <string>
#include <string_view>

namespace sitepatrol::store {

namespace detail {

inline void append(std::string& out, std::string_view part) { out.append(part); }

template <std::integral Int>
requires(!std::same_as<Int, char> && !std::same_as<Int, bool>) void append(std::string& out,
                                                                           Int part) {
  out.append(std::to_string(part));
}

}  // namespace detail

template <class... Parts>
std::string str_cat(const Parts&... parts) {
  std::string out;
  (detail::append(out, parts), ...);
  return out;
}

}  // namespace sitepatrol::store
