// Patrol: one patrol round over a set of registered sites (`sitepatrol crawl`).
//
// It owns the machinery of a run: the io_context with the curl fetcher, the host gate, the
// parse pool and the store writer; each site is walked by a SiteCrawl (site_crawl.h). The
// thread that calls `run` runs the I/O loop and returns when every site is done or the run
// was cancelled. Progress counters may be read from any thread while it runs.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "config/config.h"
#include "crawler/clock.h"
#include "crawler/link_verdicts.h"
#include "store/host_permits.h"
#include "store/store.h"

namespace sitepatrol::crawler {

// One site's walk as the progress line and the summary see it: when it began and ended on
// the steady clock (wall time, whatever clock judges dates, so `--as-of` runs report their
// real duration).
struct SiteProgress {
  std::string id;
  std::chrono::steady_clock::time_point started{};
  std::chrono::steady_clock::time_point finished{};
  bool running = false;
  bool done = false;
  int pages = 0;  // pages read, as the run's total counts them (set when done)
};

struct PatrolProgress {
  std::atomic<int> sites_total{0};
  std::atomic<int> sites_done{0};
  std::atomic<int> pages{0};
  std::atomic<int> links_checked{0};
  std::atomic<int> queued{0};
  std::atomic<int> findings{0};
  std::atomic<std::int64_t> bytes{0};

  // Per site, written by the I/O thread when a walk begins and ends (rarely), read by the
  // progress line's thread: guarded by the mutex, copied out by `sites()`.
  void site_started(const std::string& id);
  void site_finished(const std::string& id, int pages);
  std::vector<SiteProgress> sites() const;

 private:
  mutable std::mutex mutex_;
  std::vector<SiteProgress> sites_;
};

struct PatrolResult {
  std::int64_t run_id = 0;
  store::RunTotals totals;
  bool finished = false;  // false when cancelled (the run stays unfinished: aborted)
  std::string error;      // store failure, empty when fine
};

class Patrol {
 public:
  Patrol(const config::Config& config, store::Store& store, const Clock& clock);

  PatrolResult run(const std::vector<const config::SiteConfig*>& sites,
                   PatrolProgress* progress = nullptr, const std::atomic<bool>* cancel = nullptr);

  // External links' answers shared beyond this patrol (issue 16): with the other slots of a
  // worker (`verdicts`, which must outlive `run`) and, `through_store`, with the other workers
  // of the run. Without it the patrol's sites share answers among themselves only.
  void share_link_verdicts(LinkVerdicts& verdicts, bool through_store) {
    shared_verdicts_ = &verdicts;
    verdicts_in_store_ = through_store;
  }
  // And the per-host limit for external hosts, shared by the run's workers (must outlive
  // `run`).
  void share_host_permits(store::HostPermits& permits) { host_permits_ = &permits; }

 private:
  const config::Config& config_;
  store::Store& store_;
  const Clock& clock_;
  LinkVerdicts* shared_verdicts_ = nullptr;
  bool verdicts_in_store_ = false;
  store::HostPermits* host_permits_ = nullptr;
};

}  // namespace sitepatrol::crawler
