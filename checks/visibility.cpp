#include "checks/visibility.h"

#include <algorithm>
#include <charconv>

namespace sitepatrol::checks {
namespace {

using P = StyleProperty;

constexpr std::array<std::string_view, static_cast<std::size_t>(P::count_)> kPropertyNames = {
    "display",
    "visibility",
    "opacity",
    "filter",
    "font-size",
    "width",
    "height",
    "max-width",
    "max-height",
    "overflow",
    "overflow-x",
    "overflow-y",
    "text-indent",
    "position",
    "float",
    "left",
    "top",
    "right",
    "bottom",
    "margin",
    "margin-left",
    "margin-top",
    "clip",
    "clip-path",
    "color",
    "background",
    "background-color",
    "background-image"};

// Thresholds (see the header).
constexpr double kMaxOpacity = 0.05;
constexpr double kTinyPx = 1;
constexpr double kIndentLeft = -999;
constexpr double kFarRight = 5000;
constexpr double kOffsetLeft = -500;
constexpr double kMarginLeft = -3000;
constexpr double kDefaultFontPx = 16;
constexpr int kMarqueeFastAmount = 1000;
constexpr int kMarqueeSlowDelayMs = 10000;
constexpr Rgb kLinkBlue = {0, 0, 238};

std::optional<double> px_of(std::optional<std::string_view> v) {
  if (!v) return std::nullopt;
  auto len = parse_length(*v);
  if (!len) return std::nullopt;
  if (len->is_zero()) return 0.0;
  return len->px();
}

std::optional<double> percent_of(std::optional<std::string_view> v) {
  if (!v) return std::nullopt;
  auto len = parse_length(*v);
  if (!len || len->unit != LengthUnit::percent) return std::nullopt;
  return len->value;
}

bool tiny(std::optional<std::string_view> v) {
  if (!v) return false;
  auto len = parse_length(*v);
  if (!len) return false;
  if (len->value <= 0) return true;
  auto px = len->px();
  return px && *px <= kTinyPx;
}

std::optional<double> number(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end == s.data()) return std::nullopt;
  if (end < s.data() + s.size() && *end == '%') v /= 100;
  return v;
}

bool transparent_by_opacity(const ElementStyle& st) {
  if (auto o = st.get(P::opacity)) {
    if (auto v = number(*o); v && *v <= kMaxOpacity) return true;
  }
  if (auto f = st.get(P::filter)) {
    // filter: opacity(0) and the old IE filter: alpha(opacity=0)
    if (auto at = f->find("opacity("); at != std::string_view::npos) {
      if (auto v = number(f->substr(at + 8)); v && *v <= kMaxOpacity) return true;
    }
    if (auto at = f->find("opacity="); at != std::string_view::npos) {
      if (auto v = number(f->substr(at + 8)); v && *v <= kMaxOpacity * 100) return true;
    }
  }
  return false;
}

bool box_display(std::string_view display) {
  return display != "inline" && display != "contents" && display != "none";
}

bool zero_size(const ElementStyle& st, const ElementFacts& facts) {
  auto overflow_clips = [&](P p) {
    auto v = st.get(p);
    return v && !v->empty() && !v->starts_with("visible");
  };
  if (!overflow_clips(P::overflow) && !overflow_clips(P::overflow_x) &&
      !overflow_clips(P::overflow_y)) {
    return false;
  }
  if (!tiny(st.get(P::width)) && !tiny(st.get(P::height)) && !tiny(st.get(P::max_width)) &&
      !tiny(st.get(P::max_height))) {
    return false;
  }
  if (!facts.inline_box) return true;
  auto display = st.get(P::display);
  auto position = st.get(P::position);
  auto floating = st.get(P::float_);
  return (display && box_display(*display)) ||
         (position && (*position == "absolute" || *position == "fixed")) ||
         (floating && *floating != "none");
}

bool far_off(std::optional<std::string_view> v, bool left_or_top, bool horizontal) {
  if (auto pct = percent_of(v)) return left_or_top && *pct <= -100;
  auto px = px_of(v);
  if (!px) return false;
  if (left_or_top) return *px <= kOffsetLeft || (horizontal && *px >= kFarRight);
  return *px >= kFarRight || (horizontal && *px <= -kFarRight);
}

// margin: 1 to 4 lengths (top right bottom left): the top and the left one.
void margin_top_left(std::string_view margin, std::optional<std::string_view>& top,
                     std::optional<std::string_view>& left) {
  std::array<std::string_view, 4> parts;
  std::size_t n = 0;
  for_each_css_token(margin, [&](std::string_view t) {
    if (n < parts.size()) parts[n] = t;
    ++n;
  });
  if (n == 0 || n > 4) return;
  top = parts[0];
  left = n == 1 ? parts[0] : (n <= 3 ? parts[1] : parts[3]);
}

bool off_screen(const ElementStyle& st) {
  auto position = st.get(P::position);
  if (position && (*position == "absolute" || *position == "fixed" || *position == "relative")) {
    if (far_off(st.get(P::left), true, true) || far_off(st.get(P::top), true, false) ||
        far_off(st.get(P::right), false, true) || far_off(st.get(P::bottom), false, false)) {
      return true;
    }
  }
  std::optional<std::string_view> mtop, mleft;
  if (auto m = st.get(P::margin)) margin_top_left(*m, mtop, mleft);
  if (auto m = st.get(P::margin_top)) mtop = m;
  if (auto m = st.get(P::margin_left)) mleft = m;
  auto far = [](std::optional<std::string_view> v) {
    auto px = px_of(v);
    return px && *px <= kMarginLeft;
  };
  return far(mtop) || far(mleft);
}

// clip: rect(top right bottom left) enclosing no area ("auto" edges enclose everything);
// clip-path: inset() of half or more from each side, or a circle/ellipse of radius 0.
bool clipped_away(const ElementStyle& st) {
  if (auto clip = st.get(P::clip); clip && clip->starts_with("rect(") && clip->ends_with(")")) {
    std::array<std::optional<double>, 4> edge;
    std::size_t n = 0;
    for_each_css_token(clip->substr(5, clip->size() - 6), [&](std::string_view t) {
      if (n < edge.size()) edge[n] = px_of(t);
      ++n;
    });
    if (n == 4) {
      bool flat = edge[0] && edge[2] && *edge[2] - *edge[0] <= kTinyPx;
      bool thin = edge[1] && edge[3] && *edge[1] - *edge[3] <= kTinyPx;
      if (flat || thin) return true;
    }
  }
  if (auto path = st.get(P::clip_path)) {
    if (path->starts_with("inset(")) {
      if (auto pct = percent_of(path->substr(6, path->find_first_of(" )", 6) - 6)))
        return *pct >= 50;
    }
    if (path->starts_with("circle(") || path->starts_with("ellipse(")) {
      std::size_t open = path->find('(');
      bool all_zero = true;
      std::size_t n = 0;
      for_each_css_token(path->substr(open + 1, path->find_first_of(")a", open) - open - 1),
                         [&](std::string_view t) {
                           auto len = parse_length(t);
                           all_zero = all_zero && len && len->is_zero();
                           ++n;
                         });
      return n > 0 && all_zero;
    }
  }
  return false;
}

Technique box_technique(const ElementStyle& st, const ElementFacts& facts) {
  if (auto display = st.get(P::display)) {
    if (*display == "none") return Technique::display_none;
  } else if (facts.hidden_attribute) {
    return Technique::hidden_attribute;
  }
  if (transparent_by_opacity(st)) return Technique::opacity;
  if (zero_size(st, facts)) return Technique::zero_size;
  if (clipped_away(st)) return Technique::clip;
  if (off_screen(st)) return Technique::off_screen;
  if (facts.marquee && marquee_hides(*facts.marquee, st)) return Technique::marquee;
  return Technique::none;
}

// font-size: nullopt when the element keeps its parent's verdict.
std::optional<bool> font_zero(std::string_view v, bool parent_zero) {
  if (v == "inherit" || v == "smaller") return std::nullopt;
  auto len = parse_length(v);
  if (!len) return false;  // keywords (small, medium, ...) are absolute sizes
  if (len->value <= 0) return true;
  switch (len->unit) {
    case LengthUnit::em:
    case LengthUnit::ex:
    case LengthUnit::ch:
      if (parent_zero) return true;
      return *len->px() <= kTinyPx;
    case LengthUnit::percent:
      return parent_zero || len->value * kDefaultFontPx / 100 <= kTinyPx;
    default: {
      auto px = len->px();
      return px && *px <= kTinyPx;
    }
  }
}

// text-indent: true when it pushes the text off-screen.
bool indent_off(std::string_view v) {
  auto len = parse_length(v);
  if (!len) return false;
  if (len->unit == LengthUnit::percent) return len->value <= -100;
  auto px = len->px();
  return px && (*px <= kIndentLeft || *px >= kFarRight);
}

void set_backdrop(VisibilityState& s, VisibilityState::Paint paint, Rgb rgb, std::uint32_t id) {
  s.backdrop = paint;
  s.backdrop_rgb = rgb;
  s.backdrop_origin = id;
  if (paint == VisibilityState::Paint::image) {
    s.has_image = true;
    s.image_origin = id;
  }
}

bool keeps_parent(std::string_view v) {
  return v == "inherit" || v == "initial" || v == "unset" || v == "none";
}

void paint(VisibilityState& s, const ElementStyle& st, const ElementFacts& facts) {
  using Paint = VisibilityState::Paint;
  std::optional<std::string_view> color = st.get(P::color);
  if (color && *color != "inherit" && *color != "currentcolor") {
    auto c = parse_color(*color);
    s.color = !c ? Paint::unknown : (c->transparent ? Paint::transparent : Paint::color);
    if (c) s.color_rgb = c->rgb;
    s.color_origin = facts.id;
  } else if (facts.link && !color) {
    s.color = Paint::color;
    s.color_rgb = kLinkBlue;
    s.color_origin = facts.id;
  }
  // background, then background-color and background-image, which refine it; a colour set
  // in one and an image in another make an image.
  bool image = false;
  if (auto bg = st.get(P::background)) {
    Background b = parse_background(*bg);
    if (b.kind == Background::Kind::image) {
      image = true;
    } else if (b.kind == Background::Kind::color) {
      set_backdrop(s, Paint::color, b.color.rgb, facts.id);
    } else if (b.kind == Background::Kind::unknown) {
      set_backdrop(s, Paint::unknown, {}, facts.id);
    }
  }
  if (auto bg = st.get(P::background_color); bg && !keeps_parent(*bg)) {
    auto c = parse_color(*bg);
    if (!c) {
      set_backdrop(s, Paint::unknown, {}, facts.id);
    } else if (!c->transparent) {
      set_backdrop(s, Paint::color, c->rgb, facts.id);
    }
  }
  if (auto bg = st.get(P::background_image); bg && !keeps_parent(*bg)) image = true;
  if (image) set_backdrop(s, Paint::image, {}, facts.id);
}

}  // namespace

