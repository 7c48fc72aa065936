// `sitepatrol run start` and `sitepatrol worker` (issue 16, docs/workers.md): one run whose
// sites any number of workers share, on any machines, through one PostgreSQL database.
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <vector>

#include "app/cli_common.h"
#include "app/commands.h"
#include "app/site_selection.h"
#include "app/worker.h"

namespace sitepatrol::app {

namespace {

struct RunStartOptions {
  std::string config;
  std::vector<std::string> sites;
  std::string db;
};

struct WorkerCommandOptions {
  std::string config;
  std::string db;
  WorkerOptions worker;
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
  auto run = start_queued_run(**store, ids);
  if (!run) {
    std::cerr << "sitepatrol: database: " << run.error().message << "\n";
    return kExitRuntime;
  }
  spdlog::info("run {} started: {} site(s) queued for workers", *run, ids.size());
  std::cout << "run " << *run << ": " << ids.size() << " site(s) queued\n";
  return kExitOk;
}

int run_worker(const WorkerCommandOptions& o) {
  auto loaded = load_config_or_report(o.config);
  if (!loaded) return loaded.error();
  const std::string database = database_path(*loaded, o.db).string();
  return work_the_queue(std::move(*loaded), database, o.worker);
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
  auto o = std::make_shared<WorkerCommandOptions>();
  auto* cmd =
      cli.add_subcommand("worker", "Patrol sites of the newest queued run until none is left");
  cmd->add_option("-c,--config", o->config, "Configuration file (TOML)")->required();
  cmd->add_option("--db", o->db, "SQLite file or postgresql:// URI (default: [patrol] database)");
  cmd->add_option("--id", o->worker.id, "This worker's name in the queue (default: HOST:PID)");
  cmd->add_option("--lease", o->worker.lease_s, "Seconds a claim lasts unless renewed")
      ->default_val(60)
      ->check(CLI::Range(3, 3600));
  cmd->add_option("--slots", o->worker.slots,
                  "Sites patrolled at once (default: [patrol] concurrency / per_host_concurrency)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--wait", o->worker.wait_s,
                  "When the queue is empty, look again every SECONDS instead of exiting")
      ->check(CLI::Range(1, 86400));
  cmd->callback([o, run] { *run = [o] { return run_worker(*o); }; });
  return cmd;
}

}  // namespace sitepatrol::app
