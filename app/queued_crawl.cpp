// `crawl` on PostgreSQL (issue 16, docs/workers.md): a run plus one worker in one process.
// The run's sites are queued as `run start` queues them, and this process works the queue as
// `sitepatrol worker` does, so workers started elsewhere may join the same run and share its
// sites. The summary and --fail-on follow, as for any crawl.
#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>

#include "app/cli_common.h"
#include "app/patrol_session.h"
#include "app/worker.h"

namespace sitepatrol::app {

SessionResult run_queued_session(const config::Config& config,
                                 const std::vector<const config::SiteConfig*>& sites,
                                 store::Store& store, const std::string& database,
                                 const SessionOptions& options) {
  SessionResult out;
  const auto earlier = store.run(std::nullopt);
  const bool has_previous_run = earlier && *earlier;
  const auto wall_start = std::chrono::steady_clock::now();
  std::vector<std::string> ids;
  for (const auto* site : sites) ids.push_back(site->id);
  auto run = start_queued_run(store, ids);
  if (!run) {
    std::cerr << "sitepatrol: database: " << run.error().message << "\n";
    out.exit_code = kExitRuntime;
    return out;
  }
  out.run_id = *run;
  spdlog::info("patrol started: run {} with {} site(s) queued; other workers may join it", *run,
               ids.size());
  const int worked = work_the_queue(config, database, WorkerOptions{});
  const std::int64_t wall_seconds = std::chrono::duration_cast<std::chrono::seconds>(
                                        std::chrono::steady_clock::now() - wall_start)
                                        .count();
  if (worked == 130) {
    out.exit_code = 130;
    if (!options.quiet) {
      std::cerr << "sitepatrol: patrol interrupted; the sites of run " << *run
                << " still queued wait for a worker (sitepatrol worker)\n";
    }
    return out;
  }
  if (worked != kExitOk) {
    out.exit_code = worked;
    return out;
  }
  // The queue is empty and no one holds a site: the run is finished, by this process or by a
  // worker that joined it.
  auto info = store.run(*run);
  if (!info || !*info || (*info)->status != "finished") {
    std::cerr << "sitepatrol: run " << *run << " did not finish\n";
    out.exit_code = kExitRuntime;
    return out;
  }
  const crawler::PatrolProgress no_walk_times;  // the workers' walks are not timed here
  return summarize_run(store, sites, *run, has_previous_run, wall_seconds, no_walk_times, 0,
                       options);
}

}  // namespace sitepatrol::app
