// `sitepatrol findings`: what is wrong with each site as its newest finished run left it (or
// the findings of one run, --run N), as JSON (docs/findings.md), CSV or a table.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <iostream>

#include "app/cli_common.h"
#include "store/database_uri.h"
#include "app/commands.h"
#include "store/latest_findings.h"

namespace sitepatrol::app {

namespace {

struct FindingsOptions {
  std::string config;
  std::string db;
  std::string run = "latest";
  std::vector<std::string> sites;
  std::string format = "table";
  std::string status = "current";
  bool wide = false;
};

std::optional<store::StatusFilter> parse_status(const std::string& s) {
  if (s == "current") return store::StatusFilter::current;
  if (s == "new") return store::StatusFilter::new_only;
  if (s == "open") return store::StatusFilter::open;
  if (s == "resolved") return store::StatusFilter::resolved;
  if (s == "all") return store::StatusFilter::all;
  return std::nullopt;
}

// The sites a --db without a configuration knows: those its finished runs covered.
std::vector<std::string> sites_in_database(const std::vector<store::PeriodRun>& latest) {
  std::vector<std::string> ids;
  for (const auto& run : latest) ids.insert(ids.end(), run.sites.begin(), run.sites.end());
  std::ranges::sort(ids);
  return ids;
}

// `--run N`: that run's findings, as it left them.
int print_run(store::Store& store, const FindingsOptions& o, store::FindingQuery query,
              const std::optional<config::Config>& config) {
  auto run = store.run(query.run);
  if (!run) {
    std::cerr << "sitepatrol: database: " << run.error().message << "\n";
    return kExitRuntime;
  }
  if (!*run) {
    std::cerr << "sitepatrol: no run " << o.run << "\n";
    return kExitRuntime;
  }
  auto rows = store.findings(query);
  if (!rows) {
    std::cerr << "sitepatrol: database: " << rows.error().message << "\n";
    return kExitRuntime;
  }
  PrintOptions print;
  print.wide = o.wide;
  if (config) print.sites = site_labels(*config);
  print_findings(o.format, **run, *rows, print);
  return kExitOk;
}

int run_findings(const FindingsOptions& o) {
  std::filesystem::path db = o.db;
  std::optional<config::Config> config;
  if (!o.config.empty()) {
    auto loaded = load_config_or_report(o.config);
    if (!loaded) return loaded.error();
    config = std::move(*loaded);
    db = database_path(*config, o.db);
  } else if (db.empty()) {
    std::cerr << "sitepatrol: findings: give -c FILE or --db PATH\n";
    return kExitUsage;
  }
  std::vector<std::string> configured;
  if (config) {
    for (const auto& s : config->sites) configured.push_back(s.id);
    if (!sites_known_or_report("findings", o.sites, configured, o.config)) return kExitUsage;
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
  if (!store::is_database_uri(db.native()) && !std::filesystem::exists(db)) {
    std::cerr << "sitepatrol: database " << db.string() << " does not exist; run `crawl` first\n";
    return kExitRuntime;
  }
  auto opened = open_store_or_report(db);
  if (!opened) return opened.error();
  store::Store& store = **opened;

  if (!config) {
    auto runs = store.latest_runs();
    if (!runs) {
      std::cerr << "sitepatrol: database: " << runs.error().message << "\n";
      return kExitRuntime;
    }
    if (!sites_known_or_report("findings", o.sites, sites_in_database(*runs),
                               "the database " + db.string()))
      return kExitUsage;
  }
  if (query.run) return print_run(store, o, query, config);

  // Each site as the newest finished run that covered it left it: a `crawl --site b` after
  // a `crawl --site a` leaves a's findings where they were. With a configuration, its sites
  // (a site taken out of it is no longer shown); with --db alone, every site in the database.
  auto latest =
      store::latest_findings(store, !o.sites.empty() ? o.sites : configured, query.status);
  if (!latest) {
    std::cerr << "sitepatrol: database: " << latest.error().message << "\n";
    return kExitRuntime;
  }
  if (!latest->run) {
    std::cerr << "sitepatrol: no finished run in " << db.string() << "\n";
    return kExitRuntime;
  }
  // Named only when asked for: a shard's database leaves most configured sites to others.
  if (!o.sites.empty()) {
    for (const auto& site : latest->never_patrolled)
      std::cerr << "sitepatrol: findings: no finished run has patrolled site '" << site
                << "' yet\n";
  }
  PrintOptions print;
  print.wide = o.wide;
  if (config) print.sites = site_labels(*config);
  for (const auto& run : latest->runs)
    if (run.info.id != latest->run->id) print.earlier_runs.push_back(run);
  print_findings(o.format, *latest->run, latest->rows, print);
  return kExitOk;
}

}  // namespace

CLI::App* add_findings_command(CLI::App& cli, Command* run) {
  auto o = std::make_shared<FindingsOptions>();
  auto* cmd =
      cli.add_subcommand("findings", "What is wrong with each site, as its last patrol left it");
  cmd->add_option("-c,--config", o->config, "Configuration file (TOML)");
  cmd->add_option("--db", o->db, "SQLite file or postgresql:// URI (default: [patrol] database)");
  cmd->add_option("-r,--run", o->run,
                  "Run id, or 'latest' (default): each site as the newest finished run that "
                  "covered it left it");
  cmd->add_option("-s,--site", o->sites, "Only this site id (repeatable)");
  cmd->add_option("-f,--format", o->format, "json, csv or table")
      ->check(CLI::IsMember({"json", "csv", "table"}));
  cmd->add_option("--status", o->status, "new, open, resolved, current (new+open) or all")
      ->check(CLI::IsMember({"new", "open", "resolved", "current", "all"}));
  cmd->add_flag("--wide", o->wide,
                "Table: cut nothing to the terminal's width (a pipe or a file is never cut)");
  cmd->callback([o, run] { *run = [o] { return run_findings(*o); }; });
  return cmd;
}

}  // namespace sitepatrol::app
