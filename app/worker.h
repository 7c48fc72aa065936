// A worker's claim loop (issue 16, docs/workers.md): slots that claim sites of the newest
// running run from the shared queue, patrol each under a renewed lease, and mark it done; the
// last one finishes the run. `sitepatrol worker` runs it, and `crawl` on PostgreSQL runs it in
// its own process after queueing its run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/config.h"
#include "store/store.h"

namespace sitepatrol::app {

struct WorkerOptions {
  std::string id;  // this worker's name in the queue; "" for HOST:PID
  int lease_s = 60;
  int wait_s = 0;  // 0: exit when the queue is empty; else look again this often
  int slots = 0;   // sites patrolled at once; 0: concurrency / per_host_concurrency
};

// Creates a run of `sites` and queues them; its id.
store::Result<std::int64_t> start_queued_run(store::Store& store,
                                             const std::vector<std::string>& sites);

// Claims and patrols until nothing is left to claim (or, with wait_s, until a signal). Installs
// its own SIGINT/SIGTERM handling. The exit code: 0, 3 (database), 130 (a signal).
int work_the_queue(config::Config config, const std::string& database, const WorkerOptions& o);

}  // namespace sitepatrol::app
