// SqlStore: a run's sites as a queue that workers share (issue 16, docs/workers.md).
//
// A claim takes one row with SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL, so workers
// claiming at the same moment take different sites without waiting on each other; SQLite has
// one writer at a time, which gives the same. A worker's writes are fenced by its claim
// (require_running): on PostgreSQL the queue row is read FOR SHARE in the write's own
// transaction, so a successor's claim waits for that write, and a write after the claim was
// lost fails.
#include "store/sql_store.h"
#include "store/str_cat.h"

namespace sitepatrol::store {

namespace {

// ?1 worker, ?2 now, ?3 lease until. The newest running run first; among its sites the ones
// tried least, then by id.
constexpr std::string_view kClaimSqlite = R"sql(
UPDATE run_queue SET state = 'claimed', worker = ?1, lease_until_ms = ?3, attempts = attempts + 1
 WHERE (run_id, site) IN (
   SELECT q.run_id, q.site FROM run_queue q JOIN runs r ON r.id = q.run_id
    WHERE r.status = 'running'
      AND (q.state = 'queued' OR (q.state = 'claimed' AND q.lease_until_ms < ?2))
    ORDER BY q.run_id DESC, q.attempts, q.site LIMIT 1)
RETURNING run_id, site, attempts
)sql";

constexpr std::string_view kClaimPostgresql = R"sql(
UPDATE run_queue SET state = 'claimed', worker = ?1, lease_until_ms = ?3, attempts = attempts + 1
 WHERE (run_id, site) IN (
   SELECT q.run_id, q.site FROM run_queue q JOIN runs r ON r.id = q.run_id
    WHERE r.status = 'running'
      AND (q.state = 'queued' OR (q.state = 'claimed' AND q.lease_until_ms < ?2))
    ORDER BY q.run_id DESC, q.attempts, q.site LIMIT 1
      FOR UPDATE OF q SKIP LOCKED)
RETURNING run_id, site, attempts
)sql";

// What a claim of the site wrote into the run; run_sites keeps the site, its coverage reset.
constexpr std::string_view kRestart[] = {
    "DELETE FROM finding_occurrences WHERE run_id = ?1 "
    "AND finding_id IN (SELECT id FROM findings WHERE site = ?2)",
    "DELETE FROM link_checks WHERE run_id = ?1 AND site = ?2",
    "DELETE FROM page_fetches WHERE run_id = ?1 "
    "AND page_id IN (SELECT id FROM pages WHERE site = ?2)",
    "DELETE FROM column_observations WHERE run_id = ?1 AND site = ?2",
    "UPDATE run_sites SET coverage = 'complete', coverage_reason = '' "
    "WHERE run_id = ?1 AND site = ?2",
};

}  // namespace

Result<void> SqlStore::queue_run(std::int64_t run, const std::vector<std::string>& sites) {
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  if (auto ok = require_running(run, "queueing sites"); !ok) return ok;
  for (const std::string& site : sites) {
    auto insert =
        db_.prepare("INSERT INTO run_queue (run_id, site) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
    if (!insert) return std::unexpected(insert.error());
    if (auto ok = insert->bind_int(1, run).bind_text(2, site).run(); !ok) return ok;
  }
  return tx->commit();
}

Result<std::optional<SiteClaim>> SqlStore::claim_site(const std::string& worker,
                                                      std::int64_t now_ms,
                                                      std::int64_t lease_until_ms) {
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  std::optional<SiteClaim> claim;
  {
    auto stmt = db_.prepare(db_.dialect() == Dialect::postgresql ? kClaimPostgresql : kClaimSqlite);
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind_text(1, worker).bind_int(2, now_ms).bind_int(3, lease_until_ms);
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (*row) {
      claim = SiteClaim{.run = stmt->column_int(0),
                        .site = stmt->column_text(1),
                        .worker = worker,
                        .attempts = static_cast<int>(stmt->column_int(2))};
    }
    if (auto ok = stmt->run(); !ok) return std::unexpected(ok.error());
  }
  if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
  return claim;
}

Result<bool> SqlStore::renew_claim(const SiteClaim& claim, std::int64_t lease_until_ms) {
  auto stmt = db_.prepare(
      "UPDATE run_queue SET lease_until_ms = ?4 "
      "WHERE run_id = ?1 AND site = ?2 AND worker = ?3 AND state = 'claimed'");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, claim.run).bind_text(2, claim.site).bind_text(3, claim.worker);
  if (auto ok = stmt->bind_int(4, lease_until_ms).run(); !ok) return std::unexpected(ok.error());
  return db_.changes() == 1;
}

