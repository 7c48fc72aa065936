// SqlStore: column history (issue 3). `column_state` is what the last run left of each
// column (the next run's "before"); `column_observations` is what each run saw.
#include "store/sql_store.h"

#include <cinttypes>
#include <cstdio>

#include "store/json_codec.h"
#include "store/str_cat.h"

namespace sitepatrol::store {

namespace {

constexpr std::string_view kStates = R"sql(
SELECT u.url, s.entries, s.list_hash, s.newest
  FROM column_state s JOIN urls u ON u.id = s.url_id
 WHERE s.site = ?1
)sql";

constexpr std::string_view kUpsertState = R"sql(
INSERT INTO column_state (site, url_id, entries, list_hash, newest)
VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (site, url_id) DO UPDATE SET
  entries = excluded.entries, list_hash = excluded.list_hash, newest = excluded.newest
)sql";

constexpr std::string_view kUpsertObservation = R"sql(
INSERT INTO column_observations (run_id, site, url_id, name, column_key, column_class, newest,
                                 entries, new_entries, first_seen, dates_suspicious)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
ON CONFLICT (run_id, site, url_id) DO UPDATE SET
  name = excluded.name, column_key = excluded.column_key, column_class = excluded.column_class,
  newest = excluded.newest, entries = excluded.entries, new_entries = excluded.new_entries,
  first_seen = excluded.first_seen, dates_suspicious = excluded.dates_suspicious
)sql";

constexpr std::string_view kHistory = R"sql(
SELECT o.run_id, r.started_at, u.url, o.name, o.column_key, o.column_class, o.newest,
       o.entries, o.new_entries, o.first_seen, o.dates_suspicious
  FROM column_observations o
  JOIN runs r ON r.id = o.run_id
  JOIN urls u ON u.id = o.url_id
 WHERE o.site = ?1 AND r.status = 'finished'
 ORDER BY o.run_id, u.url
)sql";

// One run's observations of the site's columns (by the primary key run_id, site, url_id).
constexpr std::string_view kRunColumns = R"sql(
SELECT o.run_id, r.started_at, u.url, o.name, o.column_key, o.column_class, o.newest,
       o.entries, o.new_entries, o.first_seen, o.dates_suspicious
  FROM column_observations o
  JOIN runs r ON r.id = o.run_id
  JOIN urls u ON u.id = o.url_id
 WHERE o.site = ?1 AND o.run_id = ?2 AND r.status = 'finished'
 ORDER BY u.url
)sql";

// The list hash is a 64-bit unsigned value; SQLite integers are signed, so it is kept as hex.
std::string hex(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

std::uint64_t from_hex(const std::string& s) { return std::strtoull(s.c_str(), nullptr, 16); }

std::optional<std::string> date_text(const std::optional<checks::Date>& d) {
  return d ? std::optional(checks::to_string(*d)) : std::nullopt;
}

}  // namespace

Result<std::map<std::string, checks::ColumnState>> SqlStore::column_states(
    const std::string& site) {
  auto stmt = db_.prepare(kStates);
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, site);
  std::map<std::string, checks::ColumnState> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    std::string url = stmt->column_text(0);
    auto urls = decode_strings(stmt->column_text(1));
    if (!urls) {
      return std::unexpected(StoreError{str_cat("column ", url, ": ", urls.error().message)});
    }
    checks::ColumnState state;
    state.entry_urls = std::move(*urls);
    state.list_hash = from_hex(stmt->column_text(2));
    state.newest = checks::parse_iso_date(stmt->column_text(3));
    out.emplace(std::move(url), std::move(state));
  }
  return out;
}

Result<void> SqlStore::save_columns(std::int64_t run, const std::string& site,
                                    std::span<const checks::ColumnObservation> columns) {
  if (auto ok = require_running(run, "saving columns"); !ok) return ok;
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  for (const checks::ColumnObservation& c : columns) {
    auto url_id = intern_url(c.url);
    if (!url_id) return std::unexpected(url_id.error());
    auto state = db_.prepare(kUpsertState);
    if (!state) return std::unexpected(state.error());
    state->bind_text(1, site)
        .bind_int(2, *url_id)
        .bind_text(3, encode_strings(c.state.entry_urls))
        .bind_text(4, hex(c.state.list_hash))
        .bind_text_or_null(5, date_text(c.state.newest));
    if (auto ok = state->run(); !ok) return ok;
    auto obs = db_.prepare(kUpsertObservation);
    if (!obs) return std::unexpected(obs.error());
    obs->bind_int(1, run)
        .bind_text(2, site)
        .bind_int(3, *url_id)
        .bind_text(4, c.name)
        .bind_text(5, c.key)
        .bind_text(6, c.column_class)
        .bind_text_or_null(7, date_text(c.newest))
        .bind_int(8, c.entries)
        .bind_int(9, c.new_entries)
        .bind_int(10, c.first_seen ? 1 : 0)
        .bind_int(11, c.dates_suspicious ? 1 : 0);
    if (auto ok = obs->run(); !ok) return ok;
  }
  return tx->commit();
}

namespace {

Result<std::vector<ColumnHistoryRow>> read_history(Result<Statement>& stmt) {
  std::vector<ColumnHistoryRow> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    ColumnHistoryRow r;
    r.run = stmt->column_int(0);
    r.started_at = stmt->column_text(1);
    r.column.url = stmt->column_text(2);
    r.column.name = stmt->column_text(3);
    r.column.key = stmt->column_text(4);
    r.column.column_class = stmt->column_text(5);
    r.column.newest = checks::parse_iso_date(stmt->column_text(6));
    r.column.entries = static_cast<int>(stmt->column_int(7));
    r.column.new_entries = static_cast<int>(stmt->column_int(8));
    r.column.first_seen = stmt->column_int(9) != 0;
    r.column.dates_suspicious = stmt->column_int(10) != 0;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Result<std::vector<ColumnHistoryRow>> SqlStore::column_history(const std::string& site) {
  auto stmt = db_.prepare(kHistory);
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, site);
  return read_history(stmt);
}

Result<std::vector<ColumnHistoryRow>> SqlStore::run_columns(const std::string& site,
                                                            std::int64_t run) {
  auto stmt = db_.prepare(kRunColumns);
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, site).bind_int(2, run);
  return read_history(stmt);
}

}  // namespace sitepatrol::store
