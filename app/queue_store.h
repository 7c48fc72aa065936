// The store a worker patrols one claimed site through (issue 16, docs/workers.md): the run
// is the queue's, not a new one, and the end of the site's patrol is the end of its claim,
// not of the run. Everything else passes through. One thread at a time, like every Store.
#pragma once

#include "app/forwarding_store.h"

namespace sitepatrol::app {

class QueueStore final : public ForwardingStore {
 public:
  QueueStore(store::Store& inner, std::int64_t run) : ForwardingStore(inner), run_(run) {}

  // The claimed site's run; nothing is created, nothing aborted.
  store::Result<std::int64_t> begin_run(const std::string&,
                                        const std::vector<std::string>&) override {
    return run_;
  }
  // Keeps the site's totals for complete_site; the run finishes when its last site does.
  store::Result<void> finish_run(std::int64_t, const std::string&,
                                 const store::RunTotals& totals) override {
    totals_ = totals;
    return {};
  }

  const store::RunTotals& totals() const { return totals_; }

 private:
  std::int64_t run_;
  store::RunTotals totals_;
};

}  // namespace sitepatrol::app
