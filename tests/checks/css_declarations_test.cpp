#include "checks/css_declarations.h"

#include <gtest/gtest.h>

#include <string>

namespace sitepatrol::checks {
namespace {

std::string show(const std::vector<Declaration>& ds) {
  std::string out;
  for (const auto& d : ds) out += d.property + "=" + d.value + (d.important ? "!" : "") + ";";
  return out;
}

TEST(CssDeclarations, CaseCommentsAndImportance) {
  EXPECT_EQ(show(parse_declarations("DISPLAY: None !IMPORTANT; Color:#FFF")),
            "display=none!;color=#fff;");
  EXPECT_EQ(show(parse_declarations("/* x */display/**/:/* y */none/* z */;")), "display=none;");
  EXPECT_EQ(show(parse_declarations("left : -9999px ! important ;top:0")), "left=-9999px!;top=0;");
  EXPECT_EQ(show(parse_declarations("  position :\n absolute;;;  ")), "position=absolute;");
}

TEST(CssDeclarations, SemicolonsInsideStringsAndParentheses) {
  EXPECT_EQ(show(parse_declarations("background:url(\"a;b.png\") no-repeat;color:red")),
            "background=url(\"a;b.png\") no-repeat;color=red;");
  EXPECT_EQ(show(parse_declarations("background:url(a;b.png);color:red")),
            "background=url(a;b.png);color=red;");
  EXPECT_EQ(show(parse_declarations("content:'x;y';display:none")), "content='x;y';display=none;");
}

TEST(CssDeclarations, GarbageIsSkippedNotFatal) {
  EXPECT_EQ(show(parse_declarations("display none; :red; color:red")), "color=red;");
  EXPECT_EQ(show(parse_declarations("*display:none;_height:0;height:0")), "height=0;");
  EXPECT_EQ(show(parse_declarations("display:none /* unterminated")), "display=none;");
  // An unterminated string swallows the rest: no display:none comes out of it.
  EXPECT_EQ(show(parse_declarations("color:'unterminated; display:none")),
            "color='unterminated; display:none;");
  EXPECT_EQ(show(parse_declarations("")), "");
  EXPECT_EQ(show(parse_declarations(std::string("\0\xff:\x01;", 5))), "");
}

TEST(CssDeclarations, FilterKeepsOnlyWantedProperties) {
  PropertyFilter only_display = [](std::string_view p) { return p == "display"; };
  EXPECT_EQ(show(parse_declarations("color:red;display:none;margin:0", only_display)),
            "display=none;");
}

}  // namespace
}  // namespace sitepatrol::checks
