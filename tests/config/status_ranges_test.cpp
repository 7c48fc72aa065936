#include "config/status_ranges.h"

#include <gtest/gtest.h>

#include <vector>

namespace sitepatrol::config {
namespace {

TEST(StatusRanges, ReadsSinglesDashRangesAndLychee) {
  EXPECT_EQ(parse_status_range("403"), (StatusRange{403, 403}));
  EXPECT_EQ(parse_status_range("200-299"), (StatusRange{200, 299}));
  EXPECT_EQ(parse_status_range("200..=204"), (StatusRange{200, 204}));
  EXPECT_EQ(parse_status_range(" 401 - 403 "), (StatusRange{401, 403}));
}

TEST(StatusRanges, RefusesWhatIsNotARange) {
  for (const char* bad : {"", "abc", "99", "1000", "299-200", "200-", "-200", "200..=", "2OO",
                          "200-299-300", "200..204"}) {
    EXPECT_EQ(parse_status_range(bad), std::nullopt) << bad;
    std::string text = bad;
    EXPECT_NE(check_status_range(text), "") << bad;
  }
}

TEST(StatusRanges, Membership) {
  const std::vector<StatusRange> ranges = {{200, 299}, {403, 403}};
  EXPECT_TRUE(status_in(ranges, 204));
  EXPECT_TRUE(status_in(ranges, 403));
  EXPECT_FALSE(status_in(ranges, 404));
  EXPECT_FALSE(status_in({}, 200));
}

}  // namespace
}  // namespace sitepatrol::config
