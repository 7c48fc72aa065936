// The store: everything a patrol learns, kept across runs, behind a small interface.
//
// The patrol writes through `Store` and reports read through it; nothing outside store/
// knows the backend is SQLite (a PostgreSQL backend for sharded patrols comes later). A
// Store is used from one thread at a time; the patrol gives it a thread of its own.
//
// Finding lifecycle: `finish_run` compares the run's findings with the previous run that
// covered the same site: a (site, code, subject) seen for the first time is `new`, one seen
// before is `open`, and one from the previous run that is gone now is `resolved` — but only
// when the run re-examined its subject (store/verification.h decides from the run's page
// fetches, link checks and the site's coverage). One the run could not examine stays `open`,
// carried into the run unverified with its old last sighting. A run that never reached
// `finish_run` (killed, cancelled) is marked `aborted` by the next `begin_run` and takes no
// part in the lifecycle.
#pragma once

#include <algorithm>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "checks/column_history.h"
#include "checks/finding.h"
#include "checks/inputs.h"
#include "checks/interact_stats.h"
#include "store/review.h"

namespace sitepatrol::store {

struct StoreError {
  std::string message;
};

template <class T>
using Result = std::expected<T, StoreError>;

struct RunInfo {
  std::int64_t id = 0;
  std::string started_at;   // RFC 3339 UTC
  std::string finished_at;  // "" while running or when aborted
  std::string status;       // running | finished | aborted
  int sites = 0;
  int pages = 0;
  int links_checked = 0;
};

// How completely a run examined one site (issue 11).
struct SiteCoverage {
  std::string state = "complete";  // complete | partial | down
  // down: the homepage's error ("HTTP 503", "timeout: ..."); partial: page_limit | time_limit
  std::string reason;
};

struct RunTotals {
  int sites = 0;
  int pages = 0;
  int links_checked = 0;
  int excluded = 0;  // URLs skipped by include/exclude patterns (reported, not stored)
};

// One fetched page of a site. `links` replace the page's stored links, except when
// `not_modified` (a 304), which keeps what the previous run stored.
struct PageRecord {
  std::string site;
  checks::PageResult page;
  std::string content_type;
  std::string content_hash;  // hex hash of the decoded body
  std::string etag;
  std::string last_modified;
  std::int64_t bytes = 0;                      // bytes transferred
  std::vector<checks::Finding> page_findings;  // what page checks raised, for reuse on 304
  std::optional<checks::PageSketch> sketch;    // kept with the page (baseline accept uses it)
  std::optional<checks::PageFacts> facts;      // freshness facts; nullopt keeps the stored ones
};

struct LinkRecord {
  std::string site;
  checks::LinkResult link;
};

// What the last run kept about a page: the validators for a conditional request, and what to
// reuse when the server answers 304.
struct PageMemory {
  std::string etag;
  std::string last_modified;
  std::string content_hash;
  std::string charset;
  std::string title;
  std::vector<checks::LinkRef> links;
  std::vector<checks::Finding> page_findings;
  std::optional<checks::PageFacts> facts;  // nullopt when none were stored
};

// One column as one run saw it (column history, checks/column_history.h).
struct ColumnHistoryRow {
  std::int64_t run = 0;
  std::string started_at;            // RFC 3339 UTC, the run's start
  checks::ColumnObservation column;  // `state` left empty
};

enum class StatusFilter { current, new_only, open, resolved, all };
// current: new + open (what is wrong now), the default of `findings`.

struct FindingQuery {
  std::optional<std::int64_t> run;  // nullopt: latest finished run
  std::vector<std::string> sites;   // empty: all
  StatusFilter status = StatusFilter::current;
};

// How many findings a run lists for one site, severity and status (new | open | resolved):
// `findings` with StatusFilter::all, counted in the database (the summary after a patrol).
// Findings a review sets aside (FindingRow::set_aside) are counted under status `reviewed`
// (their own new/open status is not counted).
struct FindingCount {
  std::string site;
  checks::Severity severity = checks::Severity::info;
  std::string status;
  int count = 0;
};

// One accepted template baseline, as `baseline show` lists it.
struct BaselineInfo {
  std::string url;
  std::string accepted_at;      // RFC 3339 UTC: start of the run whose state was accepted
  std::int64_t source_run = 0;  // 0 when unknown
  std::string title;            // the page title in the baseline
};

// A page that carries a link, with the link's text there (page_links.text).
struct LinkCarrier {
  std::string page;
  std::string text;
};

struct FindingRow {
  checks::Finding finding;
  std::string status;      // new | open | resolved
  std::string first_seen;  // RFC 3339 UTC
  std::string last_seen;   // the last run that verified it
  // false: the run could not examine the finding's subject and carried it over as it was;
  // `unverified` says why (site_down | page_failed | not_reached | link_not_checked).
  bool verified = true;
  std::string unverified;
  std::string unverified_detail;
  std::int64_t run = 0;  // the run the row comes from; 0 when unknown
  // Link findings (LINK-*): every page of the row's run that carries the link, with the
  // link's text there, in page order; empty for other codes and for older rows.
  std::vector<LinkCarrier> carriers = {};
  // Its human review (store/review.h), when it has one that is not withdrawn; whether it
  // holds is decided for the row's run.
  std::optional<FindingReview> review = std::nullopt;
  // A review holds: the row stays listed, marked, but out of verdicts, indices and alerts.
  bool set_aside() const { return review && review->holds(); }
};

// ---- Monthly reports (issue 6) -------------------------------------------------------------
// A finished run and the sites it covered.
struct PeriodRun {
  RunInfo info;
  std::vector<std::string> sites;
};

// What one run did on one site: pages read, links checked, and of those links the
// attachments (documents and forms: .pdf, .doc, .xls, .zip, ...) and how many failed to open.
struct SiteRunCounts {
  int pages = 0;
  int links_checked = 0;
  int attachments = 0;
  int attachments_failed = 0;
  SiteCoverage coverage;
};

// ---- The daemon (issue 7): availability probes and the alert history ----------------------

// One availability probe of a homepage (`sitepatrol daemon`). Times are Unix milliseconds.
struct ProbeRecord {
  std::string site;
  std::string url;
  std::int64_t at_ms = 0;
  bool up = false;
  int status = 0;     // HTTP status, 0 when none
  std::string error;  // fetch error or "HTTP 503", "" when up
  double elapsed_ms = 0;
};

// One site's probes over one UTC day (a daily rollup kept beside the probes, so that a month
// of availability for every site is a few thousand rows, not millions).
struct ProbeDay {
  std::string site;
  std::int64_t day = 0;  // days since 1970-01-01 UTC
  int probes = 0;
  int failed = 0;
};

// How many findings (new and open) one run listed for one site.
struct SiteRunFindings {
  std::string site;
  std::int64_t run = 0;
  int count = 0;
};

// One alert to one channel. `key` is the event's identity (site_down of a site since a given
// probe, a finding's first sighting, a run's digest); (key, channel) is unique, which is what
// makes every alert go out once.
struct AlertRecord {
  std::int64_t id = 0;  // assigned by add_alert
  std::string key;
  std::string channel;  // [[alert]] name
  std::string event;    // site_down | site_up | critical | homepage_links | dead_links
  std::string site;
  std::string payload;             // the alert as JSON (alerts/alert.h)
  std::string status = "pending";  // pending | sent | failed
  int attempts = 0;
  std::int64_t created_ms = 0;
  std::int64_t next_attempt_ms = 0;
  std::int64_t sent_ms = 0;  // 0 until sent
  std::string last_error;
};

// A request to patrol one site now, without waiting for the night (issue 17, `sitepatrol
// recheck`, docs/recheck.md). The daemon takes queued requests, patrols their sites and
// records how it went; the console and `recheck --wait` read its state.
struct RecheckRequest {
  std::int64_t id = 0;
  std::string site;
  std::string requested_by;
  std::string requested_at;      // RFC 3339 UTC
  std::string state = "queued";  // queued | running | done | failed
  std::int64_t run = 0;          // the run that patrolled it; 0 until known
  std::string finished_at;       // RFC 3339 UTC; "" until done or failed
  std::string outcome;           // done: "finished" | "aborted"; failed: why
};

// One run's word on a finding (the console's history of a finding, issue 17).
struct FindingSighting {
  std::int64_t run = 0;
  std::string started_at;                              // the run's start, RFC 3339 UTC
  std::string status;                                  // new | open | resolved
  checks::Severity severity = checks::Severity::info;  // resolved: as last seen
  std::string page;                                    // where it was seen ("" when resolved)
  std::string detail;                                  // as that run said it ("" when resolved)
};

// A site a worker claimed from a run's queue (issue 16, docs/workers.md).
struct SiteClaim {
  std::int64_t run = 0;
  std::string site;
  std::string worker;  // who holds it
  int attempts = 0;    // 1 the first time; more when an earlier worker's lease ran out
};

struct QueueCounts {
  int queued = 0;
  int claimed = 0;
  int done = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // How many sites the coming patrol crawls at once: a store may size what it remembers of
  // recent writes to them (SqlStore: the ids of the URLs each site's pages link to). Pure, so
  // that a decorator cannot swallow it by forgetting to forward (app/forwarding_store.h).
  virtual void expect_sites_in_flight(int sites) = 0;

