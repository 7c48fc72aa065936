// `sitepatrol baseline accept|show`: the template baselines SEC-TAMPER compares pages with
// (checks/tamper.h). A patrol records a page's first sketch as its baseline; after a
// deliberate redesign, `accept` makes the site's current sketches (those of its latest
// patrol) the baselines, so the redesign stops being reported as tampering.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/cli_common.h"
#include "store/database_uri.h"
#include "app/commands.h"
#include "app/site_selection.h"
#include "reports/terminal_width.h"

namespace sitepatrol::app {

namespace {

struct BaselineOptions {
  std::string config;
  std::string site;
  std::string db;
};

// The store of the configured site, or an exit code after saying why. A database that does
// not exist yet is not created: nothing was patrolled, so there is nothing to show or accept.
std::expected<std::unique_ptr<store::Store>, int> open_for_site(const BaselineOptions& o) {
  auto config = load_config_or_report(o.config);
  if (!config) return std::unexpected(config.error());
  if (auto known = select_sites(*config, {o.site}, Shard{}); !known) {
    std::cerr << "sitepatrol: " << o.config << ": " << known.error() << "\n";
    return std::unexpected(kExitUsage);
  }
  const std::filesystem::path db = database_path(*config, o.db);
  if (!store::is_database_uri(db.native()) && !std::filesystem::exists(db)) {
    std::cerr << "sitepatrol: " << o.site << ": not patrolled yet (database " << db.string()
              << " does not exist); run `sitepatrol crawl -c " << o.config << " --site " << o.site
              << "` first\n";
    return std::unexpected(kExitRuntime);
  }
  return open_store_or_report(db);
}

int run_accept(const BaselineOptions& o) {
  auto store = open_for_site(o);
  if (!store) return store.error();
  auto accepted = (*store)->accept_baselines(o.site);
  if (!accepted) {
    std::cerr << "sitepatrol: database: " << accepted.error().message << "\n";
    return kExitRuntime;
  }
  if (*accepted == 0) {
    std::cerr << "sitepatrol: " << o.site
              << ": no page fingerprints to accept yet (the homepage and column pages are "
                 "fingerprinted by a patrol); run `sitepatrol crawl -c "
              << o.config << " --site " << o.site << "` first; the old baselines are kept\n";
    return kExitRuntime;
  }
  std::cout << o.site << ": " << *accepted << " page baseline" << (*accepted == 1 ? "" : "s")
            << " accepted\n";
  return kExitOk;
}

int run_show(const BaselineOptions& o) {
  auto store = open_for_site(o);
  if (!store) return store.error();
  auto list = (*store)->baseline_list(o.site);
  if (!list) {
    std::cerr << "sitepatrol: database: " << list.error().message << "\n";
    return kExitRuntime;
  }
  if (list->empty()) {
    std::cout << o.site << ": no page baselines yet (a patrol records them)\n";
    return kExitOk;
  }
  std::cout << o.site << ": " << list->size() << " page baseline" << (list->size() == 1 ? "" : "s")
            << "\n";
  for (const store::BaselineInfo& b : *list) {
    std::cout << "  " << reports::sanitize_for_terminal(b.url) << "  " << b.accepted_at;
    if (b.source_run != 0) std::cout << "  run " << b.source_run;
    if (!b.title.empty()) std::cout << "  " << reports::sanitize_for_terminal(b.title);
    std::cout << "\n";
  }
  return kExitOk;
}

void add_options(CLI::App& cmd, BaselineOptions& o) {
  cmd.add_option("-c,--config", o.config, "Configuration file (TOML)")->required();
  cmd.add_option("-s,--site", o.site, "Site id")->required();
  cmd.add_option("--db", o.db, "SQLite file or postgresql:// URI (default: [patrol] database)");
}

}  // namespace

CLI::App* add_baseline_command(CLI::App& cli, Command* run) {
  auto o = std::make_shared<BaselineOptions>();
  auto* cmd = cli.add_subcommand("baseline", "Template baselines of the tamper check");
  cmd->require_subcommand(1);
  auto* accept = cmd->add_subcommand(
      "accept", "Make the site's current page fingerprints its baselines (after a redesign)");
  add_options(*accept, *o);
  accept->callback([o, run] { *run = [o] { return run_accept(*o); }; });
  auto* show = cmd->add_subcommand("show", "List the site's page baselines");
  add_options(*show, *o);
  show->callback([o, run] { *run = [o] { return run_show(*o); }; });
  return cmd;
}

}  // namespace sitepatrol::app
