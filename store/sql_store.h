// The SQLite implementation of `Store` (store.h), on one connection in WAL mode.
//
// Its methods are split by idea over several files: runs and the finding lifecycle
// (sql_store.cpp), what a run examined and the findings it could not
// (sql_store_coverage.cpp), pages and links (sql_store_pages.cpp), template baselines
// (sql_store_baselines.cpp), and more. The schema is schema.cpp.
//
// Lifecycle decisions (see also store.h):
// - A finding's status in a run is decided when the occurrence is saved: `open` when the
//   identity was seen in a finished run and has not been resolved since, otherwise `new`.
//   Only finish_run changes identities and runs are strictly sequential (begin_run aborts
//   any run still `running`; saving into or finishing a run that is not `running` is an
//   error), so this is exactly the status finish_run would assign, and it keeps the findings
//   of an aborted run readable with a meaningful status.
// - A finding that comes back after being resolved is `new` again, and its `first_seen`
//   stays the original first sighting.
// - Sighting times (`first_seen`, `last_seen`) are the `started_at` of the run that saw the
//   finding; `resolved_at` is the `finished_at` of the run that resolved it.
// - Findings may only be saved for sites the run covers (its `site_ids`): coverage is what
//   decides which identities a run can resolve.
//
// One thread at a time, like every Store.
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/db.h"
#include "store/store.h"
#include "store/url_ids.h"
#include "store/verification.h"

namespace sitepatrol::store {

class SqlStore final : public Store {
 public:
  // Opens the file or connects to the URI, applies the connection settings and migrates the
  // schema.
  static Result<std::unique_ptr<SqlStore>> open(const std::string& database);
  // The connection settings open() applies to SQLite: WAL (insisted on), synchronous=NORMAL,
  // foreign keys on, busy_timeout 5000 ms. PostgreSQL keeps the server's.
  static Result<void> configure(Db& db);

  Result<std::int64_t> begin_run(const std::string& started_at,
                                 const std::vector<std::string>& site_ids) override;
  void expect_sites_in_flight(int sites) override;
  Result<void> save_pages(std::int64_t run, std::span<const PageRecord> pages) override;
  Result<void> save_links(std::int64_t run, std::span<const LinkRecord> links) override;
  Result<void> save_findings(std::int64_t run, std::span<const checks::Finding> findings) override;
  Result<void> save_coverage(std::int64_t run, const std::string& site,
                             const SiteCoverage& coverage) override;
  Result<void> finish_run(std::int64_t run, const std::string& finished_at,
                          const RunTotals& totals) override;

  Result<std::vector<std::pair<std::string, PageMemory>>> validators(
      const std::string& site) override;
  Result<std::optional<PageMemory>> page_memory(const std::string& site,
                                                const std::string& url) override;

  Result<std::map<std::string, checks::PageSketch>> baselines(const std::string& site) override;
  Result<void> add_baselines(
      const std::string& site,
      std::span<const std::pair<std::string, checks::PageSketch>> sketches) override;
  Result<int> accept_baselines(const std::string& site) override;
  Result<std::vector<BaselineInfo>> baseline_list(const std::string& site) override;

  Result<std::optional<RunInfo>> run(std::optional<std::int64_t> id) override;
  Result<std::vector<FindingRow>> findings(const FindingQuery& query) override;
  Result<std::vector<FindingCount>> finding_counts(std::int64_t run) override;
  // Re-checks (issue 17): sql_store_rechecks.cpp.
  Result<RecheckRequest> request_recheck(const RecheckRequest& request) override;
  Result<std::vector<RecheckRequest>> queued_rechecks() override;
  Result<void> update_recheck(const RecheckRequest& request) override;
  Result<std::optional<RecheckRequest>> recheck(std::int64_t id) override;
  Result<std::optional<RecheckRequest>> latest_recheck(const std::string& site) override;
  Result<int> fail_running_rechecks(const std::string& now, const std::string& why) override;
  // History of one finding (issue 17): sql_store_history.cpp.
  Result<std::vector<FindingSighting>> finding_history(const std::string& site,
                                                       const std::string& code,
                                                       const std::string& subject,
                                                       int limit) override;
  Result<std::vector<SiteRunFindings>> findings_per_run(std::int64_t after_run,
                                                        const std::string& site) override;
  Result<std::vector<std::string>> site_months(const std::string& site) override;
  // Human review (issue 17): sql_store_reviews.cpp.
  Result<ReviewRecord> add_review(const ReviewRecord& review) override;
  Result<std::vector<ReviewRecord>> review_log(const std::string& site) override;

  Result<std::map<std::string, checks::ColumnState>> column_states(
      const std::string& site) override;
  Result<void> save_columns(std::int64_t run, const std::string& site,
                            std::span<const checks::ColumnObservation> columns) override;
  Result<std::vector<ColumnHistoryRow>> column_history(const std::string& site) override;
  Result<std::vector<ColumnHistoryRow>> run_columns(const std::string& site,
                                                    std::int64_t run) override;
  // issue 4: sql_store_interaction.cpp
  Result<void> save_interaction_months(std::int64_t run, const std::string& site,
                                       std::span<const checks::InteractionMonth> months) override;
  Result<std::vector<checks::InteractionMonth>> interaction_months(
      const std::string& site) override;

