#include "app/progress.h"

#include <gtest/gtest.h>

#include "reports/terminal_width.h"

namespace sitepatrol::app {
namespace {

ProgressSnapshot walking(std::vector<std::string> running) {
  ProgressSnapshot s;
  s.sites_total = 5;
  s.sites_done = 1;
  s.pages = 100;
  s.queued = 300;
  s.running = std::move(running);
  return s;
}

TEST(ProgressText, NamesTheSitesBeingWalked) {
  const std::string text =
      progress_text(walking({"hb-jtt", "hn-jtt", "gd-jtt", "gx-jtt"}), 10, 200);
  EXPECT_NE(text.find("crawling hb-jtt, hn-jtt +2"), std::string::npos) << text;
}

// 100 pages in 10 s, 300 queued: 30 s left at that rate.
TEST(ProgressText, EstimatesTheTimeLeftFromTheQueueAndTheRate) {
  const std::string text = progress_text(walking({"hb-jtt"}), 10, 200);
  EXPECT_NE(text.find("~30s left"), std::string::npos) << text;
  // max_run_time (60 s) caps it: 50 s left of it at most, here less.
  EXPECT_NE(progress_text(walking({}), 50, 200, 60).find("~10s left"), std::string::npos);
  // Too early to tell.
  EXPECT_EQ(progress_text(walking({}), 1, 200).find("left"), std::string::npos);
}

TEST(ProgressText, FitsTheTerminal) {
  const std::string text = progress_text(walking({"hb-jtt", "hn-jtt"}), 10, 40);
  EXPECT_LE(reports::display_width(text), 39) << text;
}

}  // namespace
}  // namespace sitepatrol::app
