// `sitepatrol daemon -c FILE`: the long-running scheduler (app/daemon.h).
//
// Signals: SIGTERM and SIGINT stop the daemon cleanly, SIGHUP reloads the configuration.
// They are blocked in every thread before any thread starts and taken by one thread with
// sigtimedwait, so no signal handler ever runs in the middle of curl or SQLite.
#include <pthread.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>
#include <thread>

#include "app/cli_common.h"
#include "app/commands.h"
#include "app/daemon.h"

namespace sitepatrol::app {

namespace {

struct DaemonCliOptions {
  std::string config;
  std::string db;
};

int run_daemon(const DaemonCliOptions& o, const LogOptions& log) {
  auto config = load_config_or_report(o.config);
  if (!config) return config.error();
  // The daemon tells what it does unless asked for less.
  if (log.level.empty() && !log.quiet && spdlog::default_logger()->level() > spdlog::level::info)
    spdlog::default_logger()->set_level(spdlog::level::info);

  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  // A file-size limit (ulimit -f) reached by the database is a failed write, like a full
  // disk, not a reason to die.
  std::signal(SIGXFSZ, SIG_IGN);

  crawler::SystemClock clock;
  DaemonOptions options{o.config,
                        o.db.empty() ? std::filesystem::path() : std::filesystem::path(o.db)};
  Daemon daemon(std::make_shared<const config::Config>(std::move(*config)), options, clock);
  std::atomic<bool> done{false};
  std::thread signals([&] {
    const timespec tick{0, 100'000'000};
    while (!done) {
      const int sig = sigtimedwait(&set, nullptr, &tick);
      if (sig == SIGHUP) {
        daemon.request_reload();
      } else if (sig == SIGTERM || sig == SIGINT) {
        daemon.request_stop();
      }
    }
  });
  const int code = daemon.run();
  done = true;
  signals.join();
  return code;
}

}  // namespace

CLI::App* add_daemon_command(CLI::App& cli, LogOptions& log, Command* run) {
  auto o = std::make_shared<DaemonCliOptions>();
  auto* cmd = cli.add_subcommand(
      "daemon", "Long-running scheduler: patrols, availability probes, alerts, /metrics");
  cmd->add_option("-c,--config", o->config, "Configuration file (TOML)")->required();
  cmd->add_option("--db", o->db, "SQLite file or postgresql:// URI (default: [patrol] database)");
  cmd->callback([o, &log, run] { *run = [o, &log] { return run_daemon(*o, log); }; });
  return cmd;
}

}  // namespace sitepatrol::app
