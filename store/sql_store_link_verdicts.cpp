// SqlStore: external links' answers shared by the sites of a run (issue 16, docs/workers.md).
// The first answer kept wins (ON CONFLICT DO NOTHING): two workers that checked the same URL
// at the same moment both write, and one answer stays.
#include "store/json_codec.h"
#include "store/sql_store.h"

namespace sitepatrol::store {

Result<std::optional<checks::LinkResult>> SqlStore::link_verdict(std::int64_t run,
                                                                 const std::string& url) {
  auto stmt = db_.prepare(
      "SELECT method, status, error, error_text, redirects, elapsed_ms "
      "FROM run_link_verdicts WHERE run_id = ?1 AND url = ?2");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, run).bind_text(2, url);
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<checks::LinkResult>{};
  checks::LinkResult r;
  r.url = url;
  r.method = stmt->column_text(0);
  r.status = static_cast<int>(stmt->column_int(1));
  r.error = checks::fetch_error_named(stmt->column_text(2));
  r.error_text = stmt->column_text(3);
  auto redirects = decode_strings(stmt->column_text(4));
  if (!redirects) return std::unexpected(redirects.error());
  r.redirects = std::move(*redirects);
  r.elapsed_ms = stmt->column_real(5);
  return std::optional<checks::LinkResult>{std::move(r)};
}

Result<void> SqlStore::save_link_verdicts(std::int64_t run,
                                          std::span<const checks::LinkResult> verdicts) {
  if (verdicts.empty()) return {};
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  for (const checks::LinkResult& r : verdicts) {
    auto insert = db_.prepare(
        "INSERT INTO run_link_verdicts "
        "(run_id, url, method, status, error, error_text, redirects, elapsed_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING");
    if (!insert) return std::unexpected(insert.error());
    insert->bind_int(1, run).bind_text(2, r.url).bind_text(3, r.method).bind_int(4, r.status);
    insert->bind_text(5, checks::to_string(r.error)).bind_text(6, r.error_text);
    insert->bind_text(7, encode_strings(r.redirects)).bind_real(8, r.elapsed_ms);
    if (auto ok = insert->run(); !ok) return ok;
  }
  return tx->commit();
}

}  // namespace sitepatrol::store