  // Starts a run; first marks any run left `running` by a killed process as `aborted`.
  virtual Result<std::int64_t> begin_run(const std::string& started_at,
                                         const std::vector<std::string>& site_ids) = 0;
  // Batched writes; each call is one transaction.
  virtual Result<void> save_pages(std::int64_t run, std::span<const PageRecord> pages) = 0;
  virtual Result<void> save_links(std::int64_t run, std::span<const LinkRecord> links) = 0;
  virtual Result<void> save_findings(std::int64_t run,
                                     std::span<const checks::Finding> findings) = 0;
  // How completely the run examined a site; a site never given one counts as complete.
  // Stores that keep no coverage (test fakes) ignore it.
  virtual Result<void> save_coverage(std::int64_t run, const std::string& site,
                                     const SiteCoverage& coverage) {
    (void)run, (void)site, (void)coverage;
    return {};
  }
  // Marks the run finished and settles the lifecycle of its sites' findings.
  virtual Result<void> finish_run(std::int64_t run, const std::string& finished_at,
                                  const RunTotals& totals) = 0;

  // A run's sites as a queue for workers (issue 16). Only SqlStore keeps one.
  virtual Result<void> queue_run(std::int64_t, const std::vector<std::string>&) {
    return unsupported();
  }
  // Claims a site of the newest running run: one queued, or one whose lease ran out before
  // `now_ms`. The lease lasts until `lease_until_ms`. Nothing when no site is left to claim.
  virtual Result<std::optional<SiteClaim>> claim_site(const std::string&, std::int64_t,
                                                      std::int64_t) {
    return unsupported();
  }
  // Extends the lease; false when the claim was lost (another worker has the site now).
  virtual Result<bool> renew_claim(const SiteClaim&, std::int64_t) { return unsupported(); }
  // Forgets what earlier claims of the site wrote into the run, before it is patrolled again.
  virtual Result<void> restart_site(const SiteClaim&) { return unsupported(); }
  // While set, every write fails unless the claim is still held, checked in the write's own
  // transaction: a worker whose lease ran out cannot write over its successor. Pure, like
  // expect_sites_in_flight: a decorator that forgot to pass it on would drop the fence
  // silently, where the calls below fail loudly when not passed on.
  virtual void fence_writes(std::optional<SiteClaim>) = 0;
  // Marks the claimed site done with its totals; false when the claim was lost.
  virtual Result<bool> complete_site(const SiteClaim&, const RunTotals&) { return unsupported(); }
  virtual Result<QueueCounts> queue_counts(std::int64_t) { return unsupported(); }
  // When every queued site of the run is done, finishes it with the sites' summed totals and
  // returns true; false when sites remain or another worker finished it first.
  virtual Result<bool> finish_queued_run(std::int64_t, const std::string&) { return unsupported(); }

