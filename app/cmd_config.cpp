// `sitepatrol config check`: validates a configuration and prints the resolved site list.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/cli_common.h"
#include "app/commands.h"

namespace sitepatrol::app {

namespace {

int run_config_check(const std::string& file) {
  auto config = load_config_or_report(file);
  if (!config) return config.error();
  const auto& p = config->patrol;
  std::cout << file << ": OK\n"
            << "database: " << p.database.string() << "\n"
            << "timeout " << p.timeout_s << " s, concurrency " << p.concurrency << " ("
            << p.per_host_concurrency << " per host, " << p.per_host_delay_ms
            << " ms apart), up to " << p.max_pages_per_site << " pages and depth "
            << p.max_depth << " per site\n"
            << config->sites.size() << (config->sites.size() == 1 ? " site" : " sites") << ":\n";
  for (const auto& s : config->sites) {
    std::cout << "  " << s.id << "  " << s.name << "  " << s.url << "  [" << s.category;
    if (!s.unit.empty()) std::cout << ", " << s.unit;
    std::cout << "]";
    if (!s.columns.empty()) std::cout << "  " << s.columns.size() << " columns";
    if (!s.allowed_domains.empty()) std::cout << "  " << s.allowed_domains.size() << " allowed domains";
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace

CLI::App* add_config_command(CLI::App& cli, Command* run) {
  auto file = std::make_shared<std::string>();
  auto* cmd = cli.add_subcommand("config", "Configuration tools");
  cmd->require_subcommand(1);
  auto* check = cmd->add_subcommand("check", "Validate a configuration, list its sites");
  check->add_option("-c,--config", *file, "Configuration file (TOML)")->required();
  check->callback([file, run] { *run = [file] { return run_config_check(*file); }; });
  return cmd;
}

}  // namespace sitepatrol::app
