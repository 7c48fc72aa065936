// Reading "%XX" escapes, for every place that decodes a URL or a form: the byte an escape
// stands for, or none when the three characters are not one. Pure; any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace sitepatrol::checks {

// 0-15 for a hexadecimal digit (either case), -1 otherwise.
constexpr int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The byte of the "%XX" at `at` of `s`; nullopt when `s[at]` does not begin one.
constexpr std::optional<unsigned char> escaped_byte(std::string_view s, std::size_t at) {
  if (at + 2 >= s.size() || s[at] != '%') return std::nullopt;
  const int hi = hex_digit(s[at + 1]), lo = hex_digit(s[at + 2]);
  if (hi < 0 || lo < 0) return std::nullopt;
  return static_cast<unsigned char>(hi * 16 + lo);
}

}  // namespace sitepatrol::checks