  // External links' answers shared by the sites of a run (issue 16): what one worker learnt
  // of a URL, the others reuse instead of asking its host again. `found_on` and `kind` are
  // not kept. Nothing when no one has checked the URL yet in this run; stores that share
  // nothing (test fakes) never have an answer and keep none.
  virtual Result<std::optional<checks::LinkResult>> link_verdict(std::int64_t run,
                                                                 const std::string& url) {
    (void)run, (void)url;
    return std::optional<checks::LinkResult>{};
  }
  // Keeps answers for the run; a URL already answered keeps its first answer.
  virtual Result<void> save_link_verdicts(std::int64_t run,
                                          std::span<const checks::LinkResult> verdicts) {
    (void)run, (void)verdicts;
    return {};
  }

  // Validators (etag, last_modified) of every page stored for a site, by URL.
  virtual Result<std::vector<std::pair<std::string, PageMemory>>> validators(
      const std::string& site) = 0;
  // Full memory of one page (links and page findings included), for a 304.
  virtual Result<std::optional<PageMemory>> page_memory(const std::string& site,
                                                        const std::string& url) = 0;

  // Template baselines (SEC-TAMPER): the accepted sketch of each page, by URL.
  virtual Result<std::map<std::string, checks::PageSketch>> baselines(const std::string& site) = 0;
  // Records sketches as baselines for the URLs that have none yet (a page's first sighting);
  // they count as accepted by the newest run.
  virtual Result<void> add_baselines(
      const std::string& site,
      std::span<const std::pair<std::string, checks::PageSketch>> sketches) = 0;
  // `baseline accept`: the site's current page sketches become its baselines, replacing the
  // old ones. Returns how many pages got a baseline; with none (no page has a sketch yet) the
  // old baselines stay.
  virtual Result<int> accept_baselines(const std::string& site) = 0;
  // The site's baselines by URL, with when they were accepted (`baseline show`).
  virtual Result<std::vector<BaselineInfo>> baseline_list(const std::string& site) = 0;

