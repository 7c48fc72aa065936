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

// NFKC without default-ignorable characters, by utf8proc; the input unchanged if utf8proc
// refuses it.
std::vector<char32_t> nfkc_by_utf8proc(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                      UTF8PROC_COMPAT | UTF8PROC_IGNORE);
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  if (n < 0) return decode_utf8(text);
  std::vector<char32_t> result =
      decode_utf8(std::string_view(reinterpret_cast<const char*>(out), static_cast<size_t>(n)));
  std::free(out);
  return result;
}

// What NFKC makes of `c` when that is simple: itself (ASCII, CJK ideographs, and any
// character with no decomposition that neither combines nor is ignorable), its ASCII twin
// (full-width forms), a space (U+3000), or nothing (zero-width characters, 0). U+FFFD for any
// other character: the caller then leaves the whole text to utf8proc.
char32_t simple_nfkc(char32_t c) {
  if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF)) return c;
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  if (c == 0x3000) return ' ';
  if ((c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF || c == 0xAD) return 0;
  if (c > 0x10FFFF) return 0xFFFD;
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
  constexpr utf8proc_uint16_t kNone = UINT16_MAX;
  const bool stable = p->decomp_seqindex == kNone && p->comb_index == kNone && !p->ignorable &&
                      p->combining_class == 0 && !(c >= 0x1100 && c <= 0x11FF);  // Hangul jamo
  return stable ? c : 0xFFFD;
}

// NFKC without default-ignorable characters: a pass of simple_nfkc, or utf8proc when the text
// holds a character that needs it (①, compatibility ideographs, accented letters …).
std::vector<char32_t> nfkc(std::string_view text) {
  std::vector<char32_t> out = decode_utf8(text);
  std::size_t kept = 0;
  for (const char32_t c : out) {
    const char32_t simple = simple_nfkc(c);
    if (simple == 0xFFFD) return nfkc_by_utf8proc(text);
    if (simple != 0) out[kept++] = simple;
  }
  out.resize(kept);
  return out;
}

}  // namespace

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x323AF);
}

ContentText::ContentText(std::string_view visible_text) {
  const std::vector<char32_t> decoded = nfkc(visible_text);
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
  // Encoded in place (the characters are valid: decode_utf8 made U+FFFD of the rest).
  utf8_.resize(chars_.size() * 4);
  char_at_.resize(chars_.size() * 4 + 1);
  std::size_t n = 0;
  for (std::uint32_t k = 0; k < chars_.size(); ++k) {
    const char32_t c = chars_[k];
    const std::size_t len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    static constexpr unsigned char kLead[] = {0, 0, 0xC0, 0xE0, 0xF0};
    for (std::size_t i = len - 1; i > 0; --i) {
      utf8_[n + i] = static_cast<char>(0x80 | ((c >> (6 * (len - 1 - i))) & 0x3F));
    }
    utf8_[n] = static_cast<char>(len == 1 ? c : (kLead[len] | (c >> (6 * (len - 1)))));
    std::fill_n(char_at_.begin() + static_cast<std::ptrdiff_t>(n), len, k);
    n += len;
  }
  utf8_.resize(n);
  char_at_.resize(n + 1);
  char_at_[n] = static_cast<std::uint32_t>(chars_.size());
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
