// Running one patrol from the command line: signals, the live progress line on a terminal,
// the summary at the end, and the exit code (crawl, check and demo all go through here).
#pragma once

#include <optional>
#include <vector>

#include "checks/finding.h"
#include "config/config.h"
#include "crawler/clock.h"
#include "crawler/patrol.h"
#include "store/store.h"

namespace sitepatrol::app {

struct SessionOptions {
  bool quiet = false;
  bool progress = true;          // shown only when stderr is a terminal
  std::optional<checks::Severity> fail_on;
};

struct SessionResult {
  int exit_code = 0;
  std::int64_t run_id = 0;
};

SessionResult run_patrol_session(const config::Config& config,
                                 const std::vector<const config::SiteConfig*>& sites,
                                 store::Store& store, const crawler::Clock& clock,
                                 const SessionOptions& options);

// The summary of the finished run `run_id` on stderr (unless quiet) and in the log, and the
// exit code --fail-on asks for. `progress` gives each site's walk time when known.
SessionResult summarize_run(store::Store& store,
                            const std::vector<const config::SiteConfig*>& sites,
                            std::int64_t run_id, bool has_previous_run,
                            std::int64_t wall_seconds, const crawler::PatrolProgress& progress,
                            std::int64_t excluded, const SessionOptions& options);

// `crawl` on PostgreSQL (app/queued_crawl.cpp): the run is queued, then patrolled by this
// process as one worker, which other workers may join; the summary follows.
SessionResult run_queued_session(const config::Config& config,
                                 const std::vector<const config::SiteConfig*>& sites,
                                 store::Store& store, const std::string& database,
                                 const SessionOptions& options);

}  // namespace sitepatrol::app
