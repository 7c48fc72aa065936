// `sitepatrol config check`: validates a configuration and prints what it resolved to: the
// patrol settings, the sites (names aligned by display width, Chinese names take two columns
// a character), the schedule and the alert channels.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "app/cli_common.h"
#include "store/database_uri.h"
#include "app/commands.h"
#include "reports/terminal_width.h"

namespace sitepatrol::app {

namespace {

std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

std::string seconds_text(std::chrono::seconds s) {
  const auto n = s.count();
  if (n % 3600 == 0) return std::to_string(n / 3600) + " h";
  if (n % 60 == 0) return std::to_string(n / 60) + " min";
  return std::to_string(n) + " s";
}

void print_sites(const config::Config& config) {
  std::cout << config.sites.size() << (config.sites.size() == 1 ? " site" : " sites") << ":\n";
  int id_width = 0;
  int name_width = 0;
  for (const auto& s : config.sites) {
    id_width = std::max(id_width, reports::display_width(s.id));
    name_width = std::max(name_width, reports::display_width(s.name));
  }
  for (const auto& s : config.sites) {
    std::cout << "  " << reports::pad_to_width(s.id, id_width) << "  "
              << reports::pad_to_width(reports::sanitize_for_terminal(s.name), name_width) << "  "
              << s.url << "  [" << s.category;
    if (!s.unit.empty()) std::cout << ", " << s.unit;
    std::cout << "]";
    if (!s.columns.empty()) std::cout << "  " << s.columns.size() << " columns";
    if (!s.allowed_domains.empty())
      std::cout << "  " << s.allowed_domains.size() << " allowed domains";
    std::cout << "\n";
  }
}

void print_schedule(const config::ScheduleConfig& schedule) {
  std::vector<std::string> patrol;
  for (const auto& cron : schedule.patrol) patrol.push_back(cron.text());
  std::cout << "schedule (daemon, local time): patrol " << joined(patrol, "; ") << ", probe every "
            << seconds_text(schedule.probe_interval) << ", down after " << schedule.down_after
            << " failed probes\n";
  for (const auto& [id, site] : schedule.sites) {
    std::cout << "  " << id << ":";
    if (site.patrol) {
      std::vector<std::string> own;
      for (const auto& cron : *site.patrol) own.push_back(cron.text());
      std::cout << " patrol " << joined(own, "; ");
    }
    if (!site.probes)
      std::cout << " no probes";
    else if (site.probe_interval)
      std::cout << " probe every " << seconds_text(*site.probe_interval);
    std::cout << "\n";
  }
}

// Where a channel sends: the mail recipients, or the robot's host (a robot URL carries its
// token in the query, which is not printed).
std::string destination(const config::AlertChannel& c) {
  if (c.kind == "email") return "to " + joined(c.to);
  std::string url = c.url.substr(0, c.url.find_first_of("?#"));
  return url;
}

void print_alerts(const std::vector<config::AlertChannel>& alerts) {
  if (alerts.empty()) {
    std::cout << "alert channels: none (the daemon alerts nobody)\n";
    return;
  }
  std::cout << alerts.size() << (alerts.size() == 1 ? " alert channel" : " alert channels")
            << ":\n";
  int name_width = 0;
  for (const auto& c : alerts) name_width = std::max(name_width, reports::display_width(c.name));
  for (const auto& c : alerts) {
    std::cout << "  " << reports::pad_to_width(c.name, name_width) << "  " << c.kind << "  "
              << destination(c) << "  events: " << joined(c.events)
              << "  sites: " << (c.sites.empty() ? "all" : joined(c.sites)) << "\n";
  }
}

int run_config_check(const std::string& file) {
  auto config = load_config_or_report(file);
  if (!config) return config.error();
  const auto& p = config->patrol;
  // The store creates the database file but not its folder: a typo there would surface
  // only at the first patrol, at night, from cron.
  if (const auto folder = p.database.parent_path();
      !store::is_database_uri(p.database.native()) && !folder.empty() &&
      !std::filesystem::is_directory(folder)) {
    const config::ConfigError error{file, p.database_line, p.database_column, "patrol.database",
                                    "the folder " + folder.string() + " does not exist"};
    std::cerr << "sitepatrol: " << error.to_string() << "\n";
    return kExitUsage;
  }
  std::cout << file << ": OK\n"
            << "database: " << p.database.string() << "\n"
            << "timeout " << p.timeout_s << " s, concurrency " << p.concurrency << " ("
            << p.per_host_concurrency << " per host, " << p.per_host_delay_ms
            << " ms apart), up to " << p.max_pages_per_site << " pages and depth " << p.max_depth
            << " per site\n";
  print_sites(*config);
  print_schedule(config->schedule);
  print_alerts(config->alerts);
  return kExitOk;
}

}  // namespace

CLI::App* add_config_command(CLI::App& cli, Command* run) {
  auto file = std::make_shared<std::string>();
  auto* cmd = cli.add_subcommand("config", "Configuration tools");
  cmd->require_subcommand(1);
  auto* check = cmd->add_subcommand(
      "check", "Validate a configuration; list its sites, schedule and alert channels");
  check->add_option("-c,--config", *file, "Configuration file (TOML)")->required();
  check->callback([file, run] { *run = [file] { return run_config_check(*file); }; });
  return cmd;
}

}  // namespace sitepatrol::app
