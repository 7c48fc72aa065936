// PatrolProgress: the sites in progress and those done, shared by the I/O thread that walks
// them and the thread that draws the progress line.
#include <algorithm>

#include "crawler/patrol.h"

namespace sitepatrol::crawler {

void PatrolProgress::site_started(const std::string& id) {
  std::lock_guard lock(mutex_);
  active_.push_back(id);
}

void PatrolProgress::site_finished(SiteOutcome outcome) {
  std::lock_guard lock(mutex_);
  std::erase(active_, outcome.id);
  done_.push_back(std::move(outcome));
  ++sites_done;
}

std::vector<std::string> PatrolProgress::in_progress() const {
  std::lock_guard lock(mutex_);
  return active_;
}

std::vector<SiteOutcome> PatrolProgress::finished() const {
  std::lock_guard lock(mutex_);
  return done_;
}

}  // namespace sitepatrol::crawler
