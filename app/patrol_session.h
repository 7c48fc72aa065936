// Running one patrol from the command line: signals, the live progress line on a terminal,
// the summary at the end, and the exit code (crawl, check and demo all go through here).
#pragma once

#include <optional>
#include <vector>

#include "checks/finding.h"
#include "config/config.h"
#include "crawler/clock.h"
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

}  // namespace sitepatrol::app
