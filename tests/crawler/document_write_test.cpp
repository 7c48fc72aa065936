#include "crawler/document_write.h"

#include <gtest/gtest.h>

#include <ctime>
#include <string>
#include <vector>

namespace sitepatrol::crawler {
namespace {

TEST(WrittenMarkup, LiteralsAndConcatenation) {
  EXPECT_EQ(written_markup("document.write('<a href=\"x\">一</a>');"), "<a href=\"x\">一</a>");
  EXPECT_EQ(written_markup("document.write(\"<b>\" + '二' +\n  \"</b>\")"), "<b>二</b>");
  EXPECT_EQ(written_markup("document.write('<i>', '三', '</i>')"), "<i>三</i>");
  EXPECT_EQ(written_markup("document.writeln('a');document.writeln(\"b\")"), "a\nb\n");
  EXPECT_EQ(written_markup("window.document.write(`<p>四</p>`)"), "<p>四</p>");
  EXPECT_EQ(written_markup("document . write('x')"), "");  // not a call we read
  EXPECT_EQ(written_markup("mydocument.write('x')"), "");
}

TEST(WrittenMarkup, Escapes) {
  EXPECT_EQ(written_markup(R"(document.write('\x3Ca href=\x22y\x22\x3E\u6fb3\u95e8\x3C/a\x3E'))"),
            "<a href=\"y\">澳门</a>");
  EXPECT_EQ(written_markup(R"(document.write("it\'s \"q\" \\ \/ \u{1F600} \uD83D\uDE00"))"),
            "it's \"q\" \\ / 😀 😀");
  EXPECT_EQ(written_markup("document.write('a\\\nb')"), "ab");  // line continuation
}

TEST(WrittenMarkup, UnescapeAndCharCodes) {
  EXPECT_EQ(written_markup("document.write(unescape('%3Ca%20href%3D%22z%22%3E%u8D4C%3C/a%3E'))"),
            "<a href=\"z\">赌</a>");
  EXPECT_EQ(written_markup("document.write(decodeURIComponent('%E8%B5%8C' + '%3Cbr%3E'))"),
            "赌<br>");
  EXPECT_EQ(written_markup("document.write(String.fromCharCode(60, 98, 0x3e))"), "<b>");
}

TEST(WrittenMarkup, NonLiteralTermsAreMarkedUnknown) {
  const std::string u(kUnknownTerm);
  EXPECT_EQ(written_markup("document.write('<a href=\"' + url + '\">' + f(1, ')') + '</a>')"),
            "<a href=\"" + u + "\">" + u + "</a>");
  EXPECT_EQ(written_markup("document.write(isSpider ? '<a href=\"s\">赌</a>' : '')"),
            u + "<a href=\"s\">赌</a>");
  EXPECT_EQ(written_markup("document.write(`<p>${name}</p>`)"), "<p>" + u + "</p>");
  EXPECT_EQ(written_markup("document.write(String.fromCharCode(c))"), u);
}

TEST(WrittenMarkup, CommentsAndStringsAreNotCalls) {
  EXPECT_EQ(written_markup("// document.write('<a>')\n/* document.write('<b>') */"), "");
  EXPECT_EQ(written_markup("var s = \"document.write('<a>')\"; var t = 'x';"), "");
  EXPECT_EQ(written_markup("document.write(/* c */ 'a' // d\n + 'b')"), "ab");
}

TEST(WrittenMarkup, GarbageEndsQuietly) {
  for (std::string js : std::vector<std::string>{
           "document.write(", "document.write('", "document.write(unescape(",
           "document.write(String.fromCharCode(x", "document.write(((((((((",
           "document.write(f(g(h(", "document.write('\\", "document.write('\\u12",
           "document.write)))", std::string("document.write('\0\xff')", 20)}) {
    written_markup(js);
  }
  std::string deep = "document.write(" + std::string(100'000, '(') + "'x'";
  std::clock_t start = std::clock();
  written_markup(deep);
  written_markup("document.write(" + std::string(100'000, '[') + ")");
  EXPECT_LT(double(std::clock() - start) / CLOCKS_PER_SEC, 2.0);
}

TEST(ExpandDocumentWrites, InsertsAfterTheWritingScript) {
  EXPECT_FALSE(expand_document_writes("<p>no scripts</p>"));
  EXPECT_FALSE(expand_document_writes("<script>var a = 1;</script>"));
  auto out = expand_document_writes("<p>1</p><script>document.write('<b>2</b>')</script><p>3</p>");
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, "<p>1</p><script>document.write('<b>2</b>')</script><b>2</b><p>3</p>");
}

TEST(ExpandDocumentWrites, OnlyClassicInlineScripts) {
  EXPECT_FALSE(expand_document_writes("<script src=a.js>document.write('x')</script>"));
  EXPECT_FALSE(
      expand_document_writes("<script type=\"text/template\">document.write('x')</script>"));
  EXPECT_FALSE(expand_document_writes("<!-- <script>document.write('x')</script> -->"));
  EXPECT_FALSE(expand_document_writes("<textarea><script>document.write('x')</script></textarea>"));
  EXPECT_TRUE(
      expand_document_writes("<SCRIPT LANGUAGE=\"JavaScript\" type='text/javascript'>"
                             "document.write('x')</SCRIPT>"));
}

TEST(ExpandDocumentWrites, WrittenScriptsAreExpandedToo) {
  auto out = expand_document_writes(
      "<script>document.write('<script>document.write(\"<i>in</i>\")<\\/script>')</script>.");
  ASSERT_TRUE(out);
  EXPECT_EQ(*out,
            "<script>document.write('<script>document.write(\"<i>in</i>\")<\\/script>')</script>"
            "<script>document.write(\"<i>in</i>\")</script><i>in</i>.");
}

// A script writing `markup`, escaped as a JavaScript string.
std::string script_writing(const std::string& markup) {
  std::string js;
  for (std::size_t i = 0; i < markup.size(); ++i) {
    if (markup[i] == '\\' || markup[i] == '\'') js.push_back('\\');
    if (markup[i] == '/' && i > 0 && markup[i - 1] == '<') js.push_back('\\');  // <\/script>
    js.push_back(markup[i]);
  }
  return "<script>document.write('" + js + "')</script>";
}

TEST(ExpandDocumentWrites, NestedWritesStopAfterThreeLevels) {
  std::string three = "<i>deep</i>";
  for (int i = 0; i < 3; ++i) three = script_writing(three);
  auto out = expand_document_writes(three);
  ASSERT_TRUE(out);
  EXPECT_TRUE(out->ends_with("</script><i>deep</i>")) << *out;

  std::string five = "<i>deep</i>";
  for (int i = 0; i < 5; ++i) five = script_writing(five);
  out = expand_document_writes(five);
  ASSERT_TRUE(out);
  EXPECT_TRUE(out->ends_with("')</script>")) << *out;
}

}  // namespace
}  // namespace sitepatrol::crawler
