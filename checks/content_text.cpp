#include "checks/content_text.h"

#include <utf8proc.h>

#include <cstdlib>

#include "checks/utf8.h"

namespace sitepatrol::checks {
namespace {

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x3000 ||
         c == 0xA0;
}

bool ends_sentence(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == '\n' || c == '!' ||
         c == '?' || c == ';';
}

// NFKC without default-ignorable characters; the input unchanged if utf8proc refuses it.
std::string nfkc(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                      UTF8PROC_COMPAT | UTF8PROC_IGNORE);
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  if (n < 0) return std::string(text);
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

}  // namespace

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x323AF);
}

ContentText::ContentText(std::string_view visible_text) {
  const std::vector<char32_t> decoded = decode_utf8(nfkc(visible_text));
  chars_.reserve(decoded.size());
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    const char32_t c = decoded[i];
    if (!is_space(c)) {
      chars_.push_back(c);
      continue;
    }
    std::size_t j = i;
    bool newline = false;
    while (j < decoded.size() && is_space(decoded[j])) newline |= decoded[j++] == '\n';
    const bool between_han =
        !chars_.empty() && is_han(chars_.back()) && j < decoded.size() && is_han(decoded[j]);
    if (!between_han && !chars_.empty() && j < decoded.size())
      chars_.push_back(newline ? '\n' : ' ');
    i = j - 1;
  }
  utf8_.reserve(chars_.size() * 3);
  char_at_.reserve(chars_.size() * 3 + 1);
  for (std::size_t k = 0; k < chars_.size(); ++k) {
    const std::size_t before = utf8_.size();
    append_utf8(utf8_, chars_[k]);
    char_at_.insert(char_at_.end(), utf8_.size() - before, static_cast<std::uint32_t>(k));
  }
  char_at_.push_back(static_cast<std::uint32_t>(chars_.size()));
}

std::string ContentText::slice(std::size_t begin, std::size_t end) const {
  std::string out;
  for (std::size_t k = begin; k < end && k < chars_.size(); ++k) append_utf8(out, chars_[k]);
  return out;
}

std::pair<std::size_t, std::size_t> ContentText::sentence_bounds(std::size_t begin,
                                                                 std::size_t end) const {
  std::size_t from = begin;
  while (from > 0 && begin - from < kMaxSentence && !ends_sentence(chars_[from - 1])) --from;
  std::size_t to = end;
  while (to < chars_.size() && to - end < kMaxSentence && !ends_sentence(chars_[to])) ++to;
  if (to < chars_.size() && chars_[to] != '\n') ++to;  // keep the full stop
  return {from, to};
}

std::string ContentText::sentence(std::size_t begin, std::size_t end, std::size_t reach) const {
  auto [from, to] = sentence_bounds(begin, end);
  std::string out;
  if (begin - from > reach) {
    from = begin - reach;
    out += "…";
  }
  const bool cut = to - end > reach;
  if (cut) to = end + reach;
  out += slice(from, to);
  if (cut) out += "…";
  return out;
}

}  // namespace sitepatrol::checks
