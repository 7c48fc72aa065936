#include "checks/avail_ratio.h"

#include <gtest/gtest.h>

#include <vector>

namespace sitepatrol::checks {
namespace {

using namespace std::chrono;
const auto kNow = system_clock::time_point(hours(24 * 20000));
const std::string kHome = "http://www.site.example/";

// `total` probes an hour apart ending at kNow, the first `failed` of them failed.
std::vector<ProbeSample> probes(int total, int failed, hours spacing = hours(1)) {
  std::vector<ProbeSample> out;
  for (int i = 0; i < total; ++i) out.push_back({kNow - spacing * i, i >= failed});
  return out;
}

TEST(AvailRatio, FivePercentIsCritical) {
  auto f = check_avail_ratio("hb-jtt", kHome, probes(100, 5), kNow);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->code, "AVAIL-RATIO");
  EXPECT_EQ(f->severity, Severity::critical);
  EXPECT_EQ(f->subject, kHome);
  EXPECT_EQ(f->site, "hb-jtt");
  EXPECT_NE(f->detail.find("5 of 100 probes failed"), std::string::npos) << f->detail;
  // One in twenty is exactly 5 %.
  ASSERT_TRUE(check_avail_ratio("s", kHome, probes(20, 1), kNow));
  EXPECT_EQ(check_avail_ratio("s", kHome, probes(20, 1), kNow)->severity, Severity::critical);
}

TEST(AvailRatio, ThreePercentIsAnEarlyWarning) {
  auto f = check_avail_ratio("s", kHome, probes(100, 3), kNow);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->severity, Severity::warning);
  EXPECT_NE(f->detail.find("early warning"), std::string::npos);
  EXPECT_EQ(check_avail_ratio("s", kHome, probes(100, 4), kNow)->severity, Severity::warning);
}

TEST(AvailRatio, BelowThreePercentSaysNothing) {
  EXPECT_FALSE(check_avail_ratio("s", kHome, probes(100, 2), kNow));
  EXPECT_FALSE(check_avail_ratio("s", kHome, probes(100, 0), kNow));
}

TEST(AvailRatio, TooFewProbesSayNothing) {
  EXPECT_FALSE(check_avail_ratio("s", kHome, probes(19, 19), kNow));
  AvailRatioPolicy policy;
  policy.min_probes = 3;
  EXPECT_TRUE(check_avail_ratio("s", kHome, probes(3, 1), kNow, policy));
}

TEST(AvailRatio, OnlyTheWindowCounts) {
  // 200 probes 1 h apart: the newest 168 are in the 7-day window; the 20 oldest failed.
  std::vector<ProbeSample> samples = probes(200, 0);
  for (int i = 180; i < 200; ++i) samples[i].up = false;
  EXPECT_FALSE(check_avail_ratio("s", kHome, samples, kNow));
  AvailRatioPolicy month;
  month.window = hours(24 * 30);
  EXPECT_TRUE(check_avail_ratio("s", kHome, samples, kNow, month));
}

}  // namespace
}  // namespace sitepatrol::checks
