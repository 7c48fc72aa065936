#include "app/patrol_session.h"

#include <spdlog/spdlog.h>

#include <csignal>
#include <iostream>

#include "app/cli_common.h"
#include "app/maintenance_store.h"
#include "app/progress.h"
#include "crawler/patrol.h"
#include "reports/summary.h"

namespace sitepatrol::app {

namespace {

std::atomic<bool> g_cancel{false};

extern "C" void on_signal(int) { g_cancel.store(true); }

// SIGINT/SIGTERM only raise a flag; the patrol polls it and stops cleanly.
struct SignalScope {
  SignalScope() {
    g_cancel = false;
    struct sigaction sa{};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
  }
  ~SignalScope() {
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGTERM, &old_term, nullptr);
  }
  struct sigaction old_int{};
  struct sigaction old_term{};
};

}  // namespace

SessionResult run_patrol_session(const config::Config& config,
                                 const std::vector<const config::SiteConfig*>& sites,
                                 store::Store& store, const crawler::Clock& clock,
                                 const SessionOptions& options) {
  SessionResult out;
  crawler::PatrolProgress progress;
  crawler::PatrolResult result;
  // With no finished run before this one (always so for `check`), there is nothing to speak
  // of as "the previous run": every finding would read as new.
  const auto earlier = store.run(std::nullopt);
  const bool has_previous_run = earlier && *earlier;
  {
    SignalScope signals;
    std::optional<ProgressLine> line;
    if (options.progress && !options.quiet && stderr_is_terminal()) line.emplace(progress);
    MaintenanceStore marked(store, config, [&clock] { return clock.now(); });
    crawler::Patrol patrol(config, marked, clock);
    result = patrol.run(sites, &progress, &g_cancel);
  }
  out.run_id = result.run_id;
  if (!result.error.empty()) {
    std::cerr << "sitepatrol: database: " << result.error << "\n";
    out.exit_code = kExitRuntime;
    return out;
  }
  if (!result.finished) {
    std::cerr << "sitepatrol: patrol interrupted; run " << result.run_id
              << " is left unfinished and will be marked aborted\n";
    out.exit_code = 130;
    return out;
  }
  store::FindingQuery query;
  query.run = result.run_id;
  query.status = store::StatusFilter::all;
  auto rows = store.findings(query);
  if (!rows) {
    std::cerr << "sitepatrol: database: " << rows.error().message << "\n";
    out.exit_code = kExitRuntime;
    return out;
  }
  auto run = store.run(result.run_id);
  std::vector<store::FindingRow> current;
  for (auto& r : *rows)
    if (r.status != "resolved") current.push_back(r);
  if (!options.quiet && run && *run) {
    std::cerr << reports::run_summary(
                     **run, reports::count_by_severity(current),
                     has_previous_run ? std::optional(reports::count_changes(*rows)) : std::nullopt)
              << "\n";
  }
  if (!options.quiet && result.totals.excluded > 0) {
    std::cerr << "sitepatrol: " << result.totals.excluded
              << " URL(s) skipped by include/exclude patterns (not fetched, not checked)\n";
  }
  if (options.fail_on) {
    for (const auto& r : current)
      if (r.finding.severity >= *options.fail_on) out.exit_code = kExitFindings;
  }
  return out;
}

}  // namespace sitepatrol::app
