// Whether a reader can see an element's content, from the styles the page itself carries.
//
// The parser (crawler/html.cpp) walks the document; for each element it gathers the
// declarations that apply (presentational attributes, then the page's <style> rules by
// precedence, then the inline style: ElementStyle), and descend() turns the parent's state
// and those into the element's. text_hiding()/link_hiding() then say whether, and by which
// technique, the content is hidden. SEC-DARKLINK (darklink.h) reads the verdicts.
//
// Techniques, and what counts (each has a test in tests/checks/visibility_test.cpp):
//  - display:none; the `hidden` attribute (unless a display is declared).
//  - visibility:hidden|collapse (a descendant saying visibility:visible is seen again).
//  - opacity (or filter: opacity()/alpha(opacity=)) of at most 0.05.
//  - font-size of at most 1px (0 in any unit; em/% of a zero parent stay zero; an absolute
//    size on a descendant shows it again).
//  - width, height, max-width or max-height of at most 1px together with overflow other than
//    visible (on inline elements width and height do not apply unless display, float or
//    position makes them boxes).
//  - text-indent of -999px or less (any unit; -100em, -9999) or 5000px or more, or -100%.
//  - position absolute/fixed/relative with left or top at -500px or less, left or right at
//    5000px or more, or right at -5000px or less; left/top at -100% or less; margin-left or
//    margin-top at -3000px or less whatever the position.
//  - clip: rect() with no area (rect(0 0 0 0), rect(1px,1px,1px,1px)); clip-path: inset()
//    of 50% or more, circle(0), ellipse(0 0).
//  - color:transparent, or the text colour within 8 of each channel of the nearest declared
//    background colour (own or ancestor's; a background image in between makes it unknown).
//    Only backgrounds the page declares count: the default white canvas is not assumed,
//    because external stylesheets we do not read often paint the background.
//  - <marquee> out of view: width or height of at most 1 (attribute or style), scrollamount
//    0 (content starts outside the box and never moves in; "alternate" excepted) or of 1000
//    or more (it crosses the box in one step), or scrolldelay of 10000 ms or more.
// aria-hidden does not count: it hides from screen readers, not from eyes.
//
// Text-only techniques (font-size, text-indent, colours) hide text but not a box with a
// background image, nor (except text-indent) an <img>: the image-replacement idiom
// (<a style="text-indent:-9999px; background:url(logo.png)">) is a visible link.
//
// Pure functions and plain values; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "checks/css_declarations.h"
#include "checks/css_values.h"

namespace sitepatrol::checks {

enum class StyleProperty : std::uint8_t {
  display,
  visibility,
  opacity,
  filter,
  font_size,
  width,
  height,
  max_width,
  max_height,
  overflow,
  overflow_x,
  overflow_y,
  text_indent,
  position,
  float_,
  left,
  top,
  right,
  bottom,
  margin,
  margin_left,
  margin_top,
  clip,
  clip_path,
  color,
  background,
  background_color,
  background_image,
  count_
};

std::optional<StyleProperty> style_property(std::string_view name);

// PropertyFilter for parse_declarations/Stylesheet::add: the properties above.
bool is_visibility_property(std::string_view name);

// The visibility-relevant declarations on one element after the cascade. Holds views into
// the declarations applied; they must outlive its use.
class ElementStyle {
 public:
  // Apply in increasing precedence (presentational hints, sheet rules, inline style): a later
  // declaration wins unless the earlier one is !important and it is not.
  void apply(const Declaration& d);
  void apply(std::string_view property, std::string_view value, bool important = false);

  std::optional<std::string_view> get(StyleProperty p) const;
  bool empty() const { return empty_; }

 private:
  struct Slot {
    std::string_view value;
    bool set = false;
    bool important = false;
  };
  std::array<Slot, static_cast<std::size_t>(StyleProperty::count_)> slots_{};
  bool empty_ = true;
};

enum class Technique : std::uint8_t {
  none,
  display_none,
  hidden_attribute,
  visibility_hidden,
  opacity,
  zero_size,
  clip,
  off_screen,
  marquee,
  font_size_zero,
  text_indent,
  transparent_text,
  color_as_background,
};

// "display:none", "hidden attribute", "visibility:hidden", "opacity:0",
// "zero size with overflow:hidden", "clip to nothing", "positioned off-screen",
// "marquee out of view", "font-size:0", "text-indent off-screen", "color:transparent",
// "color same as background".
std::string_view to_string(Technique t);

// The attributes of a <marquee> that decide whether it ever shows its content.
struct MarqueeAttributes {
  std::string_view width{}, height{}, scrollamount{}, scrolldelay{}, behavior{};
};

bool marquee_hides(const MarqueeAttributes& m, const ElementStyle& style);

// What the parser knows of an element besides its style.
struct ElementFacts {
  std::uint32_t id = 0;  // the caller's name for it; must grow with depth (the depth)
  bool hidden_attribute = false;
  bool link = false;                           // a[href]: takes the link colour, not the parent's
  bool inline_box = false;                     // inline by default (a, span, font, b, ...)
  const MarqueeAttributes* marquee = nullptr;  // set for <marquee>
};

// An element's visibility, passed from parent to child. Origins are ElementFacts ids.
struct VisibilityState {
  Technique box = Technique::none;  // hides the subtree whatever descendants say
  std::uint32_t box_origin = 0;
  bool invisible = false;  // visibility:hidden in effect
  std::uint32_t invisible_origin = 0;
  bool font_zero = false;
  std::uint32_t font_origin = 0;
  bool indent_off = false;
  std::uint32_t indent_origin = 0;
  enum class Paint : std::uint8_t { unknown, color, transparent, image };
  Paint color = Paint::unknown;  // text colour (image unused)
  Rgb color_rgb;
  std::uint32_t color_origin = 0;
  Paint backdrop = Paint::unknown;  // nearest declared background (transparent unused)
  Rgb backdrop_rgb;
  std::uint32_t backdrop_origin = 0;
  bool has_image = false;  // a background image on this element or an ancestor
  std::uint32_t image_origin = 0;
};

// The element's state from its parent's (a default VisibilityState for the root).
VisibilityState descend(const VisibilityState& parent, const ElementStyle& style,
                        const ElementFacts& facts);

struct Hiding {
  Technique technique = Technique::none;
  std::uint32_t origin = 0;  // the element whose style hides it
  explicit operator bool() const { return technique != Technique::none; }
};

// Whether text directly inside an element in state `s` is hidden.
Hiding text_hiding(const VisibilityState& s);

// Whether a link element in state `s` is hidden; `shows_image` when it holds a visible <img>.
Hiding link_hiding(const VisibilityState& s, bool shows_image);

}  // namespace sitepatrol::checks
