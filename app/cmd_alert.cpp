// `sitepatrol alert test -c FILE`: sends a test message on every [[alert]] channel and says
// which ones worked (exit 0 when all did, 3 when one failed, 2 without channels).
#include <CLI/CLI.hpp>

#include <iostream>

#include "alerts/sender.h"
#include "app/cli_common.h"
#include "app/commands.h"

namespace sitepatrol::app {

namespace {

struct AlertCliOptions {
  std::string config;
  std::string channel;
};

int run_alert_test(const AlertCliOptions& o) {
  auto config = load_config_or_report(o.config);
  if (!config) return config.error();
  if (config->alerts.empty()) {
    std::cerr << "sitepatrol: " << o.config << ": no [[alert]] channel is configured\n";
    return kExitUsage;
  }
  alerts::CurlSenderOptions options;
  options.user_agent = config->patrol.user_agent;
  options.ca_bundle = config->patrol.ca_bundle;
  alerts::CurlSender sender(options);
  alerts::Alert alert;
  alert.event = "test";
  alert.key = "test";
  alert.time = std::chrono::system_clock::now();
  alert.title = "测试消息 sitepatrol test message";
  alert.text = "This is a test message from sitepatrol (" + std::to_string(config->sites.size()) +
               " sites registered). If you read it, alerts reach this channel.";
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
  return cmd;
}

}  // namespace sitepatrol::app
