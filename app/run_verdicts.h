// The external links' answers a worker's slots share (issue 16, crawler/link_verdicts.h):
// one set per run, replaced when a slot claims a site of a newer run. A slot keeps its
// shared_ptr while it patrols, so a set outlives every patrol using it.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>

#include "crawler/link_verdicts.h"

namespace sitepatrol::app {

class RunVerdicts {
 public:
  std::shared_ptr<crawler::LinkVerdicts> of(std::int64_t run) {
    std::lock_guard lock(mutex_);
    if (run != run_ || !verdicts_) {
      run_ = run;
      verdicts_ = std::make_shared<crawler::LinkVerdicts>();
    }
    return verdicts_;
  }

 private:
  std::mutex mutex_;
  std::int64_t run_ = 0;
  std::shared_ptr<crawler::LinkVerdicts> verdicts_;
};

}  // namespace sitepatrol::app
