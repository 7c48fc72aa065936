#include "reports/terminal_width.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <string_view>

namespace sitepatrol::reports {
namespace {

using namespace std::string_view_literals;

TEST(TerminalWidth, DecodesValidAndRejectsMalformedUtf8) {
  Utf8Step s = next_code_point("湖", 0);
  EXPECT_TRUE(s.valid);
  EXPECT_EQ(s.code_point, U'湖');
  EXPECT_EQ(s.length, 3u);
  EXPECT_EQ(next_code_point("\xF0\x9F\x98\x80", 0).code_point, U'\U0001F600');
  for (std::string bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF",
                          "\x80", "\xE6\xB9", "\xE6\x41\x41"}) {
    Utf8Step step = next_code_point(bad, 0);
    EXPECT_FALSE(step.valid) << bad;
    EXPECT_EQ(step.length, 1u);
    EXPECT_EQ(step.code_point, U'\uFFFD');
  }
}

TEST(TerminalWidth, RepairReplacesEachInvalidByte) {
  EXPECT_EQ(repair_utf8("a\xFF"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(repair_utf8("中\xE6\xB9"), "中\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(repair_utf8("通知公告"), "通知公告");
}

TEST(TerminalWidth, CodePointWidthsFollowEastAsianWidth) {
  EXPECT_EQ(code_point_width(U'a'), 1);
  EXPECT_EQ(code_point_width(U'中'), 2);          // CJK unified ideograph
  EXPECT_EQ(code_point_width(U'\u3400'), 2);      // extension A
  EXPECT_EQ(code_point_width(U'\U00020000'), 2);  // extension B
  EXPECT_EQ(code_point_width(U'。'), 2);          // CJK punctuation
  EXPECT_EQ(code_point_width(U'\u303F'), 1);      // half-fill space, the narrow exception
  EXPECT_EQ(code_point_width(U'，'), 2);          // fullwidth comma
  EXPECT_EQ(code_point_width(U'Ａ'), 2);          // fullwidth Latin
  EXPECT_EQ(code_point_width(U'ｱ'), 1);           // halfwidth katakana
  EXPECT_EQ(code_point_width(U'한'), 2);          // Hangul syllable
  EXPECT_EQ(code_point_width(U'\u1100'), 2);      // Hangul initial jamo
  EXPECT_EQ(code_point_width(U'\u1161'), 0);      // Hangul medial jamo
  EXPECT_EQ(code_point_width(U'\u0301'), 0);      // combining acute
  EXPECT_EQ(code_point_width(U'\u0F72'), 0);      // Tibetan vowel sign i
  EXPECT_EQ(code_point_width(U'\u0FB2'), 0);      // Tibetan subjoined ra
  EXPECT_EQ(code_point_width(U'\u064E'), 0);      // Arabic fatha (Uyghur script)
  EXPECT_EQ(code_point_width(U'\u3099'), 0);      // combining kana voiced mark
  EXPECT_EQ(code_point_width(U'\U0001F600'), 2);  // emoji
  EXPECT_EQ(code_point_width(U'é'), 1);
  EXPECT_EQ(code_point_width(U'\x1b'), 0);
  EXPECT_EQ(code_point_width(U'\u009B'), 0);
}

TEST(TerminalWidth, DisplayWidthOfStrings) {
  EXPECT_EQ(display_width(""), 0);
  EXPECT_EQ(display_width("hb-jtt"), 6);
  EXPECT_EQ(display_width("湖北省交通运输厅"), 16);
  EXPECT_EQ(display_width("HTTP 404，页面不存在"), 8 + 2 + 10);
  EXPECT_EQ(display_width("e\u0301"), 1);
  EXPECT_EQ(display_width("ＡＢ"), 4);
  EXPECT_EQ(display_width("한국어"), 6);
  EXPECT_EQ(display_width("a\xFF"
                          "b"),
            3);
}

TEST(TerminalWidth, SanitizeStripsControlsAndKeepsText) {
  std::string s = sanitize_for_terminal("\x1b[31mred\x1b[0m \x1b]0;title\x07 ok");
  EXPECT_EQ(s, "[31mred[0m ]0;title ok");
  EXPECT_EQ(sanitize_for_terminal("a\u009B2Jb"), "a2Jb");  // C1 CSI
  EXPECT_EQ(sanitize_for_terminal("a\x7f"
                                  "b\x00"
                                  "c"sv),
            "abc");
  EXPECT_EQ(sanitize_for_terminal("line1\r\nline2\tend"), "line1  line2 end");
  EXPECT_EQ(sanitize_for_terminal("abc\u202Egnp.exe"), "abcgnp.exe");  // bidi override
  EXPECT_EQ(sanitize_for_terminal("x\u200By\uFEFFz\u00AD"), "xyz");
  EXPECT_EQ(sanitize_for_terminal("\xFF\xFE"), "??");
  EXPECT_EQ(sanitize_for_terminal("湖北省交通运输厅 e\u0301"), "湖北省交通运输厅 e\u0301");
}

TEST(TerminalWidth, TruncateAtEndWithEllipsis) {
  EXPECT_EQ(truncate_to_width("abcdefghij", 10), "abcdefghij");
  EXPECT_EQ(truncate_to_width("abcdefghij", 6), "abc...");
  EXPECT_EQ(truncate_to_width("湖北省交通运输厅", 8), "湖北...");  // 4 + 3; 6 + 3 would not fit
  EXPECT_EQ(truncate_to_width("湖北省交通运输厅", 9), "湖北省...");
  EXPECT_EQ(truncate_to_width("abcdef", 3), "abc");
  EXPECT_EQ(truncate_to_width("湖北", 3), "湖");
  EXPECT_EQ(truncate_to_width("abc", 0), "");
}

TEST(TerminalWidth, TruncateUrlInTheMiddle) {
  EXPECT_EQ(truncate_to_width("http://www.site.example/a/b/c/d/file.pdf", 20, Elide::middle),
            "http://ww...file.pdf");
  EXPECT_EQ(truncate_to_width("http://例子.example/通知公告/2026/t1.html", 24, Elide::middle),
            "http://例子...26/t1.html");
}

TEST(TerminalWidth, TruncatedTextNeverExceedsWidth) {
  const std::string text = "http://jtt.xizang.example/ཞིབ་འཇུག/通知公告/ＡＢ/é/t1.html";
  for (int width = 0; width <= display_width(text) + 1; ++width) {
    for (Elide where : {Elide::end, Elide::middle}) {
      std::string cut = truncate_to_width(text, width, where);
      EXPECT_LE(display_width(cut), width) << cut;
      int slack = where == Elide::end ? 1 : 2;  // a wide character may not fit exactly
      if (width >= 4) {
        EXPECT_GE(display_width(cut), width - slack) << cut;
      }
      EXPECT_EQ(repair_utf8(cut), cut) << "cut inside a character";
    }
  }
}

TEST(TerminalWidth, PadToDisplayWidth) {
  EXPECT_EQ(pad_to_width("中", 4), "中  ");
  EXPECT_EQ(pad_to_width("ab", 4), "ab  ");
  EXPECT_EQ(pad_to_width("abcdef", 4), "abcdef");
}

TEST(TerminalWidth, ColumnsFromEnvironmentThenTtyThenDefault) {
  const char* saved = std::getenv("COLUMNS");
  std::string saved_value = saved ? saved : "";
  ::setenv("COLUMNS", "77", 1);
  EXPECT_EQ(terminal_columns(-1), 77);
  ::setenv("COLUMNS", "wide", 1);
  EXPECT_EQ(terminal_columns(-1), 120);
  ::setenv("COLUMNS", "0", 1);
  EXPECT_EQ(terminal_columns(-1), 120);
  ::unsetenv("COLUMNS");
  EXPECT_EQ(terminal_columns(-1), 120);
  if (saved) ::setenv("COLUMNS", saved_value.c_str(), 1);
}

}  // namespace
}  // namespace sitepatrol::reports
