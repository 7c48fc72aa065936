#include "crawler/charset.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

namespace sitepatrol::crawler {
namespace {

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(SITEPATROL_TEST_DATA) + "/html/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(DetectCharset, ByteOrderMarkComesFirst) {
  EXPECT_EQ(detect_charset("text/html; charset=gbk", "\xEF\xBB\xBF<html>"), "utf-8");
  EXPECT_EQ(detect_charset("", "\xFF\xFE<\0h\0"), "utf-16le");
  EXPECT_EQ(detect_charset("", "\xFE\xFF\0<\0h"), "utf-16be");
}

TEST(DetectCharset, ContentTypeHeaderBeatsMeta) {
  EXPECT_EQ(detect_charset("text/html; charset=GBK", "<meta charset=\"utf-8\">"), "gbk");
  EXPECT_EQ(detect_charset("text/html;charset=\"gb2312\"", ""), "gb2312");
  EXPECT_EQ(detect_charset("text/html; Charset = big5 ; foo=bar", ""), "big5");
  // An unknown label is no answer: fall through to the page itself.
  EXPECT_EQ(detect_charset("text/html; charset=bogus-charset", "<meta charset=gbk>"), "gbk");
}

TEST(DetectCharset, MapsLabelsLikeBrowsers) {
  auto from_header = [](const std::string& label) {
    return detect_charset("text/html; charset=" + label, "");
  };
  EXPECT_EQ(from_header("x-gbk"), "gbk");
  EXPECT_EQ(from_header("CP936"), "gbk");
  EXPECT_EQ(from_header("GB_2312-80"), "gb2312");
  EXPECT_EQ(from_header("GB18030"), "gb18030");
  EXPECT_EQ(from_header("Big5-HKSCS"), "big5-hkscs");
  EXPECT_EQ(from_header("UTF8"), "utf-8");
  EXPECT_EQ(from_header("ISO-8859-1"), "windows-1252");
  EXPECT_EQ(from_header("latin1"), "windows-1252");
}

TEST(DetectCharset, ReadsMetaInTheFirst4KiB) {
  EXPECT_EQ(detect_charset("text/html", "<html><head><META CHARSET='GBK'>"), "gbk");
  EXPECT_EQ(detect_charset("",
                           "<meta http-equiv=\"Content-Type\" "
                           "content=\"text/html; charset=gb2312\" />"),
            "gb2312");
  EXPECT_EQ(detect_charset("",
                           "<meta content=\"text/html;charset=big5\" "
                           "http-equiv=content-type>"),
            "big5");
  // Without http-equiv the content attribute means nothing.
  EXPECT_EQ(detect_charset("", "<meta name=\"x\" content=\"charset=gbk\">"), "utf-8");
  // A declaration in a comment is not one.
  EXPECT_EQ(detect_charset("", "<!-- <meta charset=gbk> --><meta charset=big5>"), "big5");
  // A page that declares UTF-16 in ASCII is not UTF-16.
  EXPECT_EQ(detect_charset("", "<meta charset=utf-16>"), "utf-8");
  std::string late = "<html>" + std::string(5000, ' ') + "<meta charset=gbk>";
  EXPECT_EQ(detect_charset("", late), "utf-8");
}

TEST(DetectCharset, ReadsTheXmlDeclaration) {
  EXPECT_EQ(detect_charset("", "<?xml version=\"1.0\" encoding=\"GBK\"?><urlset/>"), "gbk");
}

TEST(DetectCharset, GuessesUtf8ThenGb18030) {
  EXPECT_EQ(detect_charset("text/html", "<p>交通运输部</p>"), "utf-8");
  EXPECT_EQ(detect_charset("", "plain ascii"), "utf-8");
  EXPECT_EQ(detect_charset("", "<p>\xBD\xBB\xCD\xA8</p>"), "gb18030");  // 交通 in GBK
}

TEST(DetectCharset, FindsWhatTheFixturesDeclare) {
  EXPECT_EQ(detect_charset("text/html", read_fixture("trs_list_utf8.html")), "utf-8");
  EXPECT_EQ(detect_charset("text/html", read_fixture("gbk_article.html")), "gbk");
  EXPECT_EQ(detect_charset("text/html", read_fixture("gb2312_http_equiv.html")), "gb2312");
  EXPECT_EQ(detect_charset("text/html", read_fixture("big5_page.html")), "big5");
}

TEST(ToUtf8, DecodesGbkAsGb18030) {
  std::string page = to_utf8(read_fixture("gbk_article.html"), "gbk");
  EXPECT_NE(page.find("<title>交通运输部关于印发《公路水路行业安全生产风险管理暂行办法》的通知"
                      "</title>"),
            std::string::npos);
  EXPECT_NE(page.find("各省、自治区、直辖市交通运输厅（局、委）："), std::string::npos);
  // Beyond GBK: a two-byte GB18030-2005 code and a four-byte one.
  EXPECT_NE(page.find("联系人：王䶮（𠮷）"), std::string::npos);
  EXPECT_EQ(page.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(ToUtf8, DecodesGb2312AndBig5) {
  std::string gb = to_utf8(read_fixture("gb2312_http_equiv.html"), "gb2312");
  EXPECT_NE(gb.find("<title>湖北省交通运输厅_首页</title>"), std::string::npos);
  EXPECT_NE(gb.find("鄂公网安备 42010602000123号"), std::string::npos);

  std::string big5 = to_utf8(read_fixture("big5_page.html"), "big5");
  EXPECT_NE(big5.find("<title>交通部公路總局</title>"), std::string::npos);
  EXPECT_NE(big5.find("本局網站提供民眾查詢公路養護與交通管理相關資訊。"), std::string::npos);
}

TEST(ToUtf8, ReplacesInvalidBytesAndGoesOn) {
  // 交 <invalid 0xFF> 通, then a lead byte cut off at the end.
  EXPECT_EQ(to_utf8("\xBD\xBB\xFF\xCD\xA8", "gbk"), "交\xEF\xBF\xBD通");
  EXPECT_EQ(to_utf8("\xBD\xBB\xCD", "gb18030"), "交\xEF\xBF\xBD");
  // A lead byte followed by ASCII: the ASCII survives.
  EXPECT_EQ(to_utf8("\x81<p>", "gbk"), "\xEF\xBF\xBD<p>");
  EXPECT_EQ(to_utf8("ok \xC3\x28 \xE4\xBA", "utf-8"), "ok \xEF\xBF\xBD( \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(to_utf8("\xED\xA0\x80", "utf-8"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(ToUtf8, DropsTheBom) {
  EXPECT_EQ(to_utf8("\xEF\xBB\xBF<p>中</p>", "utf-8"), "<p>中</p>");
  EXPECT_EQ(to_utf8(std::string("\xFF\xFE\x2D\x4E", 4), "utf-16le"), "中");
  EXPECT_EQ(to_utf8(std::string("\xFE\xFF\x4E\x2D", 4), "utf-16be"), "中");
}

TEST(ToUtf8, DecodesLatin1AsWindows1252) {
  EXPECT_EQ(to_utf8("caf\xE9 \x80 \x93\x96", "iso-8859-1"), "café € “–");
  EXPECT_EQ(to_utf8("\xA0\xFF", "windows-1252"), "\xC2\xA0ÿ");
}

TEST(ToUtf8, TreatsAnUnknownCharsetAsUtf8) {
  EXPECT_EQ(to_utf8("中文", "no-such-charset"), "中文");
  EXPECT_EQ(to_utf8("a\xFF", ""), "a\xEF\xBF\xBD");
}

TEST(ToUtf8, UsesOtherCharsetsIconvKnows) {
  EXPECT_EQ(detect_charset("text/html; charset=Shift_JIS", ""), "shift_jis");
  EXPECT_EQ(to_utf8("\x93\xFA\x96\x7B", "shift_jis"), "日本");
}

// Issue 11, WHATWG URL: the query of a legacy-encoded page's reference is encoded in the
// page's charset; the path, the fragment and ASCII stay as they are.
TEST(EncodeQuery, UsesThePagesCharsetForTheQueryOnly) {
  EXPECT_EQ(encode_query("/search?q=交通", "gbk"), "/search?q=%BD%BB%CD%A8");
  EXPECT_EQ(encode_query("/search?q=交通", "gb18030"), "/search?q=%BD%BB%CD%A8");
  EXPECT_EQ(encode_query("/路径/a", "gbk"), "/路径/a");
  EXPECT_EQ(encode_query("/路径/s?kw=交通#节", "gbk"), "/路径/s?kw=%BD%BB%CD%A8#节");
  // 通 is B3 71 in Big5, and 0x71 is "q": an ASCII byte stays as it is, as browsers send it.
  EXPECT_EQ(encode_query("/s?q=交通", "big5"), "/s?q=%A5%E6%B3q");
  EXPECT_EQ(encode_query("/s?q=交通", "utf-8"), "/s?q=交通");
  EXPECT_EQ(encode_query("/s?q=ü", "iso-8859-1"), "/s?q=%FC");
  EXPECT_EQ(encode_query("/s?q=a b", "gbk"), "/s?q=a b");  // ASCII: the normaliser's job
}

TEST(EncodeQuery, WhatTheCharsetCannotWriteBecomesANumericReference) {
  EXPECT_EQ(encode_query("/s?q=ü€", "iso-8859-1"), "/s?q=%FC%80");  // windows-1252 has €
  EXPECT_EQ(encode_query("/s?q=😀", "big5"), "/s?q=%26%23128512%3B");
}

}  // namespace
}  // namespace sitepatrol::crawler