  virtual Result<std::optional<RunInfo>> run(std::optional<std::int64_t> id) = 0;
  virtual Result<std::vector<FindingRow>> findings(const FindingQuery& query) = 0;
  virtual Result<std::vector<FindingCount>> finding_counts(std::int64_t run) = 0;

  // ---- Re-checks (issue 17; sql_store_rechecks.cpp) ----
  // Queues a request for the site; a request of the site still queued is returned instead
  // of a second one.
  virtual Result<RecheckRequest> request_recheck(const RecheckRequest&) { return unsupported(); }
  // Queued requests, oldest first.
  virtual Result<std::vector<RecheckRequest>> queued_rechecks() { return unsupported(); }
  // Stores state, run, finished_at and outcome of `request.id`.
  virtual Result<void> update_recheck(const RecheckRequest&) { return unsupported(); }
  virtual Result<std::optional<RecheckRequest>> recheck(std::int64_t) { return unsupported(); }
  // Requests left `running` by a daemon that stopped before their patrol ended: `failed`,
  // with `why` as the outcome. Returns how many.
  virtual Result<int> fail_running_rechecks(const std::string&, const std::string&) {
    return unsupported();
  }
  // The site's newest request, whatever its state; nothing when none was ever made.
  virtual Result<std::optional<RecheckRequest>> latest_recheck(const std::string&) {
    return unsupported();
  }

  // The months (YYYY-MM, UTC, as the reports count them) in which a finished run covered
  // the site, newest first.
  virtual Result<std::vector<std::string>> site_months(const std::string&) { return unsupported(); }
  // Per site and run, the findings listed by runs with an id above `after_run` (the
  // console's trend lines), by site then run; of one site when `site` is not "".
  virtual Result<std::vector<SiteRunFindings>> findings_per_run(std::int64_t, const std::string&) {
    return unsupported();
  }

  // Every run's word on one finding (site, code, subject), newest run first, at most `limit`
  // (sql_store_history.cpp). Empty when the store never saw it.
  virtual Result<std::vector<FindingSighting>> finding_history(const std::string&,
                                                               const std::string&,
                                                               const std::string&, int) {
    return unsupported();
  }

  // ---- Human review (issue 17; store/review.h, sql_store_reviews.cpp) ----
  // Records one action; fills in its id and the finding's newest severity and detail. Fails
  // when the store has never seen the finding (site, code, subject).
  virtual Result<ReviewRecord> add_review(const ReviewRecord&) { return unsupported(); }
  // The log of one site's reviews ("": every site), newest first.
  virtual Result<std::vector<ReviewRecord>> review_log(const std::string&) { return unsupported(); }

  // ---- column history (issue 3) ----
  // The state each column of the site was left in by the last run that saw it, by URL.
  virtual Result<std::map<std::string, checks::ColumnState>> column_states(
      const std::string& site) = 0;
  // Records what the run saw of the site's columns and keeps their states for the next run.
  virtual Result<void> save_columns(std::int64_t run, const std::string& site,
                                    std::span<const checks::ColumnObservation> columns) = 0;
  // Every observation of the site's columns in finished runs, oldest run first.
  virtual Result<std::vector<ColumnHistoryRow>> column_history(const std::string& site) = 0;
  // The same, of one run only (what a report of the run's month reads).
  virtual Result<std::vector<ColumnHistoryRow>> run_columns(const std::string& site,
                                                            std::int64_t run) {
    auto all = column_history(site);
    if (!all) return all;
    std::erase_if(*all, [run](const ColumnHistoryRow& r) { return r.run != run; });
    return all;
  }
  // ---- interaction figures (issue 4; store/sql_store_interaction.cpp) ----
  // Stores a site's months as `run` saw them, replacing earlier readings of those months.
  virtual Result<void> save_interaction_months(
      std::int64_t run, const std::string& site,
      std::span<const checks::InteractionMonth> months) = 0;
  // The site's stored months, oldest first.
  virtual Result<std::vector<checks::InteractionMonth>> interaction_months(
      const std::string& site) = 0;

