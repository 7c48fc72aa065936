// SqlStore: availability probes of the daemon (store.h, schema version 4).
#include "store/sql_store.h"

namespace sitepatrol::store {

namespace {

constexpr std::string_view kProbeColumns = "site, url, at_ms, up, status, error, elapsed_ms";

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
  return stmt->run();
}

Result<std::vector<ProbeRecord>> SqlStore::probes(const std::string& site,
                                                     std::int64_t since_ms) {
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
