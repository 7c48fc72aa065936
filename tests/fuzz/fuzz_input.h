// Splitting one fuzzer input into the several strings a parser takes.
//
// libFuzzer hands a target one byte buffer. Targets that need two inputs (a base URL and a
// reference, a Content-Type and a body, a selector chain and a style sheet) take the first
// line as the first and the rest as the second, so the seeds stay readable text files.
// Views into the fuzzer's buffer; no ownership, no threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace sitepatrol::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// {first line without its '\n', the rest}; {text, ""} when there is no '\n'.
inline std::pair<std::string_view, std::string_view> first_line_and_rest(std::string_view text) {
  auto nl = text.find('\n');
  if (nl == std::string_view::npos) return {text, {}};
  return {text.substr(0, nl), text.substr(nl + 1)};
}

}  // namespace sitepatrol::fuzz
