// display_url: what a reader can read decoded, and what must stay encoded.
#include "reports/link_display.h"

#include <gtest/gtest.h>

#include <string>

namespace sitepatrol::reports {
namespace {

TEST(DisplayUrl, DecodesAChineseFileName) {
  // 关于印发通知的附件.pdf
  EXPECT_EQ(display_url("http://www.site.example/files/"
                        "%E5%85%B3%E4%BA%8E%E5%8D%B0%E5%8F%91%E9%80%9A%E7%9F%A5%E7%9A%84%E9%99%84%E4%BB%B6.pdf"),
            "http://www.site.example/files/关于印发通知的附件.pdf");
  // Lower-case hex too, and a four-byte character (𠀀, U+20000).
  EXPECT_EQ(display_url("https://a.example/%e5%8a%9e/%F0%A0%80%80.doc"),
            "https://a.example/办/\xF0\xA0\x80\x80.doc");
}

TEST(DisplayUrl, LeavesAsciiEscapesEncoded) {
  EXPECT_EQ(display_url("http://a.example/a%2Fb/%E6%96%87.pdf"), "http://a.example/a%2Fb/文.pdf");
  EXPECT_EQ(display_url("http://a.example/%25E6%2596%2587"), "http://a.example/%25E6%2596%2587");
  EXPECT_EQ(display_url("http://a.example/x%00y%0Az%1F%20%3F%23"),
            "http://a.example/x%00y%0Az%1F%20%3F%23");
}

TEST(DisplayUrl, LeavesInvalidUtf8Encoded) {
  // A lone lead byte, a truncated sequence, a stray continuation byte, an overlong '/',
  // a GBK-encoded name (通知 in GBK is CDA8 D6AA) and a surrogate.
  for (const char* url :
       {"http://a.example/%E6.pdf", "http://a.example/%E6%96.pdf", "http://a.example/%96%87",
        "http://a.example/%C0%AF", "http://a.example/%E0%80%AF", "http://a.example/%CD%A8%D6%AA.doc",
        "http://a.example/%ED%A0%80", "http://a.example/%F4%90%80%80", "http://a.example/%E6%9",
        "http://a.example/%"}) {
    EXPECT_EQ(display_url(url), url);
  }
  // The valid character after an invalid one is still decoded.
  EXPECT_EQ(display_url("http://a.example/%E6%E6%96%87"), "http://a.example/%E6文");
}

TEST(DisplayUrl, LeavesInvisibleAndBidiCharactersEncoded) {
  // U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO WIDTH SPACE, U+3000 IDEOGRAPHIC SPACE,
  // U+00A0 NO-BREAK SPACE, U+0085 NEXT LINE (C1), U+FEFF.
  for (const char* url :
       {"http://a.example/%E2%80%AEfdp.exe", "http://a.example/a%E2%80%8Bb",
        "http://a.example/a%E3%80%80b", "http://a.example/a%C2%A0b", "http://a.example/a%C2%85b",
        "http://a.example/%EF%BB%BFa"}) {
    EXPECT_EQ(display_url(url), url);
  }
}

TEST(DisplayUrl, QueryStringsAndFragments) {
  EXPECT_EQ(display_url("http://a.example/search?q=%E9%80%9A%E7%9F%A5&x=1%262"),
            "http://a.example/search?q=通知&x=1%262");
  EXPECT_EQ(display_url("http://a.example/p#%E7%AB%A0"), "http://a.example/p#章");
}

TEST(DisplayUrl, HostAndPlainTextStayAsStored) {
  EXPECT_EQ(display_url("http://xn--fiqs8s.example/"), "http://xn--fiqs8s.example/");
  EXPECT_EQ(display_url("http://a.example"), "http://a.example");
  EXPECT_EQ(display_url("jtt.hb.example"), "jtt.hb.example");
  EXPECT_EQ(display_url("/files/%E6%96%87.pdf"), "/files/文.pdf");
  EXPECT_EQ(display_url(""), "");
}

store::FindingRow link_row(std::size_t pages) {
  store::FindingRow row;
  row.finding.code = "LINK-BROKEN";
  row.finding.subject = "http://a.example/%E6%96%87.pdf";
  row.finding.page = "http://a.example/p1.html";
  for (std::size_t i = 0; i < pages; ++i) {
    row.carriers.push_back(store::LinkCarrier{
        .page = "http://a.example/p" + std::to_string(i) + ".html",
        .text = "text " + std::to_string(i)});
  }
  return row;
}

TEST(LinkText, ThePagesOwnTextElseTheFirstCarriers) {
  EXPECT_EQ(link_text(link_row(3)), "text 1");  // the finding's page is p1
  store::FindingRow row = link_row(3);
  row.finding.page = "http://a.example/elsewhere.html";
  EXPECT_EQ(link_text(row), "text 0");
  EXPECT_EQ(link_text(link_row(0)), "");
}

TEST(CarriersSummary, CountAndFirstThree) {
  EXPECT_EQ(carriers_summary(link_row(5), Lang::zh),
            "5 个页面：http://a.example/p0.html、http://a.example/p1.html、"
            "http://a.example/p2.html 等");
  EXPECT_EQ(carriers_summary(link_row(1), Lang::en), "1 page: http://a.example/p0.html");
  EXPECT_EQ(carriers_summary(link_row(0), Lang::zh), "");
}

}  // namespace
}  // namespace sitepatrol::reports
