// ProgressLine: the live one-line status of a patrol on a terminal (stderr), redrawn five
// times a second by its own thread from the patrol's atomic counters, erased when it ends.
#pragma once

#include <atomic>
#include <thread>

#include "crawler/patrol.h"

namespace sitepatrol::app {

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
