// HoldMark: hold at the mark, let go at half, hold once however often the count comes back.
#include "crawler/hold_mark.h"

#include <gtest/gtest.h>

#include <vector>

namespace sitepatrol::crawler {
namespace {

TEST(HoldMark, HoldsAtTheMarkAndLetsGoAtHalf) {
  std::vector<bool> calls;
  HoldMark mark(4, [&](bool on) { calls.push_back(on); });
  for (int i = 0; i < 3; ++i) mark.up();
  EXPECT_TRUE(calls.empty());
  mark.up();  // 4
  EXPECT_EQ(calls, std::vector<bool>{true});
  mark.down();  // 3: still over half
  EXPECT_EQ(calls.size(), 1u);
  mark.down();  // 2: half
  EXPECT_EQ(calls, (std::vector<bool>{true, false}));
  EXPECT_FALSE(mark.holding());
  EXPECT_EQ(mark.count(), 2u);
}

TEST(HoldMark, ReachingTheMarkAgainWhileHoldingHoldsOnce) {
  std::vector<bool> calls;
  HoldMark mark(4, [&](bool on) { calls.push_back(on); });
  for (int i = 0; i < 4; ++i) mark.up();  // hold
  mark.down();
  mark.up();  // 4 again, still holding
  mark.up();  // 5
  EXPECT_EQ(calls, std::vector<bool>{true});
  while (mark.count() > 0) mark.down();
  EXPECT_EQ(calls, (std::vector<bool>{true, false}));  // one hold, one release
  mark.down();                                         // below zero is nothing
  EXPECT_EQ(mark.count(), 0u);
}

TEST(HoldMark, WithoutACallbackItNeitherHoldsNorLetsGo) {
  std::vector<bool> calls;
  HoldMark mark(2, nullptr);
  mark.up();
  mark.up();
  EXPECT_FALSE(mark.holding());
  mark.set_hold([&](bool on) { calls.push_back(on); });
  mark.up();  // over the mark with a callback now
  EXPECT_EQ(calls, std::vector<bool>{true});
  mark.set_hold(nullptr);  // the loop ended
  mark.down();
  mark.down();
  mark.down();
  EXPECT_EQ(calls, std::vector<bool>{true});
}

}  // namespace
}  // namespace sitepatrol::crawler
