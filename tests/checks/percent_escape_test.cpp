#include "checks/percent_escape.h"

#include <gtest/gtest.h>

namespace sitepatrol::checks {
namespace {

TEST(PercentEscape, ReadsAnEscapeInEitherCase) {
  EXPECT_EQ(escaped_byte("%E5%85%B3", 0), 0xE5);
  EXPECT_EQ(escaped_byte("%e5%85%b3", 3), 0x85);
  EXPECT_EQ(escaped_byte("a%2Fb", 1), '/');
  EXPECT_EQ(escaped_byte("%00", 0), 0);
}

TEST(PercentEscape, NothingWhereNoWholeEscapeBegins) {
  EXPECT_FALSE(escaped_byte("%4", 0));  // cut short at the end
  EXPECT_FALSE(escaped_byte("%", 0));
  EXPECT_FALSE(escaped_byte("%G1", 0));  // not hexadecimal
  EXPECT_FALSE(escaped_byte("%1G", 0));
  EXPECT_FALSE(escaped_byte("A41", 0));  // no per cent sign there
  EXPECT_FALSE(escaped_byte("%41", 1));
  EXPECT_FALSE(escaped_byte("", 0));
  EXPECT_FALSE(escaped_byte("%41", 7));  // beyond the end
}

}  // namespace
}  // namespace sitepatrol::checks
