// ProgressLine: the live one-line status of a patrol on a terminal (stderr), redrawn five
// times a second by its own thread from the patrol's counters through TerminalLine (so log
// lines are written above it, never glued onto it), erased when it ends.
//
// The line names the sites being walked and estimates the time left: the pages still queued
// at the rate pages have been read so far (capped by [patrol] max_run_time when set).
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "crawler/patrol.h"

namespace sitepatrol::app {

struct ProgressSnapshot {
  int sites_total = 0;
  int sites_done = 0;
  int pages = 0;
  int links_checked = 0;
  int queued = 0;
  int findings = 0;
  std::int64_t bytes = 0;
  std::vector<std::string> running;  // ids of the sites being walked, in start order
};

// The line for a snapshot `seconds` into the run, cut to `columns` display columns;
// `time_left_cap` (seconds, 0 for none) bounds the estimate.
std::string progress_text(const ProgressSnapshot& s, double seconds, int columns,
                          double time_left_cap = 0);

class ProgressLine {
 public:
  ProgressLine(const crawler::PatrolProgress& progress, std::chrono::seconds max_run_time);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

 private:
  void draw(double seconds) const;

  const crawler::PatrolProgress& progress_;
  std::chrono::seconds max_run_time_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace sitepatrol::app
