// HoldMark: one holder of the patrol's gate (crawler/host_gate.h) with a high-water mark. It
// holds the gate when its count reaches `high` and lets go when the count falls to half,
// and it holds at most once however often the count reaches the mark again: the gate counts
// its holders, so a second hold would need a second release that never comes (both hangs of
// issue 15's fifth step were that). ParseBacklog counts pages waiting for the parse pool,
// StoreWriter the answers (pages, links checked) of the batches
// waiting for the store.
//
// Thread rules: one thread, the I/O thread, like HostGate.
#pragma once

#include <cstddef>
#include <functional>

namespace sitepatrol::crawler {

class HoldMark {
 public:
  using Hold = std::function<void(bool)>;  // hold(true), later hold(false)

  HoldMark(std::size_t high, Hold hold) : high_(high < 2 ? 2 : high), hold_(std::move(hold)) {}

  void up(std::size_t n = 1) {
    count_ += n;
    if (count_ >= high_ && !holding_ && hold_) {
      holding_ = true;
      hold_(true);
    }
  }
  void down(std::size_t n = 1) {
    count_ -= n < count_ ? n : count_;
    if (holding_ && count_ <= high_ / 2) {
      holding_ = false;
      if (hold_) hold_(false);
    }
  }
  // A new holder's callback; null: never holds again (nor lets go: the loop that would act
  // on it has ended).
  void set_hold(Hold hold) { hold_ = std::move(hold); }

  std::size_t count() const { return count_; }
  bool holding() const { return holding_; }

 private:
  std::size_t high_;
  Hold hold_;
  std::size_t count_ = 0;
  bool holding_ = false;
};

}  // namespace sitepatrol::crawler
