#include "crawler/page_styles.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::crawler {
namespace {

using Blocks = std::vector<std::string_view>;

TEST(PageStyles, APageThatRepeatsItsTemplatesBlocksGetsTheSheetAlreadyParsed) {
  const Blocks blocks = {".hide{display:none}", ".menu li{float:left}"};
  const auto first = page_styles(blocks);
  EXPECT_EQ(page_styles(Blocks(blocks)), first);
  EXPECT_NE(page_styles(Blocks{".hide{display:none}"}), first);
}

// Blocks that join to the same bytes are other sheets: split differently, or holding the
// bytes a separator would be.
TEST(PageStyles, BlocksAreTheKeyNotTheirConcatenation) {
  const std::string with_nul = std::string(".a{display:none}") + '\0';
  const auto split = page_styles(Blocks{".a{display:none}", ".b{display:none}"});
  const auto joined = page_styles(Blocks{".a{display:none}.b{display:none}"});
  const auto nul_first = page_styles(Blocks{with_nul, ".b{}"});
  const auto nul_second = page_styles(Blocks{".a{display:none}", std::string_view("\0.b{}", 5)});
  EXPECT_NE(split, joined);
  EXPECT_NE(nul_first, nul_second);
  EXPECT_EQ(split, page_styles(Blocks{".a{display:none}", ".b{display:none}"}));
}

// Four sheets are kept: the fifth template pushes out the oldest.
TEST(PageStyles, TheOldestOfFourSheetsMakesRoomForANewOne) {
  std::vector<std::string> css;
  for (int i = 0; i < 5; ++i) css.push_back(".t" + std::to_string(i) + "{display:none}");
  const auto oldest = page_styles(Blocks{css[0]});
  for (int i = 1; i < 4; ++i) page_styles(Blocks{css[i]});
  EXPECT_EQ(page_styles(Blocks{css[0]}), oldest);  // still kept
  page_styles(Blocks{css[4]});
  EXPECT_NE(page_styles(Blocks{css[0]}), oldest);  // parsed again
}

TEST(PageStyles, StylesLargerThanTheLimitAreParsedEachTimeAndNotKept) {
  const std::string huge = ".x{display:none}" + std::string(kMaxCachedStyleBytes, ' ');
  const auto first = page_styles(Blocks{huge});
  EXPECT_NE(page_styles(Blocks{huge}), first);
  EXPECT_EQ(first->selector_count(), 1u);
}

}  // namespace
}  // namespace sitepatrol::crawler
