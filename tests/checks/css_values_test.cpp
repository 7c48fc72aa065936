#include "checks/css_values.h"

#include <gtest/gtest.h>

#include <string>

namespace sitepatrol::checks {
namespace {

std::string hex(std::optional<Color> c) {
  if (!c) return "<none>";
  if (c->transparent) return "transparent";
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c->rgb.r, c->rgb.g, c->rgb.b);
  return buf;
}

double px(std::string_view v) {
  auto len = parse_length(v);
  if (!len) return -1e9;
  auto p = len->px();
  return p ? *p : -2e9;
}

TEST(CssValues, Lengths) {
  EXPECT_EQ(px("-9999px"), -9999);
  EXPECT_EQ(px("-9999"), -9999);  // unitless: pixels, as quirks mode has it
  EXPECT_EQ(px("0"), 0);
  EXPECT_EQ(px("+3pt"), 4);
  EXPECT_EQ(px("-100em"), -1600);
  EXPECT_EQ(px(".5rem"), 8);
  EXPECT_EQ(px(" 10px "), 10);
  EXPECT_EQ(px("-100%"), -2e9);  // percentages have no pixel value on their own
  EXPECT_EQ(parse_length("-100%")->value, -100);
  EXPECT_FALSE(parse_length("calc(100% - 10px)"));
  EXPECT_FALSE(parse_length("auto"));
  EXPECT_FALSE(parse_length("10furlongs"));
  EXPECT_FALSE(parse_length(""));
  EXPECT_FALSE(parse_length("-"));
  EXPECT_FALSE(parse_length("1e999px"));
}

TEST(CssValues, ColoursNormalise) {
  for (const char* white :
       {"#fff", "#FFF", "#ffffff", "white", "rgb(255,255,255)", "rgb(255 255 255)",
        "rgb(100%, 100%, 100%)", "rgba(255,255,255,1)", "hsl(0, 0%, 100%)", "#ffff", "#ffffffff"}) {
    EXPECT_EQ(hex(parse_color(white)), "#ffffff") << white;
  }
  EXPECT_EQ(hex(parse_color("#0000ee")), "#0000ee");
  EXPECT_EQ(hex(parse_color("hsl(120, 100%, 25%)")), "#008000");
  EXPECT_EQ(hex(parse_color("red")), "#ff0000");
  for (const char* clear :
       {"transparent", "rgba(0,0,0,0)", "rgba(255, 255, 255, 0.01)", "#fff0", "rgb(0 0 0 / 0%)"}) {
    EXPECT_EQ(hex(parse_color(clear)), "transparent") << clear;
  }
  for (const char* junk : {"inherit", "currentcolor", "#ggg", "#12345", "rgb(1,2)", "var(--c)",
                           "darkslateblue", "", "rgb(", "#"}) {
    EXPECT_EQ(hex(parse_color(junk)), "<none>") << junk;
  }
  EXPECT_EQ(hex(parse_color("ffffff")), "<none>");  // only legacy attributes omit '#'
  EXPECT_EQ(hex(parse_legacy_color("ffffff")), "#ffffff");
  EXPECT_EQ(hex(parse_legacy_color("#FFF")), "#ffffff");
}

TEST(CssValues, BackgroundShorthand) {
  using K = Background::Kind;
  EXPECT_EQ(parse_background("#fff").kind, K::color);
  EXPECT_EQ(hex(parse_background("#fff no-repeat left top").color), "#ffffff");
  EXPECT_EQ(parse_background("url(x.png) #fff no-repeat").kind, K::image);
  EXPECT_EQ(parse_background("linear-gradient(#fff, #000)").kind, K::image);
  EXPECT_EQ(parse_background("none").kind, K::none);
  EXPECT_EQ(parse_background("no-repeat 0 0").kind, K::none);
  EXPECT_EQ(parse_background("transparent").kind, K::none);
  EXPECT_EQ(parse_background("var(--bg)").kind, K::unknown);
  EXPECT_EQ(parse_background("darkslateblue").kind, K::unknown);
}

TEST(CssValues, IndistinguishableColours) {
  EXPECT_TRUE(colors_indistinguishable({255, 255, 255}, {255, 255, 255}));
  EXPECT_TRUE(colors_indistinguishable({255, 255, 255}, {250, 250, 248}));
  EXPECT_FALSE(colors_indistinguishable({255, 255, 255}, {238, 238, 238}));
  EXPECT_FALSE(colors_indistinguishable({0, 0, 238}, {255, 255, 255}));
}

TEST(CssValues, Tokens) {
  std::vector<std::string> parts;
  for_each_css_token("rect(0 0 0 0)  , url(a b)x  1px",
                     [&](std::string_view t) { parts.emplace_back(t); });
  EXPECT_EQ(parts, (std::vector<std::string>{"rect(0 0 0 0)", "url(a b)x", "1px"}));
}

}  // namespace
}  // namespace sitepatrol::checks
