#include "checks/visibility.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitepatrol::checks {
namespace {

// An element chain built from inline styles, root first; each element's id is its depth.
class Chain {
 public:
  Chain& push(std::string_view css, ElementFacts facts = {}) {
    declarations_.push_back(parse_declarations(css, is_visibility_property));
    ElementStyle style;
    for (const Declaration& d : declarations_.back()) style.apply(d);
    facts.id = static_cast<std::uint32_t>(states_.size());
    states_.push_back(descend(states_.back(), style, facts));
    return *this;
  }
  // "display:none@1": the technique and the depth of the element applying it; "" if visible.
  std::string text() const { return show(text_hiding(states_.back())); }
  std::string link(bool shows_image = false) const {
    return show(link_hiding(states_.back(), shows_image));
  }

 private:
  static std::string show(Hiding h) {
    if (!h) return "";
    return std::string(to_string(h.technique)) + "@" + std::to_string(h.origin);
  }
  std::vector<std::vector<Declaration>> declarations_;
  std::vector<VisibilityState> states_{VisibilityState{}};
};

std::string hidden(std::string_view css, ElementFacts facts = {}) {
  return Chain().push(css, facts).text();
}

ElementFacts inline_element() {
  ElementFacts f;
  f.inline_box = true;
  return f;
}

TEST(Visibility, DisplayNone) {
  EXPECT_EQ(hidden("display:none"), "display:none@1");
  EXPECT_EQ(hidden("DISPLAY : NONE !important"), "display:none@1");
  EXPECT_EQ(hidden("display:block"), "");
  // Nothing below undoes it; the outermost element is named.
  EXPECT_EQ(Chain().push("").push("display:none").push("display:block").push("display:none").text(),
            "display:none@2");
}

TEST(Visibility, HiddenAttributeUnlessADisplayIsDeclared) {
  ElementFacts f;
  f.hidden_attribute = true;
  EXPECT_EQ(hidden("", f), "hidden attribute@1");
  EXPECT_EQ(hidden("display:block", f), "");
}

TEST(Visibility, VisibilityHiddenAndCollapse) {
  EXPECT_EQ(hidden("visibility:hidden"), "visibility:hidden@1");
  EXPECT_EQ(hidden("visibility:collapse"), "visibility:hidden@1");
  EXPECT_EQ(hidden("visibility:visible"), "");
  // Inherited, but a descendant may show itself again.
  EXPECT_EQ(Chain().push("visibility:hidden").push("").text(), "visibility:hidden@1");
  EXPECT_EQ(Chain().push("visibility:hidden").push("visibility:visible").text(), "");
}

TEST(Visibility, Opacity) {
  EXPECT_EQ(hidden("opacity:0"), "opacity:0@1");
  EXPECT_EQ(hidden("opacity:0.03"), "opacity:0@1");
  EXPECT_EQ(hidden("opacity:0%"), "opacity:0@1");
  EXPECT_EQ(hidden("filter:alpha(opacity=0)"), "opacity:0@1");
  EXPECT_EQ(hidden("filter:opacity(0)"), "opacity:0@1");
  EXPECT_EQ(hidden("opacity:0.9"), "");
  EXPECT_EQ(hidden("opacity:0.5"), "");
  EXPECT_EQ(hidden("filter:alpha(opacity=80)"), "");
  EXPECT_EQ(hidden("opacity:garbage"), "");
}

TEST(Visibility, FontSizeZero) {
  for (const char* css : {"font-size:0", "font-size:0px", "font-size:0em", "font-size:0pt",
                          "font-size:0%", "font-size:1px", "font-size:0.5pt"}) {
    EXPECT_EQ(hidden(css), "font-size:0@1") << css;
  }
  EXPECT_EQ(hidden("font-size:12px"), "");
  EXPECT_EQ(hidden("font-size:small"), "");
  // Relative sizes of nothing stay nothing; an absolute size shows the text again (the
  // inline-block gap idiom: ul{font-size:0} li{font-size:14px}).
  EXPECT_EQ(Chain().push("font-size:0").push("font-size:1.2em").text(), "font-size:0@1");
  EXPECT_EQ(Chain().push("font-size:0").push("font-size:14px").text(), "");
  EXPECT_EQ(Chain().push("font-size:0").push("").text(), "font-size:0@1");
}

TEST(Visibility, ZeroSizeWithOverflowHidden) {
  for (const char* css : {"height:0;overflow:hidden", "width:0px;overflow:hidden",
                          "height:0em;overflow-y:hidden", "width:1px;height:1px;overflow:clip",
                          "max-height:0;overflow:hidden", "height:0;overflow:auto"}) {
    EXPECT_EQ(hidden(css), "zero size with overflow:hidden@1") << css;
  }
  EXPECT_EQ(hidden("height:0"), "");  // overflow shows
  EXPECT_EQ(hidden("height:0;overflow:visible"), "");
  EXPECT_EQ(hidden("height:20px;overflow:hidden"), "");
  // Width and height do not apply to inline elements, unless something makes them boxes.
  EXPECT_EQ(hidden("height:0;overflow:hidden", inline_element()), "");
  EXPECT_EQ(hidden("display:block;height:0;overflow:hidden", inline_element()),
            "zero size with overflow:hidden@1");
  EXPECT_EQ(hidden("position:absolute;width:0;overflow:hidden", inline_element()),
            "zero size with overflow:hidden@1");
}

TEST(Visibility, TextIndentFarOff) {
  for (const char* css :
       {"text-indent:-9999px", "text-indent:-999px", "text-indent:-100em", "text-indent:-999em",
        "text-indent:-9999", "text-indent:-100%", "text-indent:9999px"}) {
    EXPECT_EQ(hidden(css), "text-indent off-screen@1") << css;
  }
  EXPECT_EQ(hidden("text-indent:2em"), "");
  EXPECT_EQ(hidden("text-indent:-2em"), "");
  EXPECT_EQ(Chain().push("text-indent:-9999px").push("text-indent:0").text(), "");
}

TEST(Visibility, PositionedOffScreen) {
  for (const char* css : {"position:absolute;left:-9999px",
                          "position:absolute;top:-999px;left:-999px", "position:fixed;top:-500px",
                          "position:relative;left:-10000px", "position:absolute;left:10000px",
                          "position:absolute;right:9999px", "position:absolute;left:-100%",
                          "margin-left:-9999px", "margin:-5000px 0 0 0", "margin:0 0 0 -9999px"}) {
    EXPECT_EQ(hidden(css), "positioned off-screen@1") << css;
  }
  EXPECT_EQ(hidden("position:absolute;left:10px"), "");
  EXPECT_EQ(hidden("position:absolute;left:-50px;top:-20px"), "");
  EXPECT_EQ(hidden("position:absolute;top:5000px"), "");  // far down a long page is readable
  EXPECT_EQ(hidden("left:-9999px"), "");                  // static: offsets do not apply
  EXPECT_EQ(hidden("margin-left:-20px"), "");
}

TEST(Visibility, ClippedToNothing) {
  for (const char* css :
       {"position:absolute;clip:rect(0 0 0 0)", "position:absolute;clip:rect(0,0,0,0)",
        "position:absolute;clip:rect(1px, 1px, 1px, 1px)", "clip-path:inset(100%)",
        "clip-path:inset(50%)", "clip-path:circle(0)", "clip-path:circle(0 at 50% 50%)"}) {
    EXPECT_EQ(hidden(css), "clip to nothing@1") << css;
  }
  EXPECT_EQ(hidden("position:absolute;clip:rect(0 100px 20px 0)"), "");
  EXPECT_EQ(hidden("clip:rect(auto auto auto auto)"), "");
  EXPECT_EQ(hidden("clip-path:inset(10%)"), "");
  EXPECT_EQ(hidden("clip-path:circle(40%)"), "");
}

TEST(Visibility, ColourSameAsDeclaredBackground) {
  EXPECT_EQ(Chain().push("background:#fff").push("color:#FFFFFF").text(),
            "color same as background@2");
  EXPECT_EQ(Chain().push("background-color:white").push("").push("color:rgb(255,255,255)").text(),
            "color same as background@3");
  EXPECT_EQ(hidden("color:#fefefe;background-color:#fff"), "color same as background@1");
  EXPECT_EQ(hidden("color:transparent"), "color:transparent@1");
  // The text colour is inherited; the nearest declared background counts.
  EXPECT_EQ(Chain().push("color:#fff").push("background:#fff").push("").text(),
            "color same as background@2");
  EXPECT_EQ(Chain().push("background:#fff").push("background:#003399").push("color:#fff").text(),
            "");
  // No declared background: the canvas may be painted by a stylesheet we do not read.
  EXPECT_EQ(hidden("color:#fff"), "");
  // An image between the background and the text: unknown what is behind the text.
  EXPECT_EQ(
      Chain().push("background:#fff").push("background:url(bg.png)").push("color:#fff").text(), "");
  EXPECT_EQ(Chain().push("background:#fff").push("color:#333").text(), "");
  EXPECT_EQ(Chain().push("background:#fff").push("color:darkslateblue").text(), "");
}

TEST(Visibility, LinksTakeTheLinkColourNotTheParents) {
  ElementFacts link;
  link.link = true;
  link.inline_box = true;
  EXPECT_EQ(Chain().push("background:#fff;color:#fff").push("", link).link(), "");
  EXPECT_EQ(Chain().push("background:#fff").push("color:#fff", link).link(),
            "color same as background@2");
  EXPECT_EQ(Chain().push("background:#fff;color:#fff").push("color:inherit", link).link(),
            "color same as background@1");
}

TEST(Visibility, MarqueeOutOfView) {
  auto marquee = [](MarqueeAttributes m, std::string_view css = "") {
    ElementFacts f;
    f.marquee = &m;
    return hidden(css, f);
  };
  EXPECT_EQ(marquee({.height = "1"}), "marquee out of view@1");
  EXPECT_EQ(marquee({.width = "0"}), "marquee out of view@1");
  EXPECT_EQ(marquee({}, "height:0"), "marquee out of view@1");
  EXPECT_EQ(marquee({.scrollamount = "0"}), "marquee out of view@1");
  EXPECT_EQ(marquee({.scrollamount = "99999"}), "marquee out of view@1");
  EXPECT_EQ(marquee({.scrollamount = "99999999999999999999"}), "marquee out of view@1");
  EXPECT_EQ(marquee({.scrolldelay = "100000"}), "marquee out of view@1");
  // An ordinary news ticker.
  EXPECT_EQ(marquee({.width = "100%",
                     .height = "200",
                     .scrollamount = "2",
                     .scrolldelay = "60",
                     .behavior = "scroll"}),
            "");
  EXPECT_EQ(marquee({.scrollamount = "0", .behavior = "alternate"}), "");
  EXPECT_EQ(marquee({.width = "300", .scrollamount = "abc"}), "");
}

TEST(Visibility, TextOnlyTechniquesSpareImages) {
  // Image replacement: the logo link shows its background image.
  EXPECT_EQ(Chain().push("text-indent:-9999px;background:url(logo.png)").link(), "");
  EXPECT_EQ(Chain().push("text-indent:-9999px;background:url(logo.png)").text(),
            "text-indent off-screen@1");
  EXPECT_EQ(Chain().push("background:url(logo.png)").push("font-size:0").link(),
            "font-size:0@2");  // the image is above the hiding element, not in the link
  // A visible <img> in a link whose text has no size still shows.
  EXPECT_EQ(Chain().push("font-size:0").link(true), "");
  EXPECT_EQ(Chain().push("text-indent:-9999px").link(true), "text-indent off-screen@1");
  EXPECT_EQ(Chain().push("display:none").link(true), "display:none@1");
}

TEST(Visibility, AriaHiddenIsNotAProperty) {
  EXPECT_FALSE(is_visibility_property("aria-hidden"));
  EXPECT_TRUE(is_visibility_property("display"));
  EXPECT_TRUE(is_visibility_property("background-color"));
}

TEST(Visibility, LaterDeclarationsWinUnlessImportant) {
  ElementStyle s;
  s.apply("display", "none", true);
  s.apply("display", "block");
  EXPECT_EQ(*s.get(StyleProperty::display), "none");
  s.apply("display", "inline", true);
  EXPECT_EQ(*s.get(StyleProperty::display), "inline");
  s.apply("color", "red");
  s.apply("color", "blue");
  EXPECT_EQ(*s.get(StyleProperty::color), "blue");
  EXPECT_FALSE(s.get(StyleProperty::opacity));
}

}  // namespace
}  // namespace sitepatrol::checks
