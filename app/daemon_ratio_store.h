// The store a daemon patrol writes through: the real store, plus AVAIL-RATIO.
//
// AVAIL-RATIO (checks/avail_ratio.h) is computed from the probes the daemon stored, so the
// crawler knows nothing about it: this decorator remembers which sites a run covers and, just
// before the run is finished, adds each site's AVAIL-RATIO finding to it (unless the code is
// disabled for the site), so the finding takes part in the run's lifecycle like any other.
// It also notes the expiry of each homepage certificate for the daemon's metrics.
// Everything else is passed through. One thread at a time, like every Store.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "app/forwarding_store.h"
#include "config/config.h"
#include "store/store.h"

namespace sitepatrol::app {

class RatioStore final : public ForwardingStore {
 public:
  using Now = std::function<std::chrono::system_clock::time_point()>;
  // `run_id`, when given, receives the id of the run begun (the daemon watches the run's
  // findings while it is still running). `certs`, when given, receives the expiry (Unix
  // seconds) of each homepage certificate the patrol saw (the daemon's metrics).
  RatioStore(store::Store& inner, const config::Config& config, Now now,
             std::atomic<std::int64_t>* run_id = nullptr,
             std::map<std::string, std::int64_t>* certs = nullptr)
      : ForwardingStore(inner),
        config_(config),
        now_(std::move(now)),
        run_id_(run_id),
        certs_(certs) {}

  store::Result<std::int64_t> begin_run(const std::string& started_at,
                                        const std::vector<std::string>& site_ids) override {
    sites_ = site_ids;
    auto id = inner_.begin_run(started_at, site_ids);
    if (id && run_id_) run_id_->store(*id);
    return id;
  }
  store::Result<void> save_pages(std::int64_t run,
                                 std::span<const store::PageRecord> pages) override {
    if (certs_) {
      for (const auto& p : pages)
        if (p.page.is_homepage && p.page.tls.not_after) (*certs_)[p.site] = *p.page.tls.not_after;
    }
    return inner_.save_pages(run, pages);
  }
  store::Result<void> finish_run(std::int64_t run, const std::string& finished_at,
                                 const store::RunTotals& totals) override;

 private:
  const config::Config& config_;
  Now now_;
  std::atomic<std::int64_t>* run_id_;
  std::map<std::string, std::int64_t>* certs_;
  std::vector<std::string> sites_;
};

}  // namespace sitepatrol::app
