// Reading single CSS values: lengths and colours, as the visibility rules need them.
//
// Values arrive lower-cased with comments stripped (css_declarations.h). Anything this does
// not understand (calc(), var(), env(), unknown units or names) is nullopt: the visibility
// rules then draw no conclusion, so garbage CSS can only make a link look visible, never
// hidden. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sitepatrol::checks {

enum class LengthUnit { px, em, rem, pt, pc, in, cm, mm, ex, ch, vw, vh, percent };

struct Length {
  double value = 0;
  LengthUnit unit = LengthUnit::px;

  bool is_zero() const { return value == 0; }
  // In CSS pixels, with 1em = 16px and a 1366x768 viewport; nullopt for percentages, whose
  // base depends on the layout.
  std::optional<double> px() const;
};

// "-9999px", "0", "1.5em", "+3pt", "-100%". A unitless number is taken as pixels (quirks
// mode, which most of these pages render in).
std::optional<Length> parse_length(std::string_view value);

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

struct Color {
  Rgb rgb;
  bool transparent = false;  // alpha of at most 0.05 ("transparent", rgba(..., 0), #fff0)
};

// "#fff", "#ffffff", "#ffff", "#ffffffff", "white", "rgb(255,255,255)", "rgb(100% 100% 100%)",
// "rgba(0,0,0,0)", "hsl(0, 0%, 100%)", "transparent". nullopt for what is not a colour
// (including "inherit" and "currentcolor": the caller resolves those).
std::optional<Color> parse_color(std::string_view value);

// A colour attribute (<font color>, bgcolor, <body text>), lower-cased: as parse_color, and
// also the bare hex digits old pages write ("ffffff", "fff").
std::optional<Color> parse_legacy_color(std::string_view value);

// What a `background` shorthand paints: "#fff" a colour, "url(x.png) #fff no-repeat" or a
// gradient an image (text on it may show whatever the colour), "none" or "no-repeat" nothing
// (the parent's background shows through), and a token we cannot read ("var(--bg)", a colour
// name outside our table) something unknown.
struct Background {
  enum class Kind { none, color, image, unknown } kind = Kind::none;
  Color color;
};
Background parse_background(std::string_view shorthand);

// True when `a` and `b` look the same to a reader: no channel differs by more than 8.
bool colors_indistinguishable(Rgb a, Rgb b);

// Splits a value at top-level white space and commas, skipping parenthesised groups' insides:
// "rect(0 0 0 0) x" -> "rect(0 0 0 0)", "x". Calls `token` for each part.
template <typename Fn>
void for_each_css_token(std::string_view value, Fn token) {
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == ',' || value[i] == '\t' ||
                                value[i] == '\n' || value[i] == '\r' || value[i] == '\f')) {
      ++i;
    }
    if (i >= value.size()) break;
    std::size_t start = i;
    int depth = 0;
    for (; i < value.size(); ++i) {
      char c = value[i];
      if (c == '(') ++depth;
      if (c == ')' && depth > 0) --depth;
      if (depth == 0 &&
          (c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
        break;
      }
    }
    token(value.substr(start, i - start));
  }
}

}  // namespace sitepatrol::checks
