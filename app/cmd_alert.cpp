// `sitepatrol alert test -c FILE`: sends a test message on every [[alert]] channel and says
// which ones worked (exit 0 when all did, 3 when one failed, 2 without channels).
// `sitepatrol alert history -c FILE`: the newest alerts the daemon queued, with their fate.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "alerts/sender.h"
#include "app/cli_common.h"
#include "app/commands.h"

namespace sitepatrol::app {

namespace {

struct AlertCliOptions {
  std::string config;
  std::string channel;
  std::string db;
  int limit = 50;
};

int run_alert_history(const AlertCliOptions& o) {
  auto config = load_config_or_report(o.config);
  if (!config) return config.error();
  auto store = open_store_or_report(database_path(*config, o.db));
  if (!store) return store.error();
  auto rows = (*store)->alert_history(o.limit);
  if (!rows) {
    std::cerr << "sitepatrol: database: " << rows.error().message << "\n";
    return kExitRuntime;
  }
  std::cout << "created               channel          event           site             "
               "status   tries  error\n";
  for (const auto& r : *rows) {
    char line[512];
    std::snprintf(line, sizeof line, "%-21s %-16s %-15s %-16s %-8s %5d  ",
                  alerts::utc_time(alerts::from_unix_ms(r.created_ms)).c_str(), r.channel.c_str(),
                  r.event.c_str(), r.site.c_str(), r.status.c_str(), r.attempts);
    std::cout << line << r.last_error << "\n";
  }
  return kExitOk;
}

int run_alert_test(const AlertCliOptions& o) {
  auto config = load_config_or_report(o.config);
  if (!config) return config.error();
  if (config->alerts.empty()) {
    std::cerr << "sitepatrol: " << o.config << ": no [[alert]] channel is configured\n";
    return kExitUsage;
  }
  alerts::CurlSender sender(alerts::sender_options(*config));
  alerts::Alert alert;
  alert.event = "test";
  alert.key = "test";
  alert.time = std::chrono::system_clock::now();
  alert.title = "sitepatrol test message";  // each channel renders it in its language
  alert.text = "This is a test message from sitepatrol.";
  int failed = 0;
  int tried = 0;
  for (const auto& channel : config->alerts) {
    if (!o.channel.empty() && channel.name != o.channel) continue;
    ++tried;
    auto sent = sender.send(channel, alert);
    if (sent) {
      std::cout << channel.name << " (" << channel.kind << "): sent\n";
    } else {
      ++failed;
      std::cout << channel.name << " (" << channel.kind << "): FAILED: " << sent.error() << "\n";
    }
  }
  if (tried == 0) {
    std::cerr << "sitepatrol: no channel named '" << o.channel << "'\n";
    return kExitUsage;
  }
  return failed == 0 ? kExitOk : kExitRuntime;
}

}  // namespace

CLI::App* add_alert_command(CLI::App& cli, Command* run) {
  auto o = std::make_shared<AlertCliOptions>();
  auto* cmd = cli.add_subcommand("alert", "Alert channels");
  cmd->require_subcommand(1);
  auto* test = cmd->add_subcommand("test", "Send a test message on every [[alert]] channel");
  test->add_option("-c,--config", o->config, "Configuration file (TOML)")->required();
  test->add_option("--channel", o->channel, "Only the channel with this name");
  test->callback([o, run] { *run = [o] { return run_alert_test(*o); }; });
  auto* history = cmd->add_subcommand("history", "The newest alerts, sent, pending or failed");
  history->add_option("-c,--config", o->config, "Configuration file (TOML)")->required();
  history->add_option("--db", o->db, "SQLite file or postgresql:// URI (default: [patrol] database)");
  history->add_option("-n,--limit", o->limit, "How many (default 50)")->check(CLI::PositiveNumber);
  history->callback([o, run] { *run = [o] { return run_alert_history(*o); }; });
  return cmd;
}

}  // namespace sitepatrol::app