std::optional<StyleProperty> style_property(std::string_view name) {
  for (std::size_t i = 0; i < kPropertyNames.size(); ++i) {
    if (kPropertyNames[i] == name) return static_cast<StyleProperty>(i);
  }
  return std::nullopt;
}

bool is_visibility_property(std::string_view name) { return style_property(name).has_value(); }

void ElementStyle::apply(const Declaration& d) { apply(d.property, d.value, d.important); }

void ElementStyle::apply(std::string_view property, std::string_view value, bool important) {
  auto p = style_property(property);
  if (!p) return;
  Slot& slot = slots_[static_cast<std::size_t>(*p)];
  if (slot.set && slot.important && !important) return;
  slot = {value, true, important};
  empty_ = false;
}

std::optional<std::string_view> ElementStyle::get(StyleProperty p) const {
  const Slot& slot = slots_[static_cast<std::size_t>(p)];
  if (!slot.set) return std::nullopt;
  return slot.value;
}

std::string_view to_string(Technique t) {
  switch (t) {
    case Technique::none:
      return "visible";
    case Technique::display_none:
      return "display:none";
    case Technique::hidden_attribute:
      return "hidden attribute";
    case Technique::visibility_hidden:
      return "visibility:hidden";
    case Technique::opacity:
      return "opacity:0";
    case Technique::zero_size:
      return "zero size with overflow:hidden";
    case Technique::clip:
      return "clip to nothing";
    case Technique::off_screen:
      return "positioned off-screen";
    case Technique::marquee:
      return "marquee out of view";
    case Technique::font_size_zero:
      return "font-size:0";
    case Technique::text_indent:
      return "text-indent off-screen";
    case Technique::transparent_text:
      return "color:transparent";
    case Technique::color_as_background:
      return "color same as background";
  }
  return "?";
}

