#include "app/worker.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <csignal>
#include <iostream>
#include <optional>
#include <thread>

#include "app/claim_lease.h"
#include "app/cli_common.h"
#include "app/maintenance_store.h"
#include "app/queue_store.h"
#include "app/run_verdicts.h"
#include "app/store_retry.h"
#include "crawler/patrol.h"
#include "crawler/site_window.h"
#include "store/database_uri.h"
#include "store/host_permits.h"

namespace sitepatrol::app {

namespace {

std::atomic<bool> g_stop{false};
extern "C" void on_stop_signal(int) { g_stop.store(true); }

std::string default_worker_id() {
  std::array<char, 256> host{};
  if (gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  return std::string(host.data()) + ":" + std::to_string(getpid());
}

const config::SiteConfig* find_site(const config::Config& config, const std::string& id) {
  for (const auto& site : config.sites)
    if (site.id == id) return &site;
  return nullptr;
}

// A site whose claims keep failing (the database refuses its writes, the worker dies on it)
// is given up after this many claims, so the run can still finish.
constexpr int kMaxClaims = 5;

// What one slot of a worker shares with the others and keeps between its claims.
struct Slot {
  const config::Config& config;
  const std::string& database;
  store::Store& store;
  std::chrono::milliseconds lease;
  RunVerdicts& verdicts;
  store::HostPermits* permits;  // null on SQLite (one machine)
  int failed_in_a_row = 0;      // patrols the database failed, one after the other
};

// After a site is done (or left out): the worker completing the run's last site finishes
// the run. False, with exit 3, when the database cannot be reached.
bool finish_if_last(Slot& slot, const store::SiteClaim& claim, int& exit_code) {
  auto finished = retry_store(claim.worker, "finishing the run", g_stop, [&] {
    return slot.store.finish_queued_run(claim.run,
                                        crawler::to_rfc3339(std::chrono::system_clock::now()));
  });
  if (!finished) {
    spdlog::error("worker {}: finishing run {}: {}", claim.worker, claim.run,
                  finished.error().message);
    exit_code = kExitRuntime;
    return false;
  }
  if (*finished) spdlog::info("worker {}: run {} finished", claim.worker, claim.run);
  return true;
}

// Leaves a claimed site out of the run: what a claim of it wrote is taken away, its coverage
// says `partial`, `left_out: <why>` (so its earlier findings are carried over unverified, not
// resolved), and it is marked done, finishing the run when it was the last. False, with exit
// 3, when the database cannot be reached.
bool leave_out_site(Slot& slot, const store::SiteClaim& claim, const std::string& why,
                    int& exit_code) {
  auto done = retry_store(claim.worker, "leaving a site out", g_stop, [&]() -> store::Result<bool> {
    if (auto ok = slot.store.restart_site(claim); !ok) return std::unexpected(ok.error());
    const store::SiteCoverage left_out{"partial", "left_out: " + why};
    if (auto ok = slot.store.save_coverage(claim.run, claim.site, left_out); !ok)
      return std::unexpected(ok.error());
    return slot.store.complete_site(claim, {});
  });
  if (done) return finish_if_last(slot, claim, exit_code);
  spdlog::error("worker {}: {}", claim.worker, done.error().message);
  exit_code = kExitRuntime;
  return false;
}

// Patrols the claimed site through the queue's store; `lost` is raised when the claim went
// to another worker meanwhile.
crawler::PatrolResult patrol_site(Slot& slot, const store::SiteClaim& claim,
                                  const config::SiteConfig& site, std::atomic<bool>& lost) {
  std::atomic<bool> stop{false};
  crawler::PatrolResult result;
  ClaimLease renewal(slot.database, claim, slot.lease, lost);
  QueueStore queue(slot.store, claim.run);
  crawler::SystemClock clock;
  MaintenanceStore marked(queue, slot.config, [&clock] { return clock.now(); });
  crawler::Patrol patrol(slot.config, marked, clock);
  const auto verdicts = slot.verdicts.of(claim.run);
  patrol.share_link_verdicts(*verdicts, true);
  if (slot.permits != nullptr) patrol.share_host_permits(*slot.permits);
  // The patrol polls one flag: a signal or a lost claim.
  std::thread relay([&] {
    while (!stop) {
      if (g_stop || lost) stop = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  result = patrol.run({&site}, nullptr, &stop);
  stop = true;
  relay.join();
  result.totals = queue.totals();
  // A write refused by the fence fails the patrol before the renewal notices the loss.
  if (!result.finished && !g_stop && !lost) {
    auto held = slot.store.renew_claim(claim, ClaimLease::now_ms() + slot.lease.count());
    if (held && !*held) lost = true;
  }
  return result;
}

// One claimed site, patrolled to its end. False when the worker must stop (a signal, or the
// database failed for good); a lost claim only ends this site, and a patrol the database
// failed (a restart) hands the site back to the queue.
bool patrol_claim(Slot& slot, const store::SiteClaim& claim, int& exit_code) {
  const std::string& id = claim.worker;
  const config::SiteConfig* site = find_site(slot.config, claim.site);
  if (site == nullptr) {  // queued from another configuration: nothing to patrol it with
    spdlog::error("worker {}: site '{}' of run {} is not in this configuration; left out", id,
                  claim.site, claim.run);
    return leave_out_site(slot, claim, "not in the worker's configuration", exit_code);
  }
  if (claim.attempts > kMaxClaims) {
    spdlog::error("worker {}: site {} of run {} claimed {} times without being finished; left out",
                  id, claim.site, claim.run, claim.attempts - 1);
    return leave_out_site(slot, claim, "claimed " + std::to_string(kMaxClaims) + " times",
                          exit_code);
  }
  if (claim.attempts > 1) {
    spdlog::info("worker {}: site {} of run {} again (claim {}): starting over", id, claim.site,
                 claim.run, claim.attempts);
    auto ok = retry_store(id, "restarting a site", g_stop,
                          [&] { return slot.store.restart_site(claim); });
    if (!ok) {
      spdlog::error("worker {}: {}", id, ok.error().message);
      exit_code = kExitRuntime;
      return false;
    }
  }
  std::atomic<bool> lost{false};
  slot.store.fence_writes(claim);
  const crawler::PatrolResult result = patrol_site(slot, claim, *site, lost);
  slot.store.fence_writes(std::nullopt);
  if (g_stop) {
    spdlog::info("worker {}: stopped; site {} goes back to the queue when its lease runs out", id,
                 claim.site);
    exit_code = 130;
    return false;
  }
  if (lost) {
    spdlog::warn("worker {}: site {} was taken over; its patrol is left to that worker", id,
                 claim.site);
    return true;
  }
  if (!result.finished) {
    // The database failed under the patrol (a restart, a failover): the site goes back to the
    // queue at once, its lease ended, and is patrolled again from the start.
    spdlog::error("worker {}: site {}: {}", id, claim.site, result.error);
    if (++slot.failed_in_a_row >= 3) {
      spdlog::error("worker {}: three patrols in a row failed; stopping", id);
      exit_code = kExitRuntime;
      return false;
    }
    (void)retry_store(id, "handing the site back", g_stop,
                      [&] { return slot.store.renew_claim(claim, ClaimLease::now_ms()); });
    return true;
  }
  slot.failed_in_a_row = 0;
  auto done = retry_store(id, "marking the site done", g_stop,
                          [&] { return slot.store.complete_site(claim, result.totals); });
  if (!done) {
    spdlog::error("worker {}: {}", id, done.error().message);
    exit_code = kExitRuntime;
    return false;
  }
  spdlog::info("worker {}: site {} of run {} done, {} page(s)", id, claim.site, claim.run,
               result.totals.pages);
  return finish_if_last(slot, claim, exit_code);
}

// One slot of a worker: claims a site, patrols it, claims the next, on a connection of its
// own. Returns the exit code.
int claim_loop(const WorkerOptions& o, const config::Config& config, const std::string& database,
               const std::string& id, RunVerdicts& verdicts, store::HostPermits* permits) {
  auto store = open_store_or_report(database);
  if (!store) return store.error();
  Slot slot{config, database, **store, std::chrono::seconds(o.lease_s), verdicts, permits};
  int exit_code = kExitOk;
  std::int64_t last_run = 0;  // the run of this slot's last claim; 0 before the first
  while (!g_stop) {
    auto claim = retry_store(id, "claiming a site", g_stop, [&] {
      const std::int64_t now = ClaimLease::now_ms();
      return slot.store.claim_site(id, now, now + slot.lease.count());
    });
    if (!claim) {
      if (g_stop) break;
      std::cerr << "sitepatrol: database: " << claim.error().message << "\n";
      return kExitRuntime;
    }
    if (!*claim) {
      // Nothing to claim. While another worker holds a site of our run, wait: should it die,
      // its lease runs out and the site is claimed again.
      auto counts = retry_store(id, "reading the queue", g_stop, [&] {
        return last_run != 0 ? slot.store.queue_counts(last_run)
                             : store::Result<store::QueueCounts>(store::QueueCounts{});
      });
      if (!counts) {
        if (g_stop) break;
        std::cerr << "sitepatrol: database: " << counts.error().message << "\n";
        return kExitRuntime;
      }
      if (counts->claimed > 0) {
        std::this_thread::sleep_for(std::min(slot.lease / 3, std::chrono::milliseconds(1000)));
        continue;
      }
      if (o.wait_s == 0) break;  // the queue is empty
      // --wait: a long-lived worker (a Kubernetes Deployment) waits for the next run.
      last_run = 0;
      for (int i = 0; i < o.wait_s * 10 && !g_stop; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      continue;
    }
    last_run = (*claim)->run;
    spdlog::info("worker {}: site {} of run {} claimed (claim {})", id, (*claim)->site,
                 (*claim)->run, (*claim)->attempts);
    if (!patrol_claim(slot, **claim, exit_code)) return exit_code;
  }
  return g_stop ? 130 : exit_code;
}

}  // namespace

store::Result<std::int64_t> start_queued_run(store::Store& store,
                                             const std::vector<std::string>& sites) {
  auto run = store.begin_run(crawler::to_rfc3339(std::chrono::system_clock::now()), sites);
  if (!run) return run;
  if (auto ok = store.queue_run(*run, sites); !ok) return std::unexpected(ok.error());
  return run;
}

int work_the_queue(config::Config config, const std::string& database, const WorkerOptions& o) {
  const std::string id = o.id.empty() ? default_worker_id() : o.id;
  // A site's patrol keeps per_host_concurrency requests in flight; the slots together keep
  // [patrol] concurrency. Each slot parses on one thread of its own unless parse_threads says.
  const auto& p = config.patrol;
  const int slots = o.slots > 0 ? o.slots : crawler::sites_filling_concurrency(p);
  if (config.patrol.parse_threads <= 0) config.patrol.parse_threads = 1;

  g_stop = false;
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  spdlog::info("worker {}: {} slot(s)", id, slots);
  std::vector<int> codes(static_cast<std::size_t>(slots), kExitOk);
  RunVerdicts verdicts;  // external links' answers, shared by the slots
  // External hosts' per_host_concurrency, shared by every worker of the run (PostgreSQL).
  std::unique_ptr<store::HostPermits> permits;
  if (store::is_database_uri(database)) {
    auto connected = store::HostPermits::connect(database, p.per_host_concurrency);
    if (!connected) {
      std::cerr << "sitepatrol: database: " << connected.error().message << "\n";
      return kExitRuntime;
    }
    permits = std::move(*connected);
  }
  std::vector<std::thread> threads;
  for (int i = 0; i < slots; ++i) {
    threads.emplace_back([&, i] {
      codes[static_cast<std::size_t>(i)] =
          claim_loop(o, config, database, id, verdicts, permits.get());
    });
  }
  for (auto& t : threads) t.join();
  spdlog::info("worker {}: nothing left to claim", id);
  if (g_stop) return 130;
  for (int code : codes)
    if (code != kExitOk) return code;
  return kExitOk;
}

}  // namespace sitepatrol::app
