#include "app/claim_lease.h"

#include <spdlog/spdlog.h>

#include <memory>

namespace sitepatrol::app {

ClaimLease::ClaimLease(std::string database, store::SiteClaim claim,
                       std::chrono::milliseconds length, std::atomic<bool>& lost)
    : database_(std::move(database)), claim_(std::move(claim)), length_(length), lost_(lost) {
  thread_ = std::thread([this] { renew_until_stopped(); });
}

ClaimLease::~ClaimLease() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::int64_t ClaimLease::now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void ClaimLease::renew_until_stopped() {
  std::unique_ptr<store::Store> store;
  std::int64_t held_until = now_ms() + length_.count();
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, length_ / 3, [this] { return stop_; })) {
    lock.unlock();
    if (!store) {  // (again) after a failure: the server may have restarted
      auto opened = store::open_store(database_);
      if (opened) store = std::move(*opened);
    }
    const std::int64_t until = now_ms() + length_.count();
    auto renewed = store ? store->renew_claim(claim_, until)
                         : store::Result<bool>(std::unexpected(store::StoreError{"no connection"}));
    if (renewed && *renewed) {
      held_until = until;
    } else if (renewed) {
      spdlog::warn("worker {}: the claim of site {} was lost; stopping its patrol", claim_.worker,
                   claim_.site);
      lost_ = true;
    } else {
      store.reset();
      spdlog::warn("worker {}: renewing the claim of site {}: {}", claim_.worker, claim_.site,
                   renewed.error().message);
      if (now_ms() >= held_until) lost_ = true;  // another worker may have it by now
    }
    lock.lock();
  }
}

}  // namespace sitepatrol::app
