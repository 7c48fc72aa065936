#include "checks/css_rules.h"

#include <gtest/gtest.h>

#include <ctime>
#include <string>

namespace sitepatrol::checks {
namespace {

// The declarations that apply to the last element of `chain`, as "property=value" in order.
std::string applied(const Stylesheet& sheet, std::vector<ElementKey> chain) {
  std::vector<const Declaration*> out;
  sheet.match(chain, out);
  std::string s;
  for (const Declaration* d : out)
    s += d->property + "=" + d->value + (d->important ? "!" : "") + ";";
  return s;
}

Stylesheet sheet_of(std::string_view css) {
  Stylesheet s;
  s.add(css);
  return s;
}

const ElementKey kHtml{"html", "", ""};
const ElementKey kBody{"body", "", ""};

TEST(CssRules, SimpleSelectors) {
  Stylesheet s = sheet_of(
      "#hid{display:none} .yc{visibility:hidden} span{color:red} div.a{top:1px} "
      "div#x{left:2px} *{opacity:1} DIV.B.C{width:0}");
  EXPECT_EQ(applied(s, {kHtml, kBody, {"div", "hid", ""}}), "opacity=1;display=none;");
  EXPECT_EQ(applied(s, {kHtml, kBody, {"p", "", "x yc"}}), "opacity=1;visibility=hidden;");
  EXPECT_EQ(applied(s, {kHtml, kBody, {"span", "", ""}}), "opacity=1;color=red;");
  EXPECT_EQ(applied(s, {kHtml, kBody, {"div", "", "a"}}), "opacity=1;top=1px;");
  EXPECT_EQ(applied(s, {kHtml, kBody, {"p", "", "a"}}), "opacity=1;");
  EXPECT_EQ(applied(s, {kHtml, kBody, {"div", "x", ""}}), "opacity=1;left=2px;");
  EXPECT_EQ(applied(s, {kHtml, kBody, {"div", "", "c b"}}), "opacity=1;width=0;");
  EXPECT_EQ(applied(s, {kHtml, kBody, {"div", "", "b"}}), "opacity=1;");
}

TEST(CssRules, ClassAndIdMatchIgnoringCase) {
  Stylesheet s = sheet_of("#Hid{display:none} .YC{visibility:hidden}");
  EXPECT_EQ(applied(s, {{"div", "hid", ""}}), "display=none;");
  EXPECT_EQ(applied(s, {{"div", "", "yc"}}), "visibility=hidden;");
}

TEST(CssRules, DescendantAndChildCombinators) {
  Stylesheet s =
      sheet_of("#foot a{font-size:0} .x .y{height:0} ul > li{left:1px} .m>.n .o{top:1px}");
  const ElementKey foot{"div", "foot", ""};
  EXPECT_EQ(applied(s, {kHtml, kBody, foot, {"p", "", ""}, {"a", "", ""}}), "font-size=0;");
  EXPECT_EQ(applied(s, {kHtml, kBody, {"a", "", ""}}), "");
  EXPECT_EQ(applied(s, {{"div", "", "x"}, {"div", "", ""}, {"span", "", "y"}}), "height=0;");
  EXPECT_EQ(applied(s, {{"div", "", "y"}, {"span", "", "x"}}), "");  // wrong order
  EXPECT_EQ(applied(s, {{"ul", "", ""}, {"li", "", ""}}), "left=1px;");
  EXPECT_EQ(applied(s, {{"ul", "", ""}, {"div", "", ""}, {"li", "", ""}}), "");
  EXPECT_EQ(applied(s, {{"div", "", "m"}, {"div", "", "n"}, {"p", "", ""}, {"i", "", "o"}}),
            "top=1px;");
  EXPECT_EQ(applied(s, {{"div", "", "m"}, {"p", "", ""}, {"div", "", "n"}, {"i", "", "o"}}), "");
}

TEST(CssRules, SelectorListsShareTheirDeclarations) {
  Stylesheet s = sheet_of("#a, .b , i{display:none}");
  EXPECT_EQ(applied(s, {{"div", "a", ""}}), "display=none;");
  EXPECT_EQ(applied(s, {{"div", "", "b"}}), "display=none;");
  EXPECT_EQ(applied(s, {{"i", "", ""}}), "display=none;");
  EXPECT_EQ(s.selector_count(), 3u);
}

TEST(CssRules, PrecedenceIsSpecificityThenOrder) {
  // The id rule comes first in the sheet but is more specific: it is applied last.
  Stylesheet s =
      sheet_of("#hid{display:none} div{display:block} .c{display:inline} .c{display:flex}");
  EXPECT_EQ(applied(s, {{"div", "hid", "c"}}),
            "display=block;display=inline;display=flex;display=none;");
  Stylesheet imp = sheet_of(".c{display:none!important} #x{display:block}");
  EXPECT_EQ(applied(imp, {{"div", "x", "c"}}), "display=none!;display=block;");
}

TEST(CssRules, UnsupportedSelectorsAreDropped) {
  Stylesheet s = sheet_of(
      "a:hover{display:none} a::before{display:none} [href]{display:none} a+b{display:none} "
      "a~b{display:none} li:first-child{display:none} .x\\:y{display:none} :not(.z){display:none} "
      "a:link,a:visited{color:#fff}");
  EXPECT_EQ(applied(s, {{"a", "", ""}}), "color=#fff;color=#fff;");
  EXPECT_EQ(applied(s, {{"li", "", ""}}), "");
  EXPECT_EQ(s.selector_count(), 2u);
}

TEST(CssRules, AtRules) {
  Stylesheet s = sheet_of(
      "@charset \"utf-8\"; @import url(x.css);"
      "@font-face{font-family:x;src:url(a.woff)}"
      "@keyframes k{from{display:none}to{opacity:0}}"
      "@media print{.p{display:none}}"
      "@media (max-width: 768px){.m{display:none}}"
      "@media screen and (min-width: 992px){.d{display:none}}"
      "@media screen{@media (min-width:1px){.n{display:none}}}"
      "@supports (display:grid){.s{display:none}}"
      "<!-- .c{display:none} -->");
  EXPECT_EQ(applied(s, {{"div", "", "p"}}), "");
  EXPECT_EQ(applied(s, {{"div", "", "m"}}), "");
  EXPECT_EQ(applied(s, {{"div", "", "d"}}), "display=none;");
  EXPECT_EQ(applied(s, {{"div", "", "n"}}), "display=none;");
  EXPECT_EQ(applied(s, {{"div", "", "s"}}), "display=none;");
  EXPECT_EQ(applied(s, {{"div", "", "c"}}), "display=none;");
  EXPECT_EQ(applied(s, {{"from", "", ""}}), "");
}

TEST(CssRules, MediaQueries) {
  EXPECT_TRUE(media_applies(""));
  EXPECT_TRUE(media_applies("screen"));
  EXPECT_TRUE(media_applies("all"));
  EXPECT_TRUE(media_applies("only screen and (min-width: 1024px)"));
  EXPECT_TRUE(media_applies("print, screen"));
  EXPECT_TRUE(media_applies("(max-width:1920px)"));
  EXPECT_FALSE(media_applies("print"));
  EXPECT_FALSE(media_applies("screen and (max-width: 768px)"));
  EXPECT_FALSE(media_applies("(min-width: 1600px)"));
  EXPECT_FALSE(media_applies("not screen"));
  EXPECT_FALSE(media_applies("(-webkit-min-device-pixel-ratio: 2)"));
  EXPECT_FALSE(media_applies("screen and (orientation: portrait)"));
}

TEST(CssRules, FilterDropsRulesWithNothingToSay) {
  Stylesheet s;
  s.add(".a{margin:0;padding:0} .b{display:none;margin:0}",
        [](std::string_view p) { return p == "display"; });
  EXPECT_EQ(s.selector_count(), 1u);
  EXPECT_EQ(applied(s, {{"div", "", "b"}}), "display=none;");
}

TEST(CssRules, GarbageDoesNotCrash) {
  for (std::string css :
       {std::string("}}}{{{"), std::string("#a{display:none"), std::string("{display:none}"),
        std::string(".a{b{c{d{display:none}}}}"), std::string("@media{"),
        std::string("/* never closed"), std::string(".a{content:\"}\";display:none}"),
        std::string("\0\xff{\x01:\x02}", 8), std::string(">a{display:none}"),
        std::string("a >{display:none}"), std::string("@media screen{.x{display:none}")}) {
    Stylesheet s = sheet_of(css);
    applied(s, {{"div", "a", "a x"}});
  }
  EXPECT_EQ(applied(sheet_of(".a{content:\"}\";display:none}"), {{"div", "", "a"}}),
            "content=\"}\";display=none;");
  EXPECT_EQ(applied(sheet_of("#a{display:none"), {{"div", "a", ""}}), "display=none;");
}

TEST(CssRules, HostileSizesStayCheap) {
  // 100,000 descendant rules keyed on div against a 500-deep chain: capped and budgeted.
  std::string css;
  for (int i = 0; i < 100'000; ++i) css += ".q" + std::to_string(i) + " div{display:none}";
  std::string nested(200'000, '{');
  std::clock_t start = std::clock();
  Stylesheet s = sheet_of(css + nested + "@media screen{" + std::string(100'000, '@'));
  std::vector<ElementKey> chain(500, ElementKey{"div", "", ""});
  std::vector<const Declaration*> out;
  MatchBudget budget;
  for (int i = 0; i < 1000; ++i) s.match(chain, out, budget);
  double took = double(std::clock() - start) / CLOCKS_PER_SEC;
  EXPECT_LT(took, 5.0);
  EXPECT_LE(s.selector_count(), 5000u);
  EXPECT_TRUE(out.empty());
}

// A cancelled patrol (SIGTERM) raises the budget's stop flag: no more matching (issue 12).
TEST(CssRules, StopFlagEndsMatching) {
  Stylesheet s = sheet_of(".a{display:none}");
  std::atomic<bool> stop{true};
  MatchBudget budget{.stop = &stop};
  std::vector<const Declaration*> out;
  s.match(std::vector<ElementKey>{kHtml, kBody, {"p", "", "a"}}, out, budget);
  EXPECT_TRUE(out.empty());
  stop = false;
  s.match(std::vector<ElementKey>{kHtml, kBody, {"p", "", "a"}}, out, budget);
  EXPECT_TRUE(out.empty());  // spent for good: the page is being dropped
}

}  // namespace
}  // namespace sitepatrol::checks