  // Monthly reports (sql_store_report.cpp).
  Result<std::vector<PeriodRun>> runs_in_period(const std::string& from,
                                                const std::string& to) override;
  Result<std::vector<PeriodRun>> site_runs_in_period(const std::string& from, const std::string& to,
                                                     const std::string& site) override;
  Result<std::map<std::string, SiteRunCounts>> site_run_counts(std::int64_t run) override;
  Result<SiteRunCounts> counts_of_site(std::int64_t run, const std::string& site) override;
  Result<std::vector<PeriodRun>> latest_runs() override;
  // The daemon (issue 7): sql_store_probes.cpp, sql_store_alerts.cpp.
  Result<void> save_probe(const ProbeRecord& probe) override;
  Result<std::vector<ProbeRecord>> probes(const std::string& site, std::int64_t since_ms) override;
  Result<std::vector<ProbeRecord>> recent_probes(const std::string& site, int limit) override;
  Result<std::vector<ProbeDay>> probe_days(std::int64_t since_day,
                                           const std::string& site) override;
  Result<int> prune_probes(std::int64_t before_ms) override;
  Result<bool> add_alert(const AlertRecord& alert) override;
  Result<std::vector<AlertRecord>> due_alerts(std::int64_t now_ms) override;
  Result<void> update_alert(const AlertRecord& alert) override;
  Result<std::vector<AlertRecord>> alert_history(int limit) override;
  Result<std::vector<AlertRecord>> alerts_keyed(const std::string& channel,
                                                const std::string& key) override;
  // Workers that share a run (issue 16): sql_store_queue.cpp.
  Result<void> queue_run(std::int64_t run, const std::vector<std::string>& sites) override;
  Result<std::optional<SiteClaim>> claim_site(const std::string& worker, std::int64_t now_ms,
                                              std::int64_t lease_until_ms) override;
  Result<bool> renew_claim(const SiteClaim& claim, std::int64_t lease_until_ms) override;
  Result<void> restart_site(const SiteClaim& claim) override;
  void fence_writes(std::optional<SiteClaim> claim) override;
  Result<bool> complete_site(const SiteClaim& claim, const RunTotals& totals) override;
  Result<QueueCounts> queue_counts(std::int64_t run) override;
  Result<bool> finish_queued_run(std::int64_t run, const std::string& finished_at) override;
  // External links' answers shared by a run's workers: sql_store_link_verdicts.cpp.
  Result<std::optional<checks::LinkResult>> link_verdict(std::int64_t run,
                                                         const std::string& url) override;
  Result<void> save_link_verdicts(std::int64_t run,
                                  std::span<const checks::LinkResult> verdicts) override;

 private:
  explicit SqlStore(Db db) : db_(std::move(db)) {}

  // Fails unless `run` exists and is `running`; `action` names the caller in the message.
  Result<void> require_running(std::int64_t run, std::string_view action, bool finishing = false);
  // The id of `url` in the intern table, adding it when new; remembered (store/url_ids.h).
  Result<std::int64_t> intern_url(std::string_view url);
  Result<std::int64_t> look_up_or_add_url(std::string_view url);
  // On PostgreSQL, interns `urls` in one statement, sorted, before a batch uses them, and
  // keeps their ids in `interned_` for intern_url (sql_store_bulk.cpp).
  Result<void> intern_in_order(std::vector<std::string_view> urls);
  // A page's links: one statement on PostgreSQL, one a link on SQLite (sql_store_bulk.cpp).
  Result<void> insert_page_links(std::int64_t page_id, const std::vector<checks::LinkRef>& links);
  // Empties interned_ when a batch ends, however it ends.
  struct ForgetInterned {
    std::unordered_map<std::string, std::int64_t>& ids;
    ~ForgetInterned() { ids.clear(); }
  };
  Result<void> save_page(std::int64_t run, const PageRecord& record);
  Result<std::optional<std::int64_t>> unchanged_page(const PageRecord& record,
                                                     std::int64_t url_id,
                                                     std::optional<std::int64_t> final_id,
                                                     std::optional<std::int64_t> found_on_id);
  Result<void> save_link(std::int64_t run, const LinkRecord& record);
  Result<void> save_finding(std::int64_t run, const checks::Finding& finding);
  // finish_run's settling of the findings the run did not raise again
  // (sql_store_coverage.cpp): resolved when examined, else carried over unverified.
  Result<void> settle_unseen(std::int64_t run, const std::string& finished_at);
  Result<void> settle_one(std::int64_t run, const std::string& finished_at, std::int64_t finding,
                          std::int64_t previous_run, std::int64_t severity, const std::string& page,
                          const std::string& detail, const std::optional<Unverified>& why);
  Result<bool> any_row(std::string_view sql, std::initializer_list<std::string_view> params);
  // Fills `carriers` of the LINK-* rows loaded from `run` (sql_store_carriers.cpp).
  Result<void> fill_carriers(std::int64_t run, std::vector<FindingRow>& rows);
  // Gives the rows loaded from `run` their current reviews (sql_store_reviews.cpp).
  Result<void> fill_reviews(const RunInfo& run, std::vector<FindingRow>& rows);
  // Moves the run's findings that a review sets aside from their status to `reviewed`.
  Result<void> count_reviewed(const RunInfo& run, std::vector<FindingCount>& counts);

  // Fails unless the fenced claim is still held (sql_store_queue.cpp); nothing without one.
  Result<void> check_fence();

  // A site's menu and footer links, and the pages of the walk near the current one: about
  // 600 KB at most. With many sites in flight their writes interleave, and the memory holds
  // kKnownUrlsPerSite for each: at 2,000 sites (1,024 in flight) a 4,096-entry memory forgot
  // them every few pages, 1,210,921 database look-ups for 100,001 URLs against 114,337 now
  // (docs/performance.md, fifteenth session).
  static constexpr std::size_t kKnownUrls = 4096;
  static constexpr std::size_t kKnownUrlsPerSite = 64;

  Db db_;
  std::optional<SiteClaim> fence_;                          // fence_writes()
  std::unordered_map<std::string, std::int64_t> interned_;  // the batch's URLs (PostgreSQL)
  UrlIds known_urls_{kKnownUrls};                           // intern_url's memory
};

}  // namespace sitepatrol::store
