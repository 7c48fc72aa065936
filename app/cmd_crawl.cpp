// `sitepatrol crawl`: one patrol round over the registered sites.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/cli_common.h"
#include "app/commands.h"
#include "app/patrol_session.h"
#include "app/site_selection.h"
#include "store/database_uri.h"

namespace sitepatrol::app {

namespace {

struct CrawlOptions {
  std::string config;
  std::vector<std::string> sites;
  std::string db;
  std::string shard = "0/1";
  std::string fail_on;
  std::string as_of;
};

int run_crawl(const CrawlOptions& o, const LogOptions& log) {
  auto config = load_config_or_report(o.config);
  if (!config) return config.error();
  auto shard = parse_shard(o.shard);
  if (!shard) {
    std::cerr << "sitepatrol: " << shard.error() << "\n";
    return kExitUsage;
  }
  auto sites = select_sites(*config, o.sites, *shard);
  if (!sites) {
    std::cerr << "sitepatrol: " << sites.error() << "\n";
    return kExitUsage;
  }
  SessionOptions session;
  session.quiet = log.quiet;
  if (!o.fail_on.empty()) {
    session.fail_on = parse_fail_on(o.fail_on);
    if (!session.fail_on) return kExitUsage;
  }
  const auto db = database_path(*config, o.db);
  if (store::is_database_uri(db.string()) && shard->n > 1) {
    std::cerr << "sitepatrol: --shard splits the sites between SQLite files; on PostgreSQL, "
                 "start workers instead (sitepatrol worker, docs/workers.md)\n";
    return kExitUsage;
  }
  // Before the store is opened: a second patrol must not touch the first one's run.
  auto lock = lock_database_or_report(db);
  if (!lock) return lock.error();
  auto store = open_store_or_report(db);
  if (!store) return store.error();
  // On PostgreSQL a run plus one worker: other workers may join it (docs/workers.md).
  if (store::is_database_uri(db.string()) && o.as_of.empty()) {
    return run_queued_session(*config, *sites, **store, db.string(), session).exit_code;
  }
  if (o.as_of.empty()) {
    crawler::SystemClock clock;
    return run_patrol_session(*config, *sites, **store, clock, session).exit_code;
  }
  crawler::FixedClock clock(*crawler::parse_rfc3339(o.as_of));
  return run_patrol_session(*config, *sites, **store, clock, session).exit_code;
}

}  // namespace

CLI::App* add_crawl_command(CLI::App& cli, LogOptions& log, Command* run) {
  auto o = std::make_shared<CrawlOptions>();
  auto* cmd = cli.add_subcommand("crawl", "One patrol round over the registered sites");
  cmd->add_option("-c,--config", o->config, "Configuration file (TOML)")->required();
  cmd->add_option("-s,--site", o->sites, "Only this site id (repeatable)");
  cmd->add_option("--db", o->db, "SQLite file or postgresql:// URI (default: [patrol] database)");
  cmd->add_option("--shard", o->shard, "K/N: only sites whose id hashes to K modulo N");
  cmd->add_option("--fail-on", o->fail_on,
                  "Exit 1 when findings at or above LEVEL exist (info|warning|error|critical)");
  cmd->add_option("--as-of", o->as_of,
                  "Judge dates as if the patrol started at TIME (RFC 3339, e.g. "
                  "2026-11-25T02:00:00Z): reproduces an earlier night's freshness verdicts")
      ->check([](const std::string& t) {
        return crawler::parse_rfc3339(t) ? std::string()
                                         : "not an RFC 3339 time such as 2026-11-25T02:00:00Z";
      });
  cmd->callback([o, &log, run] { *run = [o, &log] { return run_crawl(*o, log); }; });
  return cmd;
}

}  // namespace sitepatrol::app
