// ProgressLine: the live one-line status of a patrol on a terminal (stderr), redrawn five
// times a second by its own thread from the patrol's counters, erased when it ends. It
// names the sites in progress and, once a site is done, the time left. Log lines erase it
// first (app/terminal_line.h).
#pragma once

#include <atomic>
#include <string>
#include <thread>

#include "crawler/patrol.h"

namespace sitepatrol::app {

// The line's text after `seconds` of the patrol.
std::string progress_text(const crawler::PatrolProgress& progress, double seconds);

class ProgressLine {
 public:
  explicit ProgressLine(const crawler::PatrolProgress& progress);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

 private:
  void draw(double seconds) const;

  const crawler::PatrolProgress& progress_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace sitepatrol::app
