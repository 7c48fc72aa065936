#include "crawler/raw_markup.h"

#include <gtest/gtest.h>

#include <string>

namespace sitepatrol::crawler {
namespace {

std::string value(std::string_view attrs, std::string_view name) {
  auto v = raw_attribute(attrs, name);
  return v ? std::string(*v) : "<absent>";
}

TEST(RawMarkup, Attributes) {
  std::string_view attrs = " type=\"text/css\" MEDIA='print' data-x=1 hidden src = a.js /";
  EXPECT_EQ(value(attrs, "type"), "text/css");
  EXPECT_EQ(value(attrs, "media"), "print");
  EXPECT_EQ(value(attrs, "data-x"), "1");
  EXPECT_EQ(value(attrs, "hidden"), "");
  EXPECT_EQ(value(attrs, "src"), "a.js");
  EXPECT_EQ(value(attrs, "href"), "<absent>");
  EXPECT_EQ(value("", "src"), "<absent>");
  EXPECT_EQ(value("==>'\"", "src"), "<absent>");
  EXPECT_EQ(value(" title='a>b' src=x", "src"), "x");
}

TEST(RawMarkup, TagEndAndFind) {
  std::string_view html = "<a title='x>y' href=b>t</A><STYLE>x</style>";
  EXPECT_EQ(tag_end(html, 2), 21u);
  EXPECT_EQ(ifind_tag(html, "</a", 0), 23u);
  EXPECT_EQ(ifind_tag(html, "<style", 0), 27u);
  EXPECT_EQ(ifind_tag(html, "<script", 0), std::string_view::npos);
  EXPECT_EQ(tag_end("<a href='never closed", 2), 21u);
}

}  // namespace
}  // namespace sitepatrol::crawler
