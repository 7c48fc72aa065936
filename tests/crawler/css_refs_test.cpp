#include "crawler/css_refs.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

namespace sitepatrol::crawler {
namespace {

std::string refs(std::string_view css) {
  std::string out;
  for (const CssRef& r : css_references(css)) out += (r.import ? "@" : "") + r.ref + "\n";
  return out;
}

TEST(CssReferences, UrlsAndImportsInOrder) {
  EXPECT_EQ(refs("@import url(a.css);@IMPORT \"b.css\" screen;\n"
                 "body{background:url(img/bg.png) repeat-x}\n"
                 ".a{background-image:URL( \"quoted.gif\" )}\n"
                 "@font-face{src:url('f.woff2') format(\"woff2\"),url(f.ttf)}"),
            "@a.css\n@b.css\nimg/bg.png\nquoted.gif\nf.woff2\nf.ttf\n");
}

TEST(CssReferences, CommentsStringsDataAndFragmentsAreNotReferences) {
  EXPECT_EQ(refs("/* url(commented.png) */ .a{content:\"url(in-string.png)\"}"
                 ".b{background:url(data:image/png;base64,AAAA)}"
                 ".c{filter:url(#blur)} .d{background:url()} .e{background:url('')}"
                 ".f{my-url(x.png)} .g{background:url(ok.png)}"),
            "ok.png\n");
}

TEST(CssReferences, EscapesAreDecoded) {
  EXPECT_EQ(refs(R"(.a{background:url(a\(1\).png)} .b{background:url("\5f20 .png")})"),
            "a(1).png\n张.png\n");
}

TEST(CssReferences, UnclosedInputEndsCleanly) {
  EXPECT_EQ(refs(".a{background:url(x.png"), "x.png\n");
  EXPECT_EQ(refs("@import \"y.css"), "@y.css\n");
  EXPECT_EQ(refs("/* never closed url(z.png)"), "");
  EXPECT_EQ(refs("\\"), "");
}

// LinkChecker tests/checker/data/file.css: a font and a background image, not the
// commented-out url().
TEST(StylesheetLinks, PeerFileCssResolvesAgainstTheStylesheet) {
  const std::string css =
      "@font-face {\n  src:url(file.html)\n}\nbackground-image:url(file.txt)\n"
      "/*background-image:url(broken.html)*/\n";
  auto links = stylesheet_links(css, "text/css", "http://www.site.example/static/css/file.css");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].url, "http://www.site.example/static/css/file.html");
  EXPECT_EQ(links[0].kind, "css");
  EXPECT_EQ(links[1].url, "http://www.site.example/static/css/file.txt");
}

TEST(StylesheetLinks, GbkStylesheetAndImports) {
  // "背景" in GBK, with the charset in the Content-Type.
  const std::string css = "@import '../base.css';.a{background:url(/img/\xB1\xB3\xBE\xB0.png)}";
  auto links =
      stylesheet_links(css, "text/css; charset=gbk", "http://www.site.example/css/site.css");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].url, "http://www.site.example/base.css");
  EXPECT_EQ(links[0].kind, "css-import");
  EXPECT_EQ(links[1].url, "http://www.site.example/img/%E8%83%8C%E6%99%AF.png");
}

TEST(IsStylesheet, GoesByTheAnswersType) {
  EXPECT_TRUE(is_stylesheet("link", "text/css"));
  EXPECT_TRUE(is_stylesheet("link", "Text/CSS; charset=utf-8"));
  EXPECT_FALSE(is_stylesheet("link", "image/x-icon"));
  EXPECT_FALSE(is_stylesheet("link", ""));
  EXPECT_TRUE(is_stylesheet("css-import", ""));
  EXPECT_TRUE(reads_stylesheet("link"));
  EXPECT_TRUE(reads_stylesheet("css-import"));
  EXPECT_FALSE(reads_stylesheet("css"));
  EXPECT_FALSE(reads_stylesheet("img"));
}

}  // namespace
}  // namespace sitepatrol::crawler
