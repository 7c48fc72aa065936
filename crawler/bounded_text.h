// BoundedText: text gathered up to a byte budget, for the attachment readers
// (crawler/attachment_text.h). What goes past the budget is dropped, the cut falls on a UTF-8
// character boundary, and `full()` tells the reader it may stop reading. A plain value owned
// by one reader on one thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sitepatrol::crawler {

class BoundedText {
 public:
  explicit BoundedText(std::size_t max_bytes) : max_(max_bytes) {}

  // Appends `piece`, or as much of it as the budget leaves (whole characters only).
  void append(std::string_view piece) {
    if (cut_) return;
    if (text_.size() + piece.size() <= max_) {
      text_.append(piece);
      return;
    }
    std::size_t keep = max_ - text_.size();
    // Back off to the start of a character: continuation bytes are 10xxxxxx.
    while (keep > 0 && (static_cast<unsigned char>(piece[keep]) & 0xC0) == 0x80) --keep;
    text_.append(piece.substr(0, keep));
    cut_ = true;
  }
  void append(char c) { append(std::string_view(&c, 1)); }
  // A line break, unless the text is empty or already ends with one: empty paragraphs and
  // rows do not pile up.
  void end_line() {
    if (!text_.empty() && text_.back() != '\n') append('\n');
  }

  bool full() const { return cut_; }
  std::size_t size() const { return text_.size(); }
  std::string take() { return std::move(text_); }

 private:
  std::size_t max_;
  std::string text_;
  bool cut_ = false;
};

}  // namespace sitepatrol::crawler