bool marquee_hides(const MarqueeAttributes& m, const ElementStyle& style) {
  if (tiny(m.width.empty() ? std::nullopt : std::optional(m.width)) ||
      tiny(m.height.empty() ? std::nullopt : std::optional(m.height)) ||
      tiny(style.get(P::width)) || tiny(style.get(P::height))) {
    return true;
  }
  // A count too large for `long` is simply large.
  auto integer = [](std::string_view s) -> std::optional<long> {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    long v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (end == s.data()) return std::nullopt;
    if (ec == std::errc::result_out_of_range) return s.front() == '-' ? -1L : kMarqueeFastAmount;
    return v;
  };
  bool alternate = m.behavior.find("alternate") != std::string_view::npos;
  if (auto amount = integer(m.scrollamount)) {
    if ((*amount == 0 && !alternate) || *amount >= kMarqueeFastAmount) return true;
  }
  if (auto delay = integer(m.scrolldelay); delay && *delay >= kMarqueeSlowDelayMs) return true;
  return false;
}

VisibilityState descend(const VisibilityState& parent, const ElementStyle& style,
                        const ElementFacts& facts) {
  VisibilityState s = parent;
  if (s.box == Technique::none) {
    Technique t = box_technique(style, facts);
    if (t != Technique::none) {
      s.box = t;
      s.box_origin = facts.id;
    }
  }
  if (style.empty() && !facts.link) return s;
  // For the inherited verdicts, the origin moves only when the verdict changes, so a hidden
  // block names the element that hid it, not a descendant repeating it.
  auto verdict = [&](bool& flag, std::uint32_t& origin, bool value) {
    if (value != flag) origin = facts.id;
    flag = value;
  };
  if (auto v = style.get(P::visibility); v && *v != "inherit") {
    verdict(s.invisible, s.invisible_origin, *v == "hidden" || *v == "collapse");
  }
  if (auto v = style.get(P::font_size)) {
    if (auto zero = font_zero(*v, parent.font_zero)) verdict(s.font_zero, s.font_origin, *zero);
  }
  if (auto v = style.get(P::text_indent); v && *v != "inherit") {
    verdict(s.indent_off, s.indent_origin, indent_off(*v));
  }
  paint(s, style, facts);
  return s;
}

