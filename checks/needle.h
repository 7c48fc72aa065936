// Needle: a fixed word to find in page text, searched by Boyer-Moore-Horspool.
//
// std::string_view::find looks for the word's first byte with memchr and compares from each
// hit. In Chinese text the first byte of a Chinese word (0xE4..0xE9) begins most characters,
// so it compares at nearly every character of the page. Horspool's search steps by up to the
// word's length (12 bytes for a four-character word) instead. Made once, searched often.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string_view>

namespace sitepatrol::checks {

class Needle {
 public:
  // `word` must outlive the needle: the searcher keeps pointers into it (the checks pass
  // string literals).
  explicit Needle(std::string_view word) : word_(word), searcher_(word.begin(), word.end()) {}

  std::string_view word() const { return word_; }
  std::size_t size() const { return word_.size(); }

  // Where the word first occurs in `text` at or after `from`; npos when it does not.
  std::size_t find_in(std::string_view text, std::size_t from = 0) const {
    if (from > text.size()) return std::string_view::npos;
    const auto it =
        std::search(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), searcher_);
    return it == text.end() && !word_.empty() ? std::string_view::npos
                                              : static_cast<std::size_t>(it - text.begin());
  }

 private:
  std::string_view word_;
  std::boyer_moore_horspool_searcher<std::string_view::const_iterator> searcher_;
};

}  // namespace sitepatrol::checks
