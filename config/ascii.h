// ASCII case folding for the protocol words sitepatrol compares: schemes and host names,
// header names and values, tag, attribute, id and class names, file extensions. Only A-Z
// change; every other byte (UTF-8 included) stays as it is, whatever the locale, unlike
// std::tolower.
#pragma once

#include <string>
#include <string_view>

namespace sitepatrol {

inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace sitepatrol