Hiding text_hiding(const VisibilityState& s) {
  using Paint = VisibilityState::Paint;
  if (s.box != Technique::none) return {s.box, s.box_origin};
  if (s.invisible) return {Technique::visibility_hidden, s.invisible_origin};
  if (s.font_zero) return {Technique::font_size_zero, s.font_origin};
  if (s.indent_off) return {Technique::text_indent, s.indent_origin};
  if (s.color == Paint::transparent) return {Technique::transparent_text, s.color_origin};
  if (s.color == Paint::color && s.backdrop == Paint::color &&
      colors_indistinguishable(s.color_rgb, s.backdrop_rgb)) {
    return {Technique::color_as_background, std::max(s.color_origin, s.backdrop_origin)};
  }
  return {};
}

Hiding link_hiding(const VisibilityState& s, bool shows_image) {
  Hiding h = text_hiding(s);
  switch (h.technique) {
    case Technique::font_size_zero:
    case Technique::transparent_text:
    case Technique::color_as_background:
      if (shows_image) return {};
      [[fallthrough]];
    case Technique::text_indent:
      // A background image on the link or between it and the hiding element still shows.
      if (s.has_image && s.image_origin >= h.origin) return {};
      return h;
    default:
      return h;
  }
}

}  // namespace sitepatrol::checks