  // ---- Monthly reports (issue 6; SQLite: sql_store_report.cpp) ----
  // Stores that do not implement these (test fakes) answer with an error.
  // Finished runs that started in [from, to) (RFC 3339 UTC strings), oldest first.
  virtual Result<std::vector<PeriodRun>> runs_in_period(const std::string& from,
                                                        const std::string& to) {
    (void)from, (void)to;
    return std::unexpected(StoreError{"runs_in_period: not supported by this store"});
  }
  // The same, only the runs that covered `site` (each with just that site).
  virtual Result<std::vector<PeriodRun>> site_runs_in_period(const std::string& from,
                                                             const std::string& to,
                                                             const std::string& site) {
    auto runs = runs_in_period(from, to);
    if (!runs) return runs;
    std::erase_if(*runs, [&](PeriodRun& run) {
      const bool covered = std::ranges::find(run.sites, site) != run.sites.end();
      run.sites = {site};
      return !covered;
    });
    return runs;
  }
  // Per site, the newest finished run that covered it: those runs, newest first, each with
  // the sites (by id) it is the newest for. What `findings` shows by default (issue 14).
  virtual Result<std::vector<PeriodRun>> latest_runs() {
    return std::unexpected(StoreError{"latest_runs: not supported by this store"});
  }
  // Per site: what run `run` read and checked there.
  virtual Result<std::map<std::string, SiteRunCounts>> site_run_counts(std::int64_t run) {
    (void)run;
    return std::unexpected(StoreError{"site_run_counts: not supported by this store"});
  }
  // The same for one site (nothing read: an empty SiteRunCounts).
  virtual Result<SiteRunCounts> counts_of_site(std::int64_t run, const std::string& site) {
    auto all = site_run_counts(run);
    if (!all) return std::unexpected(all.error());
    const auto it = all->find(site);
    return it == all->end() ? SiteRunCounts{} : it->second;
  }

  // ---- The daemon (issue 7): probes (sql_store_probes.cpp) and alert history
  // (sql_store_alerts.cpp). Not pure: stores without a daemon side answer "not supported".
  virtual Result<void> save_probe(const ProbeRecord&) { return unsupported(); }
  // The site's probes at or after `since_ms`, oldest first.
  virtual Result<std::vector<ProbeRecord>> probes(const std::string&, std::int64_t) {
    return unsupported();
  }
  // The site's newest `limit` probes, newest first.
  virtual Result<std::vector<ProbeRecord>> recent_probes(const std::string&, int) {
    return unsupported();
  }
  // Every site's daily rollups from `since_day` on, by site then day; of one site when `site`
  // is not "".
  virtual Result<std::vector<ProbeDay>> probe_days(std::int64_t, const std::string&) {
    return unsupported();
  }
  // Deletes probes older than `before_ms`; returns how many (the daily rollups stay).
  virtual Result<int> prune_probes(std::int64_t) { return unsupported(); }
  // Adds a pending alert; false (and nothing written) when (key, channel) is already there.
  virtual Result<bool> add_alert(const AlertRecord&) { return unsupported(); }
  // Pending alerts whose next attempt is due at `now_ms`, oldest first.
  virtual Result<std::vector<AlertRecord>> due_alerts(std::int64_t) { return unsupported(); }
  // Stores status, attempts, next_attempt_ms, sent_ms and last_error of `alert.id`.
  virtual Result<void> update_alert(const AlertRecord&) { return unsupported(); }
  // The newest `limit` alerts, newest first.
  virtual Result<std::vector<AlertRecord>> alert_history(int) { return unsupported(); }
  // The alerts of `channel` whose key is `key` or starts with `key` + ":", oldest first
  // (the follow-ups of one event, alerts/dispatcher.h).
  virtual Result<std::vector<AlertRecord>> alerts_keyed(const std::string&, const std::string&) {
    return unsupported();
  }

 private:
  static std::unexpected<StoreError> unsupported() {
    return std::unexpected(StoreError{"not supported by this store"});
  }
};

// Opens (creating and migrating as needed) a SQLite database in WAL mode.
Result<std::unique_ptr<Store>> open_sqlite(const std::filesystem::path& file);
// The `database` setting's store: PostgreSQL for a postgresql:// URI, else a SQLite file.
Result<std::unique_ptr<Store>> open_store(const std::string& database);

}  // namespace sitepatrol::store
