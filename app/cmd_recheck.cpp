// `sitepatrol recheck -c FILE --site ID [--wait]`: ask the daemon to patrol one site now,
// without waiting for the night (issue 17, docs/recheck.md). The request is queued in the
// store; the daemon running on the same database takes it within a second when no patrol
// runs, or when the current one ends. --wait follows it to its result.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <thread>

#include "app/cli_common.h"
#include "app/commands.h"
#include "app/site_selection.h"
#include "crawler/clock.h"
#include "store/database_uri.h"

namespace sitepatrol::app {

namespace {

struct RecheckOptions {
  std::string config;
  std::string db;
  std::string site;
  std::string by;
  bool wait = false;
  int timeout_s = 600;
};

// "run 12 finished: 3 findings (1 new), 2 resolved" for the site, from the run's rows.
std::string run_line(store::Store& store, const store::RecheckRequest& r) {
  std::string line = "run " + std::to_string(r.run) + " " + r.outcome;
  if (r.run == 0 || r.outcome != "finished") return line;
  auto rows = store.findings({r.run, {r.site}, store::StatusFilter::all});
  if (!rows) return line;
  int current = 0, fresh = 0, resolved = 0;
  for (const store::FindingRow& row : *rows) {
    if (row.status == "resolved") {
      ++resolved;
    } else if (!row.set_aside()) {
      ++current;
      fresh += row.status == "new" ? 1 : 0;
    }
  }
  return line + ": " + std::to_string(current) + " finding" + (current == 1 ? "" : "s") + " (" +
         std::to_string(fresh) + " new), " + std::to_string(resolved) + " resolved";
}

int follow(store::Store& store, store::RecheckRequest request, const RecheckOptions& o) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(o.timeout_s);
  std::string shown = request.state;
  while (request.state == "queued" || request.state == "running") {
    if (std::chrono::steady_clock::now() >= deadline) {
      std::cerr << "sitepatrol: recheck: still " << request.state << " after " << o.timeout_s
                << " s"
                << (request.state == "queued" ? "; is `sitepatrol daemon` running on this database?"
                                              : "")
                << "\n";
      return kExitRuntime;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    auto now = store.recheck(request.id);
    if (!now || !*now) {
      std::cerr << "sitepatrol: database: " << (now ? "the request is gone" : now.error().message)
                << "\n";
      return kExitRuntime;
    }
    request = **now;
    if (request.state != shown) {
      shown = request.state;
      if (shown == "running") std::cout << "re-check " << request.id << ": patrolling\n";
    }
  }
  if (request.state == "failed") {
    std::cerr << "sitepatrol: recheck " << request.id << " of " << request.site
              << " failed: " << request.outcome << "\n";
    return kExitRuntime;
  }
  std::cout << "re-check " << request.id << " of " << request.site << ": "
            << run_line(store, request) << "\n";
  return request.outcome == "finished" ? kExitOk : kExitRuntime;
}

int run_recheck(const RecheckOptions& o) {
  auto config = load_config_or_report(o.config);
  if (!config) return config.error();
  if (auto known = select_sites(*config, {o.site}, Shard{}); !known) {
    std::cerr << "sitepatrol: " << o.config << ": " << known.error() << "\n";
    return kExitUsage;
  }
  auto store = open_store_or_report(database_path(*config, o.db));
  if (!store) return store.error();
  store::RecheckRequest request;
  request.site = o.site;
  request.requested_by = acting_user(o.by);
  request.requested_at = crawler::to_rfc3339(std::chrono::system_clock::now());
  auto queued = (*store)->request_recheck(request);
  if (!queued) {
    std::cerr << "sitepatrol: database: " << queued.error().message << "\n";
    return kExitRuntime;
  }
  std::cout << "re-check " << queued->id << " of " << o.site
            << " queued; the daemon patrols it when no other patrol runs\n";
  return o.wait ? follow(**store, *queued, o) : kExitOk;
}

}  // namespace

CLI::App* add_recheck_command(CLI::App& cli, Command* run) {
  auto o = std::make_shared<RecheckOptions>();
  auto* cmd = cli.add_subcommand("recheck", "Ask the daemon to patrol one site now");
  cmd->add_option("-c,--config", o->config, "Configuration file (TOML)")->required();
  cmd->add_option("-s,--site", o->site, "Site id")->required();
  cmd->add_option("--db", o->db, "SQLite file or postgresql:// URI (default: [patrol] database)");
  cmd->add_option("--by", o->by, "Who asks (default: the login name)");
  cmd->add_flag("--wait", o->wait, "Wait for the patrol and print its result");
  cmd->add_option("--timeout", o->timeout_s, "Seconds --wait waits at most")
      ->check(CLI::Range(1, 86400));
  cmd->callback([o, run] { *run = [o] { return run_recheck(*o); }; });
  return cmd;
}

}  // namespace sitepatrol::app
