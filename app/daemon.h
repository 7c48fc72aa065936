// `sitepatrol daemon` (README "Commands", issue 7): the long-running scheduler.
//
// Threads and who owns what:
// - the caller's thread runs `run()`: the main loop. It owns the Scheduler
//   (app/daemon_scheduler.h) and one store connection; it stores probe results, turns probes
//   and patrol findings into alerts (alerts/rules.h) and queues them (alerts/dispatcher.h).
// - a probe worker runs one batch of homepage probes at a time (app/daemon_prober.h); probes
//   falling due while a batch runs wait for the next batch, so a hanging site delays nothing
//   but its own next probe.
// - a patrol worker runs one patrol at a time (crawler::Patrol) on a store connection of its
//   own, through RatioStore (AVAIL-RATIO). While it runs the main loop looks at the run's
//   findings every few seconds, so a new dead link on a homepage is told at once.
// - an alert worker delivers queued alerts with retries, on its own store connection.
// - the HTTP endpoint ([http] listen, app/http_endpoint.h) serves /healthz and /metrics.
// The configuration is shared as shared_ptr<const Config>; a reload swaps the pointer and
// workers keep the one they started with.
//
// Faults: a store write that fails (disk full, locked) is logged, counted, and retried on the
// next pass (probes and alerts are kept in memory meanwhile, bounded); a patrol that fails
// is logged and the next one runs at its time. request_stop() (SIGTERM) cancels the patrol
// (its run stays unfinished and is marked aborted by the next one), drops probes in flight,
// aborts a delivery in progress, and run() returns within a second or two.
#pragma once

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "alerts/sender.h"
#include "app/daemon_metrics.h"
#include "config/config.h"
#include "crawler/clock.h"

namespace sitepatrol::app {

struct DaemonOptions {
  std::filesystem::path config_file;   // re-read on reload
  std::filesystem::path database;      // --db, or "" for the configuration's
};

class Daemon {
 public:
  Daemon(std::shared_ptr<const config::Config> config, DaemonOptions options,
         const crawler::Clock& clock);
  ~Daemon();
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  // Runs until request_stop(); returns the process exit code (0, or 3 when the database or
  // the HTTP endpoint cannot be opened). Prints where the endpoint listens on stderr.
  int run();

  // Both may be called from any thread (a signal thread, a test).
  void request_stop();
  void request_reload();

  DaemonMetrics& metrics() { return metrics_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  DaemonMetrics metrics_;
};

}  // namespace sitepatrol::app
