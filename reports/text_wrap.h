// Wrapping terminal text to a display width: the findings table's DETAIL column.
//
// Greedy, by display width (terminal_width.h: CJK counts 2). A line breaks after a space,
// or between two characters either of which is wide (Chinese text has no spaces), or, for a
// run with no such place (a long token, a URL), where the width is reached. The spaces at a
// break are dropped. Input must be sanitised (no control characters). Pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::reports {

// Lines of display width <= `width` (>= 1); at least one line, "" for empty text.
std::vector<std::string> wrap_to_width(std::string_view text, int width);

}  // namespace sitepatrol::reports
