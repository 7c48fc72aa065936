#include "reports/text_wrap.h"

#include <gtest/gtest.h>

#include "reports/terminal_width.h"

namespace sitepatrol::reports {
namespace {

using Lines = std::vector<std::string>;

TEST(WrapToWidth, BreaksAtSpaces) {
  EXPECT_EQ(wrap_to_width("HTTP 200, but the page says it does not exist", 16),
            (Lines{"HTTP 200, but", "the page says it", "does not exist"}));
}

// Chinese has no spaces: a line breaks between characters, each 2 columns wide.
TEST(WrapToWidth, BreaksChineseByDisplayWidth) {
  const Lines lines = wrap_to_width("首页最新信息发布于2026-10-01，已55天未更新", 10);
  std::string joined;
  for (const auto& line : lines) {
    EXPECT_LE(display_width(line), 10) << line;
    joined += line;
  }
  EXPECT_EQ(joined, "首页最新信息发布于2026-10-01，已55天未更新");
  EXPECT_EQ(lines.front(), "首页最新信");
}

TEST(WrapToWidth, CutsALongTokenWhereTheWidthIsReached) {
  EXPECT_EQ(wrap_to_width("abcdefghij", 4), (Lines{"abcd", "efgh", "ij"}));
}

TEST(WrapToWidth, ShortTextIsOneLine) {
  EXPECT_EQ(wrap_to_width("HTTP 404", 20), (Lines{"HTTP 404"}));
  EXPECT_EQ(wrap_to_width("", 20), (Lines{""}));
}

}  // namespace
}  // namespace sitepatrol::reports
