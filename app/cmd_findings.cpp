// `sitepatrol findings`: the findings of a run, as JSON (CONTRACT.md §4), CSV or a table.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <charconv>
#include <iostream>

#include "app/cli_common.h"
#include "app/commands.h"

namespace sitepatrol::app {

namespace {

struct FindingsOptions {
  std::string config;
  std::string db;
  std::string run = "latest";
  std::vector<std::string> sites;
  std::string format = "table";
  std::string status = "current";
};

std::optional<store::StatusFilter> parse_status(const std::string& s) {
  if (s == "current") return store::StatusFilter::current;
  if (s == "new") return store::StatusFilter::new_only;
  if (s == "open") return store::StatusFilter::open;
  if (s == "resolved") return store::StatusFilter::resolved;
  if (s == "all") return store::StatusFilter::all;
  return std::nullopt;
}

int run_findings(const FindingsOptions& o) {
  std::filesystem::path db = o.db;
  if (db.empty()) {
    if (o.config.empty()) {
      std::cerr << "sitepatrol: findings: give -c FILE or --db PATH\n";
      return kExitUsage;
    }
    auto config = load_config_or_report(o.config);
    if (!config) return config.error();
    db = config->patrol.database;
  }
  store::FindingQuery query;
  query.sites = o.sites;
  auto status = parse_status(o.status);
  if (!status) {
    std::cerr << "sitepatrol: --status: expected new, open, resolved, current or all\n";
    return kExitUsage;
  }
  query.status = *status;
  if (o.run != "latest") {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(o.run.data(), o.run.data() + o.run.size(), id);
    if (ec != std::errc{} || end != o.run.data() + o.run.size()) {
      std::cerr << "sitepatrol: --run: expected a run id or 'latest', got '" << o.run << "'\n";
      return kExitUsage;
    }
    query.run = id;
  }
  if (!std::filesystem::exists(db)) {
    std::cerr << "sitepatrol: database " << db.string() << " does not exist; run `crawl` first\n";
    return kExitRuntime;
  }
  auto store = open_store_or_report(db);
  if (!store) return store.error();
  auto run = (*store)->run(query.run);
  if (!run) {
    std::cerr << "sitepatrol: database: " << run.error().message << "\n";
    return kExitRuntime;
  }
  if (!*run) {
    std::cerr << "sitepatrol: no " << (query.run ? "run " + o.run : "finished run")
              << " in " << db.string() << "\n";
    return kExitRuntime;
  }
  query.run = (*run)->id;
  auto rows = (*store)->findings(query);
  if (!rows) {
    std::cerr << "sitepatrol: database: " << rows.error().message << "\n";
    return kExitRuntime;
  }
  print_findings(o.format, **run, *rows);
  return kExitOk;
}

}  // namespace

CLI::App* add_findings_command(CLI::App& cli, Command* run) {
  auto o = std::make_shared<FindingsOptions>();
  auto* cmd = cli.add_subcommand("findings", "The findings of a patrol run");
  cmd->add_option("-c,--config", o->config, "Configuration file (TOML)");
  cmd->add_option("--db", o->db, "SQLite database (default: [patrol] database)");
  cmd->add_option("-r,--run", o->run, "Run id or 'latest' (the latest finished run)");
  cmd->add_option("-s,--site", o->sites, "Only this site id (repeatable)");
  cmd->add_option("-f,--format", o->format, "json, csv or table")
      ->check(CLI::IsMember({"json", "csv", "table"}));
  cmd->add_option("--status", o->status, "new, open, resolved, current (new+open) or all")
      ->check(CLI::IsMember({"new", "open", "resolved", "current", "all"}));
  cmd->callback([o, run] { *run = [o] { return run_findings(*o); }; });
  return cmd;
}

}  // namespace sitepatrol::app
