#include "store/valid_utf8.h"

#include "config/utf8.h"

namespace sitepatrol::store {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// The length of the valid, non-NUL UTF-8 sequence at `at`, or 0.
std::size_t sequence_at(std::string_view text, std::size_t at) {
  return text[at] == '\0' ? 0 : utf8_sequence(text, at);
}

}  // namespace

bool is_storable_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = sequence_at(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string storable_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = sequence_at(text, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace sitepatrol::store
