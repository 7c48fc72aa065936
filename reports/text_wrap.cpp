#include "reports/text_wrap.h"

#include <algorithm>

#include "reports/terminal_width.h"

namespace sitepatrol::reports {

namespace {

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string> wrap_to_width(std::string_view text, int width) {
  width = std::max(width, 2);  // a wide character must fit
  std::vector<std::string> lines;
  text = trim_spaces(text);
  while (display_width(text) > width) {
    std::size_t pos = 0;
    std::size_t fits = 0;  // bytes of the longest prefix within width
    std::size_t best = 0;  // the last break opportunity within width (a byte offset)
    int used = 0;
    int previous_width = 0;
    while (pos < text.size()) {
      const Utf8Step step = next_code_point(text, pos);
      const int w = step.valid ? code_point_width(step.code_point) : 1;
      if (used + w > width) break;
      // Before this character: after a space, or next to a wide character.
      if (pos > 0 && (text[pos - 1] == ' ' || w == 2 || previous_width == 2)) best = pos;
      used += w;
      previous_width = w;
      pos += step.length;
      fits = pos;
    }
    // The character that did not fit may itself start a line (a space, or next to a wide one).
    if (pos < text.size() && pos > 0) {
      const Utf8Step next = next_code_point(text, pos);
      const bool wide = next.valid && code_point_width(next.code_point) == 2;
      if (text[pos] == ' ' || wide || previous_width == 2) best = pos;
    }
    const std::size_t cut = best > 0 ? best : std::max<std::size_t>(fits, 1);
    lines.emplace_back(trim_spaces(text.substr(0, cut)));
    text = trim_spaces(text.substr(cut));
  }
  lines.emplace_back(text);
  return lines;
}

}  // namespace sitepatrol::reports
