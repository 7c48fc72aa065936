// Keeps a worker's claim alive while it patrols the site (issue 16): a thread renews the
// lease every third of its length on a connection of its own, and raises `lost` when the
// renewal finds the claim gone (the lease ran out and another worker took the site) or the
// database cannot be reached until the lease has run out. The patrol polls `lost` like a
// signal and stops. Stops renewing when destroyed.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/store.h"

namespace sitepatrol::app {

class ClaimLease {
 public:
  ClaimLease(std::string database, store::SiteClaim claim, std::chrono::milliseconds length,
             std::atomic<bool>& lost);
  ~ClaimLease();
  ClaimLease(const ClaimLease&) = delete;
  ClaimLease& operator=(const ClaimLease&) = delete;

  // Unix milliseconds now.
  static std::int64_t now_ms();

 private:
  void renew_until_stopped();

  std::string database_;
  store::SiteClaim claim_;
  std::chrono::milliseconds length_;
  std::atomic<bool>& lost_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace sitepatrol::app
