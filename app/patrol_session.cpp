#include "app/patrol_session.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <csignal>
#include <iostream>
#include <unordered_map>

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
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
  }
  ~SignalScope() {
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGTERM, &old_term, nullptr);
  }
  struct sigaction old_int {};
  struct sigaction old_term {};
};

// Per site: coverage from the store, its current findings (new and open) from `findings_of`,
// the wall time of its walk and its pages from the progress record (counted as the run's
// total counts them: pages read, not a 404 or a file a link led to, so the per-site lines add
// up to the total).
std::vector<reports::SiteSummary> site_summaries(
    const std::vector<const config::SiteConfig*>& sites, store::Store& store, std::int64_t run,
    const std::unordered_map<std::string, int>& findings_of,
    const crawler::PatrolProgress& progress) {
  auto counts = store.site_run_counts(run);
  std::unordered_map<std::string, crawler::SiteProgress> walk_of;
  for (auto& walk : progress.sites())
    if (walk.done) walk_of.insert_or_assign(walk.id, std::move(walk));
  std::vector<reports::SiteSummary> out;
  for (const auto* site : sites) {
    reports::SiteSummary s;
    s.id = site->id;
    s.name = site->name;
    if (counts) {
      if (auto it = counts->find(site->id); it != counts->end()) {
        s.pages = it->second.pages;
        s.coverage = it->second.coverage.state;
        s.reason = it->second.coverage.reason;
      }
    }
    if (auto it = findings_of.find(site->id); it != findings_of.end()) s.findings = it->second;
    if (auto it = walk_of.find(site->id); it != walk_of.end()) {
      const auto& walk = it->second;
      s.pages = walk.pages;
      s.seconds =
          std::chrono::duration_cast<std::chrono::seconds>(walk.finished - walk.started).count();
    }
    out.push_back(std::move(s));
  }
  return out;
}

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
  // Wall time: with --as-of the clock is fixed, and the run's recorded times say nothing of
  // how long it took.
  const auto wall_start = std::chrono::steady_clock::now();
  spdlog::info("patrol started: {} site(s), dates judged as of {}", sites.size(),
               crawler::to_rfc3339(clock.now()));
  {
    SignalScope signals;
    std::optional<ProgressLine> line;
    if (options.progress && !options.quiet && stderr_is_terminal())
      line.emplace(progress, config.patrol.max_run_time);
    MaintenanceStore marked(store, config, [&clock] { return clock.now(); });
    crawler::Patrol patrol(config, marked, clock);
    result = patrol.run(sites, &progress, &g_cancel);
  }
  const std::int64_t wall_seconds = std::chrono::duration_cast<std::chrono::seconds>(
                                        std::chrono::steady_clock::now() - wall_start)
                                        .count();
  out.run_id = result.run_id;
  if (!result.error.empty()) {
    std::cerr << "sitepatrol: database: " << result.error << "\n";
    out.exit_code = kExitRuntime;
    return out;
  }
  if (!result.finished) {
    spdlog::info("patrol run {} interrupted after {}; left unfinished (aborted)", result.run_id,
                 reports::format_duration(wall_seconds));
    out.exit_code = 130;
    if (options.quiet) return out;
    std::cerr << "sitepatrol: patrol interrupted; run " << result.run_id
              << " is left unfinished and will be marked aborted\n";
    return out;
  }
  return summarize_run(store, sites, result.run_id, has_previous_run, wall_seconds, progress,
                       result.totals.excluded, options);
}

SessionResult summarize_run(store::Store& store,
                            const std::vector<const config::SiteConfig*>& sites,
                            std::int64_t run_id, bool has_previous_run,
                            std::int64_t wall_seconds, const crawler::PatrolProgress& progress,
                            std::int64_t excluded, const SessionOptions& options) {
  SessionResult out;
  out.run_id = run_id;
  // The summary counts findings; the database counts them (a night can have tens of thousands).
  auto counts = store.finding_counts(run_id);
  if (!counts) {
    std::cerr << "sitepatrol: database: " << counts.error().message << "\n";
    out.exit_code = kExitRuntime;
    return out;
  }
  auto run = store.run(run_id);
  reports::SeverityCounts current;  // new and open
  reports::ChangeCounts changes;
  std::unordered_map<std::string, int> findings_of;
  bool failing = false;
  int reviewed = 0;  // set aside by a human review: out of the counts and --fail-on
  for (const store::FindingCount& c : *counts) {
    if (c.status == "new") changes.new_findings += c.count;
    if (c.status == "resolved") {
      changes.resolved += c.count;
      continue;
    }
    if (c.status == "reviewed") {
      reviewed += c.count;
      continue;
    }
    current.add(c.severity, c.count);
    findings_of[c.site] += c.count;
    if (options.fail_on && c.severity >= *options.fail_on) failing = true;
  }
  const auto per_site = site_summaries(sites, store, run_id, findings_of, progress);
  if (run && *run) {
    const std::string summary = reports::run_summary(
        **run, current, has_previous_run ? std::optional(changes) : std::nullopt,
        wall_seconds);
    // The log keeps one line per run and per site, --quiet or not (a cron job's record).
    spdlog::info("{}", summary);
    for (const auto& site : per_site) spdlog::info("site {}", reports::site_summary_line(site));
    if (!options.quiet) {
      std::cerr << summary << "\n";
      for (const auto& site : per_site)
        std::cerr << "  " << reports::site_summary_line(site) << "\n";
      if (auto down = reports::down_sites_line(per_site); !down.empty()) std::cerr << down << "\n";
    }
  }
  if (!options.quiet && reviewed > 0) {
    std::cerr << "sitepatrol: " << reviewed
              << " finding(s) set aside by human review, not counted (sitepatrol review list)\n";
  }
  if (!options.quiet && excluded > 0) {
    std::cerr << "sitepatrol: " << excluded
              << " URL(s) skipped by include/exclude patterns (not fetched, not checked)\n";
  }
  if (failing) out.exit_code = kExitFindings;
  return out;
}

}  // namespace sitepatrol::app
