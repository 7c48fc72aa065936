// `sitepatrol run start` and `sitepatrol worker` (issue 16, docs/workers.md): one run whose
// sites any number of workers share, on any machines, through one PostgreSQL database.
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <csignal>
#include <iostream>
#include <optional>
#include <thread>
#include <vector>

#include "app/claim_lease.h"
#include "app/cli_common.h"
#include "app/commands.h"
#include "app/maintenance_store.h"
#include "app/queue_store.h"
#include "app/site_selection.h"
#include "crawler/patrol.h"
#include "store/database_uri.h"

namespace sitepatrol::app {

namespace {

std::atomic<bool> g_stop{false};
extern "C" void on_stop_signal(int) { g_stop.store(true); }

struct RunStartOptions {
  std::string config;
  std::vector<std::string> sites;
  std::string db;
};

struct WorkerOptions {
  std::string config;
  std::string db;
  std::string id;
  int lease_s = 60;
  int wait_s = 0;  // 0: exit when the queue is empty; else look again this often
  int slots = 0;   // sites patrolled at once; 0: concurrency / per_host_concurrency
};

int run_start(const RunStartOptions& o) {
  auto config = load_config_or_report(o.config);
  if (!config) return config.error();
  auto sites = select_sites(*config, o.sites, Shard{});
  if (!sites) {
    std::cerr << "sitepatrol: " << sites.error() << "\n";
    return kExitUsage;
  }
  auto store = open_store_or_report(database_path(*config, o.db));
  if (!store) return store.error();
  std::vector<std::string> ids;
  for (const auto* site : *sites) ids.push_back(site->id);
  auto run = (*store)->begin_run(crawler::to_rfc3339(std::chrono::system_clock::now()), ids);
  if (run) {
    if (auto ok = (*store)->queue_run(*run, ids); !ok) run = std::unexpected(ok.error());
  }
  if (!run) {
    std::cerr << "sitepatrol: database: " << run.error().message << "\n";
    return kExitRuntime;
  }
  spdlog::info("run {} started: {} site(s) queued for workers", *run, ids.size());
  std::cout << "run " << *run << ": " << ids.size() << " site(s) queued\n";
  return kExitOk;
}

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

// One claimed site, patrolled to its end. False when the worker must stop (a signal, or the
// database failed); a lost claim only ends this site.
bool patrol_claim(const config::Config& config, const std::string& database, store::Store& store,
                  const store::SiteClaim& claim, std::chrono::milliseconds lease, int& exit_code) {
  const config::SiteConfig* site = find_site(config, claim.site);
  if (site == nullptr) {  // queued from another configuration: nothing to patrol it with
    spdlog::error("worker {}: site '{}' of run {} is not in this configuration; skipped",
                  claim.worker, claim.site, claim.run);
    (void)store.complete_site(claim, {});
    return true;
  }
  if (claim.attempts > 1) {
    spdlog::info("worker {}: site {} of run {} again (claim {}): starting over", claim.worker,
                 claim.site, claim.run, claim.attempts);
    if (auto ok = store.restart_site(claim); !ok) {
      spdlog::error("worker {}: {}", claim.worker, ok.error().message);
      exit_code = kExitRuntime;
      return false;
    }
  }
  std::atomic<bool> stop{false};
  crawler::PatrolResult result;
  store.fence_writes(claim);
  {
    std::atomic<bool> lost{false};
    ClaimLease renewal(database, claim, lease, lost);
    QueueStore queue(store, claim.run);
    crawler::SystemClock clock;
    MaintenanceStore marked(queue, config, [&clock] { return clock.now(); });
    crawler::Patrol patrol(config, marked, clock);
    // The patrol polls one flag: a signal or a lost claim.
    std::thread relay([&] {
      while (!stop) {
        if (g_stop || lost) stop = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    });
    result = patrol.run({site}, nullptr, &stop);
    stop = true;
    relay.join();
    result.totals = queue.totals();
    // A write refused by the fence fails the patrol before the renewal notices the loss.
    if (!result.finished && !g_stop && !lost) {
      auto held = store.renew_claim(claim, ClaimLease::now_ms() + lease.count());
      if (held && !*held) lost = true;
    }
    if (lost && !g_stop) {
      store.fence_writes(std::nullopt);
      spdlog::warn("worker {}: site {} was taken over; its patrol is left to that worker",
                   claim.worker, claim.site);
      return true;
    }
  }
  store.fence_writes(std::nullopt);
  if (g_stop) {
    spdlog::info("worker {}: stopped; site {} goes back to the queue when its lease runs out",
                 claim.worker, claim.site);
    exit_code = 130;
    return false;
  }
  if (!result.finished) {
    spdlog::error("worker {}: site {}: {}", claim.worker, claim.site, result.error);
    exit_code = kExitRuntime;
    return false;
  }
  auto done = store.complete_site(claim, result.totals);
  if (!done) {
    spdlog::error("worker {}: {}", claim.worker, done.error().message);
    exit_code = kExitRuntime;
    return false;
  }
  spdlog::info("worker {}: site {} of run {} done, {} page(s)", claim.worker, claim.site, claim.run,
               result.totals.pages);
  auto finished =
      store.finish_queued_run(claim.run, crawler::to_rfc3339(std::chrono::system_clock::now()));
  if (!finished) {
    spdlog::error("worker {}: finishing run {}: {}", claim.worker, claim.run,
                  finished.error().message);
    exit_code = kExitRuntime;
    return false;
  }
  if (*finished) spdlog::info("worker {}: run {} finished", claim.worker, claim.run);
  return true;
}

// One slot of a worker: claims a site, patrols it, claims the next, on a connection of its
// own. Returns the exit code.
int claim_loop(const WorkerOptions& o, const config::Config& config, const std::string& database,
               const std::string& id) {
  auto store = open_store_or_report(database);
  if (!store) return store.error();
  const std::chrono::milliseconds lease(std::chrono::seconds(o.lease_s));
  int exit_code = kExitOk;
  std::int64_t last_run = 0;  // the run of this slot's last claim; 0 before the first
  while (!g_stop) {
    const std::int64_t now = ClaimLease::now_ms();
    auto claim = (*store)->claim_site(id, now, now + lease.count());
    if (!claim) {
      std::cerr << "sitepatrol: database: " << claim.error().message << "\n";
      return kExitRuntime;
    }
    if (!*claim) {
      // Nothing to claim. While another worker holds a site of our run, wait: should it die,
      // its lease runs out and the site is claimed again.
      auto counts = last_run != 0 ? (*store)->queue_counts(last_run)
                                  : store::Result<store::QueueCounts>(store::QueueCounts{});
      if (!counts) {
        std::cerr << "sitepatrol: database: " << counts.error().message << "\n";
        return kExitRuntime;
      }
      if (counts->claimed > 0) {
        std::this_thread::sleep_for(std::min(lease / 3, std::chrono::milliseconds(1000)));
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
    if (!patrol_claim(config, database, **store, **claim, lease, exit_code)) return exit_code;
  }
  return g_stop ? 130 : exit_code;
}

int run_worker(const WorkerOptions& o) {
  auto loaded = load_config_or_report(o.config);
  if (!loaded) return loaded.error();
  const std::string database = database_path(*loaded, o.db).string();
  const std::string id = o.id.empty() ? default_worker_id() : o.id;
  // A site's patrol keeps per_host_concurrency requests in flight; the slots together keep
  // [patrol] concurrency. Each slot parses on one thread of its own unless parse_threads says.
  config::Config config = std::move(*loaded);
  const auto& p = config.patrol;
  const int slots =
      o.slots > 0
          ? o.slots
          : std::max(1, (std::max(1, p.concurrency) + std::max(1, p.per_host_concurrency) - 1) /
                            std::max(1, p.per_host_concurrency));
  if (config.patrol.parse_threads <= 0) config.patrol.parse_threads = 1;

  g_stop = false;
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  spdlog::info("worker {}: {} slot(s)", id, slots);
  std::vector<int> codes(static_cast<std::size_t>(slots), kExitOk);
  std::vector<std::thread> threads;
  for (int i = 0; i < slots; ++i) {
    threads.emplace_back(
        [&, i] { codes[static_cast<std::size_t>(i)] = claim_loop(o, config, database, id); });
  }
  for (auto& t : threads) t.join();
  spdlog::info("worker {}: nothing left to claim", id);
  if (g_stop) return 130;
  for (int code : codes)
    if (code != kExitOk) return code;
  return kExitOk;
}

}  // namespace

CLI::App* add_run_command(CLI::App& cli, Command* run) {
  auto* group = cli.add_subcommand("run", "Runs shared by workers (PostgreSQL)");
  group->require_subcommand(1);
  auto o = std::make_shared<RunStartOptions>();
  auto* start = group->add_subcommand("start", "Create a run and queue its sites for workers");
  start->add_option("-c,--config", o->config, "Configuration file (TOML)")->required();
  start->add_option("-s,--site", o->sites, "Only this site id (repeatable)");
  start->add_option("--db", o->db, "SQLite file or postgresql:// URI (default: [patrol] database)");
  start->callback([o, run] { *run = [o] { return run_start(*o); }; });
  return group;
}

CLI::App* add_worker_command(CLI::App& cli, Command* run) {
  auto o = std::make_shared<WorkerOptions>();
  auto* cmd =
      cli.add_subcommand("worker", "Patrol sites of the newest queued run until none is left");
  cmd->add_option("-c,--config", o->config, "Configuration file (TOML)")->required();
  cmd->add_option("--db", o->db, "SQLite file or postgresql:// URI (default: [patrol] database)");
  cmd->add_option("--id", o->id, "This worker's name in the queue (default: HOST:PID)");
  cmd->add_option("--lease", o->lease_s, "Seconds a claim lasts unless renewed")
      ->default_val(60)
      ->check(CLI::Range(3, 3600));
  cmd->add_option("--slots", o->slots,
                  "Sites patrolled at once (default: [patrol] concurrency / per_host_concurrency)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--wait", o->wait_s,
                  "When the queue is empty, look again every SECONDS instead of exiting")
      ->check(CLI::Range(1, 86400));
  cmd->callback([o, run] { *run = [o] { return run_worker(*o); }; });
  return cmd;
}

}  // namespace sitepatrol::app
