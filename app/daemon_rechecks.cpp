#include "app/daemon_rechecks.h"

#include <spdlog/spdlog.h>

namespace sitepatrol::app {

namespace {

void save(store::Store& store, const store::RecheckRequest& request) {
  if (auto ok = store.update_recheck(request); !ok) {
    spdlog::error("re-check {} of {}: {}", request.id, request.site, ok.error().message);
  }
}

}  // namespace

void Rechecks::take(store::Store& store, Scheduler& scheduler, const std::string& now) {
  auto queued = store.queued_rechecks();
  if (!queued) {
    spdlog::error("reading re-check requests: {}", queued.error().message);
    return;
  }
  for (store::RecheckRequest& request : *queued) {
    if (scheduler.request(request.site)) {
      request.state = "running";
      spdlog::info("re-check {} of {} requested by {}: patrolling now", request.id, request.site,
                   request.requested_by);
      running_.push_back(request);
    } else {
      request.state = "failed";
      request.finished_at = now;
      request.outcome = "not a site of the daemon's configuration";
    }
    save(store, request);
  }
}

void Rechecks::finish(store::Store& store, std::int64_t run, bool failed,
                      const std::string& outcome, const std::string& now) {
  for (store::RecheckRequest& request : running_) {
    request.state = failed ? "failed" : "done";
    request.run = run;
    request.finished_at = now;
    request.outcome = outcome;
    save(store, request);
  }
  running_.clear();
}

}  // namespace sitepatrol::app
