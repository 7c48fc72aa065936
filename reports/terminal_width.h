// UTF-8 text as a terminal shows it: decoding, display width, sanitising, fitting to columns.
//
// Strings from crawled pages reach the terminal through here. `sanitize_for_terminal` is the
// one gate: it drops C0/C1 controls (ESC included, so a page cannot move the cursor or
// recolour the screen), bidi overrides and other invisible format characters, turns tabs and
// line breaks into spaces, and shows invalid UTF-8 bytes as '?'. The width functions assume
// sanitised text.
//
// Width follows Unicode East Asian Width the way wcwidth(3) does: CJK ideographs, kana,
// Hangul syllables, fullwidth forms and emoji take 2 columns, combining marks 0, everything
// else 1. Ambiguous-width characters count 1, so the formatters' own decorations stay ASCII
// (a CJK terminal may draw "…" or "·" two columns wide).
//
// Pure functions, safe from any thread; `terminal_columns` reads the environment and the tty.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sitepatrol::reports {

struct Utf8Step {
  char32_t code_point = 0;  // U+FFFD when !valid
  std::size_t length = 1;   // bytes consumed, >= 1
  bool valid = true;
};

// Decodes the code point starting at `text[pos]` (pos < text.size()). Overlong forms,
// surrogates and values past U+10FFFF are invalid; an invalid step consumes one byte.
Utf8Step next_code_point(std::string_view text, std::size_t pos);

// Replaces every invalid byte with U+FFFD, so the result is valid UTF-8.
std::string repair_utf8(std::string_view text);

// 0, 1 or 2 columns. Control characters count 0 (they never reach the screen).
int code_point_width(char32_t cp);

// Sum of code_point_width over the text; invalid bytes count 1 (shown as '?').
int display_width(std::string_view utf8);

// See the header comment. Valid UTF-8 in, valid UTF-8 out.
std::string sanitize_for_terminal(std::string_view text);

enum class Elide { end, middle };

// The longest text of display width <= `width`: the text itself when it fits, otherwise cut
// on a character boundary with "..." at the end or (for URLs, whose host and file name both
// matter) in the middle. Input must be sanitised.
std::string truncate_to_width(std::string_view text, int width, Elide where = Elide::end);

// `text` followed by spaces up to display width `width` (never shortens).
std::string pad_to_width(std::string_view text, int width);

// Columns of the terminal on `fd`: $COLUMNS when set to a positive number (the user's
// override), else the tty's size, else 120.
int terminal_columns(int fd);

}  // namespace sitepatrol::reports
