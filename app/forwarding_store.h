// A Store that passes every call to another one: the base of the decorators a patrol writes
// through (app/daemon_ratio_store.h, app/maintenance_store.h), which override the few calls
// they change. Like every Store, one thread at a time; it owns nothing.
#pragma once

#include "store/store.h"

namespace sitepatrol::app {

class ForwardingStore : public store::Store {
 public:
  explicit ForwardingStore(store::Store& inner) : inner_(inner) {}

  void expect_sites_in_flight(int sites) override { inner_.expect_sites_in_flight(sites); }
  void fence_writes(std::optional<store::SiteClaim> claim) override {
    inner_.fence_writes(std::move(claim));
  }
  store::Result<std::int64_t> begin_run(const std::string& started_at,
                                        const std::vector<std::string>& site_ids) override {
    return inner_.begin_run(started_at, site_ids);
  }
  store::Result<void> save_pages(std::int64_t run,
                                 std::span<const store::PageRecord> pages) override {
    return inner_.save_pages(run, pages);
  }
  store::Result<void> save_links(std::int64_t run,
                                 std::span<const store::LinkRecord> links) override {
    return inner_.save_links(run, links);
  }
  store::Result<void> save_findings(std::int64_t run,
                                    std::span<const checks::Finding> findings) override {
    return inner_.save_findings(run, findings);
  }
  store::Result<void> save_coverage(std::int64_t run, const std::string& site,
                                    const store::SiteCoverage& coverage) override {
    return inner_.save_coverage(run, site, coverage);
  }
  store::Result<void> finish_run(std::int64_t run, const std::string& finished_at,
                                 const store::RunTotals& totals) override {
    return inner_.finish_run(run, finished_at, totals);
  }
  store::Result<std::optional<checks::LinkResult>> link_verdict(std::int64_t run,
                                                                const std::string& url) override {
    return inner_.link_verdict(run, url);
  }
  store::Result<void> save_link_verdicts(std::int64_t run,
                                         std::span<const checks::LinkResult> verdicts) override {
    return inner_.save_link_verdicts(run, verdicts);
  }
  store::Result<std::vector<std::pair<std::string, store::PageMemory>>> validators(
      const std::string& site) override {
    return inner_.validators(site);
  }
  store::Result<std::optional<store::PageMemory>> page_memory(const std::string& site,
                                                              const std::string& url) override {
    return inner_.page_memory(site, url);
  }
  store::Result<std::map<std::string, checks::PageSketch>> baselines(
      const std::string& site) override {
    return inner_.baselines(site);
  }
  store::Result<void> add_baselines(
      const std::string& site,
      std::span<const std::pair<std::string, checks::PageSketch>> sketches) override {
    return inner_.add_baselines(site, sketches);
  }
  store::Result<int> accept_baselines(const std::string& site) override {
    return inner_.accept_baselines(site);
  }
  store::Result<std::vector<store::BaselineInfo>> baseline_list(const std::string& site) override {
    return inner_.baseline_list(site);
  }
  store::Result<std::optional<store::RunInfo>> run(std::optional<std::int64_t> id) override {
    return inner_.run(id);
  }
  store::Result<std::vector<store::FindingRow>> findings(const store::FindingQuery& q) override {
    return inner_.findings(q);
  }
  store::Result<std::vector<store::FindingCount>> finding_counts(std::int64_t run) override {
    return inner_.finding_counts(run);
  }
  store::Result<store::ReviewRecord> add_review(const store::ReviewRecord& review) override {
    return inner_.add_review(review);
  }
  store::Result<std::vector<store::ReviewRecord>> review_log(const std::string& site) override {
    return inner_.review_log(site);
  }
  store::Result<std::vector<store::ProbeRecord>> probes(const std::string& site,
                                                        std::int64_t since_ms) override {
    return inner_.probes(site, since_ms);
  }
  store::Result<std::map<std::string, checks::ColumnState>> column_states(
      const std::string& site) override {
    return inner_.column_states(site);
  }
  store::Result<void> save_columns(std::int64_t run, const std::string& site,
                                   std::span<const checks::ColumnObservation> columns) override {
    return inner_.save_columns(run, site, columns);
  }
  store::Result<std::vector<store::ColumnHistoryRow>> column_history(
      const std::string& site) override {
    return inner_.column_history(site);
  }
  store::Result<void> save_interaction_months(
      std::int64_t run, const std::string& site,
      std::span<const checks::InteractionMonth> months) override {  // issue 4
    return inner_.save_interaction_months(run, site, months);
  }
  store::Result<std::vector<checks::InteractionMonth>> interaction_months(
      const std::string& site) override {
    return inner_.interaction_months(site);
  }

  store::Result<std::vector<store::PeriodRun>> runs_in_period(const std::string& from,
                                                              const std::string& to) override {
    return inner_.runs_in_period(from, to);
  }
  store::Result<std::map<std::string, store::SiteRunCounts>> site_run_counts(
      std::int64_t run) override {
    return inner_.site_run_counts(run);
  }
  store::Result<std::vector<store::PeriodRun>> latest_runs() override {
    return inner_.latest_runs();
  }

 protected:
  store::Store& inner_;
};

}  // namespace sitepatrol::app