Result<void> SqlStore::restart_site(const SiteClaim& claim) {
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  if (auto ok = require_running(claim.run, "restarting a site"); !ok) return ok;
  for (std::string_view sql : kRestart) {
    auto stmt = db_.prepare(sql);
    if (!stmt) return std::unexpected(stmt.error());
    if (auto ok = stmt->bind_int(1, claim.run).bind_text(2, claim.site).run(); !ok) return ok;
  }
  return tx->commit();
}

void SqlStore::fence_writes(std::optional<SiteClaim> claim) { fence_ = std::move(claim); }

Result<void> SqlStore::check_fence() {
  if (!fence_) return {};
  auto stmt =
      db_.prepare(db_.dialect() == Dialect::postgresql
                      ? "SELECT 1 FROM run_queue WHERE run_id = ?1 AND site = ?2 AND worker = ?3 "
                        "AND state = 'claimed' FOR SHARE"
                      : "SELECT 1 FROM run_queue WHERE run_id = ?1 AND site = ?2 AND worker = ?3 "
                        "AND state = 'claimed'");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, fence_->run).bind_text(2, fence_->site).bind_text(3, fence_->worker);
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) {
    return std::unexpected(StoreError{str_cat("the claim of site '", fence_->site, "' in run ",
                                              fence_->run, " was lost to another worker")});
  }
  return {};
}

Result<bool> SqlStore::complete_site(const SiteClaim& claim, const RunTotals& totals) {
  auto stmt = db_.prepare(
      "UPDATE run_queue SET state = 'done', pages = ?4, links_checked = ?5 "
      "WHERE run_id = ?1 AND site = ?2 AND worker = ?3 AND state = 'claimed'");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, claim.run).bind_text(2, claim.site).bind_text(3, claim.worker);
  stmt->bind_int(4, totals.pages).bind_int(5, totals.links_checked);
  if (auto ok = stmt->run(); !ok) return std::unexpected(ok.error());
  return db_.changes() == 1;
}

Result<QueueCounts> SqlStore::queue_counts(std::int64_t run) {
  auto stmt = db_.prepare("SELECT state, count(*) FROM run_queue WHERE run_id = ?1 GROUP BY state");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, run);
  QueueCounts counts;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    const std::string state = stmt->column_text(0);
    const int n = static_cast<int>(stmt->column_int(1));
    (state == "queued" ? counts.queued : state == "claimed" ? counts.claimed : counts.done) = n;
  }
  return counts;
}

Result<bool> SqlStore::finish_queued_run(std::int64_t run, const std::string& finished_at) {
  RunTotals totals;
  {
    auto sums = db_.prepare(
        "SELECT count(*), coalesce(sum(CASE WHEN state = 'done' THEN 0 ELSE 1 END), 0), "
        "coalesce(sum(pages), 0), coalesce(sum(links_checked), 0) "
        "FROM run_queue WHERE run_id = ?1");
    if (!sums) return std::unexpected(sums.error());
    sums->bind_int(1, run);
    auto row = sums->step();
    if (!row) return std::unexpected(row.error());
    const std::int64_t sites = sums->column_int(0);
    if (sites == 0 || sums->column_int(1) > 0) return false;  // sites remain
    totals.sites = static_cast<int>(sites);
    totals.pages = static_cast<int>(sums->column_int(2));
    totals.links_checked = static_cast<int>(sums->column_int(3));
  }
  const auto fence = std::exchange(fence_, std::nullopt);
  auto finished = finish_run(run, finished_at, totals);
  fence_ = fence;
  if (finished) return true;
  // Two workers finishing their last sites together both get here; one finishes the run.
  auto info = this->run(run);
  if (info && *info && (*info)->status == "finished") return false;
  return std::unexpected(finished.error());
}

}  // namespace sitepatrol::store
