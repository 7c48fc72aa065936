// Text as the content checks read it (issue 13): a page's visible text normalised so that a
// dictionary entry written in its plain form matches however the page wrote it.
//
// NFKC (utf8proc) folds full-width letters and digits and compatibility forms; default-
// ignorable characters (zero-width spaces and joiners, the BOM, soft hyphens) are dropped;
// whitespace between two Chinese characters is dropped (a line break inside a word is
// layout, not text); other runs of whitespace become one space.
//
// ContentText keeps the text as UTF-8 (for the multi-pattern matcher, which works on bytes)
// and as code points (for comparisons character by character), with the map between them.
// Pure; a ContentText is immutable once built.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::checks {

bool is_han(char32_t c);  // a CJK unified ideograph (basic block and extensions A-G)

class ContentText {
 public:
  static constexpr std::size_t kMaxSentence = 300;

  explicit ContentText(std::string_view visible_text);

  const std::string& utf8() const { return utf8_; }
  const std::u32string& chars() const { return chars_; }
  std::size_t size() const { return chars_.size(); }
  // The character index of byte offset `byte` of utf8() (a character boundary, or the end).
  std::size_t char_at(std::size_t byte) const { return char_at_[byte]; }

  // chars [begin, end) as UTF-8.
  std::string slice(std::size_t begin, std::size_t end) const;
  // The sentence holding chars [begin, end): from the previous 。！？；or line end to the
  // next, at most `reach` characters each side (cut with …).
  std::string sentence(std::size_t begin, std::size_t end, std::size_t reach = 30) const;
  // Bounds of that sentence, without the cut, at most kMaxSentence characters each side.
  std::pair<std::size_t, std::size_t> sentence_bounds(std::size_t begin, std::size_t end) const;

 private:
  std::string utf8_;
  std::u32string chars_;
  std::vector<std::uint32_t> char_at_;  // size utf8_.size() + 1
};

}  // namespace sitepatrol::checks
