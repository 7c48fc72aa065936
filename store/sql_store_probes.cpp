// SqlStore: availability probes of the daemon (store.h, schema version 4).
#include "store/sql_store.h"

namespace sitepatrol::store {

namespace {

constexpr std::string_view kProbeColumns = "site, url, at_ms, up, status, error, elapsed_ms";
constexpr std::int64_t kDayMs = 86'400'000;

ProbeRecord read_probe(const Statement& s) {
  ProbeRecord p;
  p.site = s.column_text(0);
  p.url = s.column_text(1);
  p.at_ms = s.column_int(2);
  p.up = s.column_int(3) != 0;
  p.status = static_cast<int>(s.column_int(4));
  p.error = s.column_text(5);
  p.elapsed_ms = s.column_real(6);
  return p;
}

Result<std::vector<ProbeRecord>> read_probes(Result<Statement>& stmt) {
  std::vector<ProbeRecord> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back(read_probe(*stmt));
  }
  return out;
}

}  // namespace

Result<void> SqlStore::save_probe(const ProbeRecord& probe) {
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  {
    auto stmt = db_.prepare(
        "INSERT INTO homepage_probes (site, url, at_ms, up, status, error, elapsed_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind_text(1, probe.site)
        .bind_text(2, probe.url)
        .bind_int(3, probe.at_ms)
        .bind_int(4, probe.up ? 1 : 0)
        .bind_int(5, probe.status)
        .bind_text(6, probe.error)
        .bind_real(7, probe.elapsed_ms);
    if (auto ok = stmt->run(); !ok) return ok;
  }
  {
    auto day = db_.prepare(
        "INSERT INTO probe_days (site, day, probes, failed) VALUES (?1, ?2, 1, ?3) "
        "ON CONFLICT (site, day) DO UPDATE SET probes = probe_days.probes + 1, "
        "failed = probe_days.failed + excluded.failed");
    if (!day) return std::unexpected(day.error());
    day->bind_text(1, probe.site).bind_int(2, probe.at_ms / kDayMs).bind_int(3, probe.up ? 0 : 1);
    if (auto ok = day->run(); !ok) return ok;
  }
  return tx->commit();
}

Result<std::vector<ProbeDay>> SqlStore::probe_days(std::int64_t since_day,
                                                   const std::string& site) {
  auto stmt = db_.prepare(
      site.empty()
          ? "SELECT site, day, probes, failed FROM probe_days WHERE day >= ?1 ORDER BY site, day"
          : "SELECT site, day, probes, failed FROM probe_days WHERE site = ?2 AND day >= ?1 "
            "ORDER BY day");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, since_day);
  if (!site.empty()) stmt->bind_text(2, site);
  std::vector<ProbeDay> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back({stmt->column_text(0), stmt->column_int(1), static_cast<int>(stmt->column_int(2)),
                   static_cast<int>(stmt->column_int(3))});
  }
  return out;
}

Result<std::vector<ProbeRecord>> SqlStore::probes(const std::string& site, std::int64_t since_ms) {
  auto stmt =
      db_.prepare(std::string("SELECT ") + std::string(kProbeColumns) +
                  " FROM homepage_probes WHERE site = ?1 AND at_ms >= ?2 ORDER BY at_ms, id");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, site).bind_int(2, since_ms);
  return read_probes(stmt);
}

Result<std::vector<ProbeRecord>> SqlStore::recent_probes(const std::string& site, int limit) {
  auto stmt =
      db_.prepare(std::string("SELECT ") + std::string(kProbeColumns) +
                  " FROM homepage_probes WHERE site = ?1 ORDER BY at_ms DESC, id DESC LIMIT ?2");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, site).bind_int(2, limit);
  return read_probes(stmt);
}

Result<int> SqlStore::prune_probes(std::int64_t before_ms) {
  auto stmt = db_.prepare("DELETE FROM homepage_probes WHERE at_ms < ?1");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, before_ms);
  if (auto ok = stmt->run(); !ok) return std::unexpected(ok.error());
  return db_.changes();
}

}  // namespace sitepatrol::store
