// The daemon's side of re-check requests (issue 17, docs/recheck.md): `sitepatrol recheck`
// (and the console) queue a request in the store; between patrols the daemon hands the
// requested sites to its scheduler, which starts a patrol of them at once, and when that
// patrol ends records how it went on each request.
//
// Not thread-safe: the daemon's main thread owns it, like the Scheduler.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/daemon_scheduler.h"
#include "store/store.h"

namespace sitepatrol::app {

class Rechecks {
 public:
  // Takes the queued requests: those of configured sites go to `scheduler` and are
  // `running`; those of other sites fail. Call only while no patrol runs. `now`: RFC 3339.
  void take(store::Store& store, Scheduler& scheduler, const std::string& now);
  // The patrol that ran the taken requests ended: `run` its id (0 when it never began),
  // `failed` when it did not run (`outcome` says why), else `outcome` is finished | aborted.
  void finish(store::Store& store, std::int64_t run, bool failed, const std::string& outcome,
              const std::string& now);
  bool running() const { return !running_.empty(); }

 private:
  std::vector<store::RecheckRequest> running_;
};

}  // namespace sitepatrol::app
