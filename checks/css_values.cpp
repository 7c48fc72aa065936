#include "checks/css_values.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <utility>

namespace sitepatrol::checks {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// A leading number ("-12.5" of "-12.5px"); `rest` gets what follows it.
std::optional<double> leading_number(std::string_view s, std::string_view& rest) {
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  std::size_t start = i;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
  if (i == start) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(s.data() + start, s.data() + i, v);
  if (ec != std::errc() || end != s.data() + i || !std::isfinite(v)) return std::nullopt;
  rest = s.substr(i);
  return negative ? -v : v;
}

struct UnitName {
  std::string_view name;
  LengthUnit unit;
};
constexpr std::array<UnitName, 13> kUnits = {{{"px", LengthUnit::px},
                                              {"em", LengthUnit::em},
                                              {"rem", LengthUnit::rem},
                                              {"pt", LengthUnit::pt},
                                              {"pc", LengthUnit::pc},
                                              {"in", LengthUnit::in},
                                              {"cm", LengthUnit::cm},
                                              {"mm", LengthUnit::mm},
                                              {"ex", LengthUnit::ex},
                                              {"ch", LengthUnit::ch},
                                              {"vw", LengthUnit::vw},
                                              {"vh", LengthUnit::vh},
                                              {"%", LengthUnit::percent}}};

struct NamedColor {
  std::string_view name;
  Rgb rgb;
};
// CSS 2.1's seventeen, the grays and the few names hand-written pages use for backgrounds.
constexpr std::array<NamedColor, 27> kNamedColors = {{
    {"black", {0, 0, 0}},           {"silver", {192, 192, 192}},     {"gray", {128, 128, 128}},
    {"grey", {128, 128, 128}},      {"white", {255, 255, 255}},      {"maroon", {128, 0, 0}},
    {"red", {255, 0, 0}},           {"purple", {128, 0, 128}},       {"fuchsia", {255, 0, 255}},
    {"magenta", {255, 0, 255}},     {"green", {0, 128, 0}},          {"lime", {0, 255, 0}},
    {"olive", {128, 128, 0}},       {"yellow", {255, 255, 0}},       {"navy", {0, 0, 128}},
    {"blue", {0, 0, 255}},          {"teal", {0, 128, 128}},         {"aqua", {0, 255, 255}},
    {"cyan", {0, 255, 255}},        {"orange", {255, 165, 0}},       {"darkgray", {169, 169, 169}},
    {"darkgrey", {169, 169, 169}},  {"lightgray", {211, 211, 211}},  {"lightgrey", {211, 211, 211}},
    {"gainsboro", {220, 220, 220}}, {"whitesmoke", {245, 245, 245}}, {"snow", {255, 250, 250}},
}};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<Color> parse_hex(std::string_view h) {
  if (h.size() != 3 && h.size() != 4 && h.size() != 6 && h.size() != 8) return std::nullopt;
  std::array<int, 4> channel = {0, 0, 0, 255};
  bool short_form = h.size() <= 4;
  std::size_t n = short_form ? h.size() : h.size() / 2;
  for (std::size_t k = 0; k < n; ++k) {
    int hi = hex_digit(h[short_form ? k : 2 * k]);
    int lo = hex_digit(h[short_form ? k : 2 * k + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    channel[k] = hi * 16 + lo;
  }
  return Color{{std::uint8_t(channel[0]), std::uint8_t(channel[1]), std::uint8_t(channel[2])},
               channel[3] <= 13};
}

std::uint8_t clamp_channel(double v) { return std::uint8_t(std::clamp(std::lround(v), 0L, 255L)); }

// The arguments of rgb()/rgba()/hsl()/hsla(): up to four numbers, each with its own unit
// ("%", "deg" or none), separated by commas, spaces or "/".
struct Args {
  std::array<double, 4> value{};
  std::array<bool, 4> percent{};
  std::size_t count = 0;
};

std::optional<Args> parse_args(std::string_view inside) {
  Args args;
  std::size_t i = 0;
  while (i < inside.size()) {
    while (i < inside.size() && (is_space(inside[i]) || inside[i] == ',' || inside[i] == '/')) ++i;
    if (i >= inside.size()) break;
    if (args.count == args.value.size()) return std::nullopt;
    std::string_view rest;
    auto v = leading_number(inside.substr(i), rest);
    if (!v) return std::nullopt;
    std::size_t unit_len = 0;
    while (unit_len < rest.size() && !is_space(rest[unit_len]) && rest[unit_len] != ',' &&
           rest[unit_len] != '/') {
      ++unit_len;
    }
    std::string_view unit = rest.substr(0, unit_len);
    if (!unit.empty() && unit != "%" && unit != "deg") return std::nullopt;
    args.value[args.count] = *v;
    args.percent[args.count] = unit == "%";
    ++args.count;
    i = inside.size() - rest.size() + unit_len;
  }
  return args;
}

bool transparent_alpha(const Args& a) {
  if (a.count < 4) return false;
  double alpha = a.percent[3] ? a.value[3] / 100 : a.value[3];
  return alpha <= 0.05;
}

std::optional<Color> parse_rgb(std::string_view inside) {
  auto a = parse_args(inside);
  if (!a || a->count < 3) return std::nullopt;
  auto channel = [&](std::size_t k) {
    return clamp_channel(a->percent[k] ? a->value[k] * 2.55 : a->value[k]);
  };
  return Color{{channel(0), channel(1), channel(2)}, transparent_alpha(*a)};
}

std::optional<Color> parse_hsl(std::string_view inside) {
  auto a = parse_args(inside);
  if (!a || a->count < 3) return std::nullopt;
  double h = std::fmod(std::fmod(a->value[0], 360) + 360, 360) / 360;
  double s = std::clamp(a->value[1] / 100, 0.0, 1.0);
  double l = std::clamp(a->value[2] / 100, 0.0, 1.0);
  double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  double p = 2 * l - q;
  auto hue = [&](double t) {
    t = t < 0 ? t + 1 : (t > 1 ? t - 1 : t);
    if (t < 1.0 / 6) return p + (q - p) * 6 * t;
    if (t < 1.0 / 2) return q;
    if (t < 2.0 / 3) return p + (q - p) * (2.0 / 3 - t) * 6;
    return p;
  };
  return Color{{clamp_channel(hue(h + 1.0 / 3) * 255), clamp_channel(hue(h) * 255),
                clamp_channel(hue(h - 1.0 / 3) * 255)},
               transparent_alpha(*a)};
}

}  // namespace

std::optional<double> Length::px() const {
  switch (unit) {
    case LengthUnit::px:
      return value;
    case LengthUnit::em:
    case LengthUnit::rem:
      return value * 16;
    case LengthUnit::pt:
      return value * 4 / 3;
    case LengthUnit::pc:
      return value * 16;
    case LengthUnit::in:
      return value * 96;
    case LengthUnit::cm:
      return value * 96 / 2.54;
    case LengthUnit::mm:
      return value * 96 / 25.4;
    case LengthUnit::ex:
    case LengthUnit::ch:
      return value * 8;
    case LengthUnit::vw:
      return value * 13.66;
    case LengthUnit::vh:
      return value * 7.68;
    case LengthUnit::percent:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Length> parse_length(std::string_view value) {
  value = trim(value);
  std::string_view rest;
  auto v = leading_number(value, rest);
  if (!v) return std::nullopt;
  if (rest.empty()) return Length{*v, LengthUnit::px};
  for (const UnitName& u : kUnits) {
    if (rest == u.name) return Length{*v, u.unit};
  }
  return std::nullopt;
}

std::optional<Color> parse_color(std::string_view value) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (value.front() == '#') return parse_hex(value.substr(1));
  if (value == "transparent") return Color{{0, 0, 0}, true};
  if (value.back() == ')') {
    std::size_t open = value.find('(');
    if (open == std::string_view::npos) return std::nullopt;
    std::string_view fn = trim(value.substr(0, open));
    std::string_view inside = value.substr(open + 1, value.size() - open - 2);
    if (fn == "rgb" || fn == "rgba") return parse_rgb(inside);
    if (fn == "hsl" || fn == "hsla") return parse_hsl(inside);
    return std::nullopt;
  }
  for (const NamedColor& c : kNamedColors) {
    if (value == c.name) return Color{c.rgb, false};
  }
  return std::nullopt;
}

std::optional<Color> parse_legacy_color(std::string_view value) {
  value = trim(value);
  if (auto c = parse_color(value)) return c;
  if ((value.size() == 6 || value.size() == 3) &&
      std::ranges::all_of(value, [](char c) { return hex_digit(c) >= 0; })) {
    return parse_hex(value);
  }
  return std::nullopt;
}

Background parse_background(std::string_view shorthand) {
  constexpr std::array<std::string_view, 26> kNotColors = {
      "none",    "no-repeat",  "repeat",      "repeat-x",    "repeat-y", "space", "round",
      "scroll",  "fixed",      "local",       "left",        "right",    "top",   "center",
      "bottom",  "border-box", "padding-box", "content-box", "text",     "auto",  "cover",
      "contain", "/",          "initial",     "inherit",     "unset"};
  Background out;
  for_each_css_token(shorthand, [&](std::string_view token) {
    if (out.kind == Background::Kind::image) return;
    if (token.find('(') != std::string_view::npos &&
        (token.starts_with("url(") || token.find("gradient(") != std::string_view::npos ||
         token.starts_with("image-set("))) {
      out.kind = Background::Kind::image;
    } else if (auto c = parse_color(token)) {
      if (!c->transparent) {
        out.kind = Background::Kind::color;
        out.color = *c;
      }
    } else if (std::ranges::find(kNotColors, token) == kNotColors.end() && !parse_length(token)) {
      out.kind = Background::Kind::unknown;
    }
  });
  return out;
}

bool colors_indistinguishable(Rgb a, Rgb b) {
  auto close = [](int x, int y) { return std::abs(x - y) <= 8; };
  return close(a.r, b.r) && close(a.g, b.g) && close(a.b, b.b);
}

}  // namespace sitepatrol::checks
