// SqlStore: requests to patrol a site now (issue 17, store.h RecheckRequest). Few rows: one
// per request a person made.
#include <string>
#include <vector>

#include "store/sql_store.h"
#include "store/str_cat.h"

namespace sitepatrol::store {

namespace {

constexpr std::string_view kColumns =
    "SELECT id, site, requested_by, requested_at, state, coalesce(run_id, 0), finished_at, "
    "outcome FROM recheck_requests ";

RecheckRequest read_request(Statement& stmt) {
  RecheckRequest r;
  r.id = stmt.column_int(0);
  r.site = stmt.column_text(1);
  r.requested_by = stmt.column_text(2);
  r.requested_at = stmt.column_text(3);
  r.state = stmt.column_text(4);
  r.run = stmt.column_int(5);
  r.finished_at = stmt.column_text(6);
  r.outcome = stmt.column_text(7);
  return r;
}

}  // namespace

Result<RecheckRequest> SqlStore::request_recheck(const RecheckRequest& request) {
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  std::optional<RecheckRequest> out;
  {
    auto queued =
        db_.prepare(str_cat(kColumns, "WHERE site = ?1 AND state = 'queued' ORDER BY id LIMIT 1"));
    if (!queued) return std::unexpected(queued.error());
    queued->bind_text(1, request.site);
    auto row = queued->step();
    if (!row) return std::unexpected(row.error());
    if (*row) out = read_request(*queued);
  }
  if (!out) {
    auto insert = db_.prepare(
        "INSERT INTO recheck_requests (site, requested_by, requested_at, state, finished_at, "
        "outcome) VALUES (?1, ?2, ?3, 'queued', '', '') RETURNING id");
    if (!insert) return std::unexpected(insert.error());
    insert->bind_text(1, request.site)
        .bind_text(2, request.requested_by)
        .bind_text(3, request.requested_at);
    auto row = insert->step();
    if (!row) return std::unexpected(row.error());
    out = request;
    out->id = insert->column_int(0);
    out->state = "queued";
  }
  if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
  return *out;
}

Result<std::vector<RecheckRequest>> SqlStore::queued_rechecks() {
  auto stmt = db_.prepare(str_cat(kColumns, "WHERE state = 'queued' ORDER BY id"));
  if (!stmt) return std::unexpected(stmt.error());
  std::vector<RecheckRequest> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back(read_request(*stmt));
  }
  return out;
}

Result<void> SqlStore::update_recheck(const RecheckRequest& request) {
  auto stmt = db_.prepare(
      "UPDATE recheck_requests SET state = ?2, run_id = ?3, finished_at = ?4, outcome = ?5 "
      "WHERE id = ?1");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, request.id)
      .bind_text(2, request.state)
      .bind_int_or_null(3, request.run != 0 ? std::optional(request.run) : std::nullopt)
      .bind_text(4, request.finished_at)
      .bind_text(5, request.outcome);
  return stmt->run();
}

Result<std::optional<RecheckRequest>> SqlStore::recheck(std::int64_t id) {
  auto stmt = db_.prepare(str_cat(kColumns, "WHERE id = ?1"));
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, id);
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<RecheckRequest>();
  return std::optional<RecheckRequest>(read_request(*stmt));
}

Result<int> SqlStore::fail_running_rechecks(const std::string& now, const std::string& why) {
  auto stmt = db_.prepare(
      "UPDATE recheck_requests SET state = 'failed', finished_at = ?1, outcome = ?2 "
      "WHERE state = 'running'");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, now).bind_text(2, why);
  if (auto ok = stmt->run(); !ok) return std::unexpected(ok.error());
  return db_.changes();
}

Result<std::optional<RecheckRequest>> SqlStore::latest_recheck(const std::string& site) {
  auto stmt = db_.prepare(str_cat(kColumns, "WHERE site = ?1 ORDER BY id DESC LIMIT 1"));
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, site);
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<RecheckRequest>();
  return std::optional<RecheckRequest>(read_request(*stmt));
}

}  // namespace sitepatrol::store
