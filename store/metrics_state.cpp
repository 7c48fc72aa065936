#include "store/metrics_state.h"

#include <ctime>
#include <optional>
#include <string_view>

#include "store/db.h"
#include "store/schema.h"

namespace sitepatrol::store {

namespace {

constexpr std::string_view kCertTable = R"sql(
CREATE TABLE IF NOT EXISTS site_certificates (
  site      TEXT PRIMARY KEY,
  not_after INTEGER NOT NULL
) WITHOUT ROWID
)sql";

// Per site: the newest finished run covering it, and the end of the newest one that examined
// it (times are UTC "YYYY-MM-DDTHH:MM:SSZ", so the greatest text is the latest).
constexpr std::string_view kRuns = R"sql(
SELECT rs.site, max(r.id),
       max(CASE WHEN rs.coverage IN ('complete', 'partial') THEN r.finished_at END)
  FROM run_sites rs JOIN runs r ON r.id = rs.run_id
 WHERE r.status = 'finished'
 GROUP BY rs.site
)sql";

Result<Db> open_db(const std::filesystem::path& database) {
  auto db = Db::connect(database.string());
  if (!db) return db;
  const bool postgresql = db->dialect() == Dialect::postgresql;
  if (!postgresql) {
    if (auto ok = db->exec("PRAGMA busy_timeout = 5000"); !ok) return std::unexpected(ok.error());
  }
  if (auto ok = db->exec(postgresql ? postgresql_ddl(kCertTable) : std::string(kCertTable)); !ok) {
    return std::unexpected(ok.error());
  }
  return db;
}

// Seconds since the epoch of a UTC "YYYY-MM-DDTHH:MM:SSZ"; nullopt when malformed.
std::optional<std::int64_t> unix_seconds(const std::string& utc) {
  std::tm tm{};
  const char* end = strptime(utc.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm));
}

Result<std::map<std::string, std::int64_t>> read_certs(Db& db) {
  auto certs = db.prepare("SELECT site, not_after FROM site_certificates");
  if (!certs) return std::unexpected(certs.error());
  std::map<std::string, std::int64_t> out;
  for (;;) {
    auto row = certs->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out[certs->column_text(0)] = certs->column_int(1);
  }
  return out;
}

}  // namespace

Result<MetricsState> load_metrics_state(const std::filesystem::path& database) {
  auto db = open_db(database);
  if (!db) return std::unexpected(db.error());
  MetricsState out;
  {
    auto runs = db->prepare(kRuns);
    if (!runs) return std::unexpected(runs.error());
    for (;;) {
      auto row = runs->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      const std::string site = runs->column_text(0);
      out.latest_run[site] = runs->column_int(1);
      if (auto at = unix_seconds(runs->column_text(2))) out.last_success[site] = *at;
    }
  }
  auto certs = read_certs(*db);
  if (!certs) return std::unexpected(certs.error());
  out.cert_not_after = std::move(*certs);
  return out;
}

Result<std::map<std::string, std::int64_t>> load_cert_not_after(
    const std::filesystem::path& database) {
  auto db = open_db(database);
  if (!db) return std::unexpected(db.error());
  return read_certs(*db);
}

Result<void> save_cert_not_after(const std::filesystem::path& database,
                                 const std::map<std::string, std::int64_t>& not_after) {
  if (not_after.empty()) return {};
  auto db = open_db(database);
  if (!db) return std::unexpected(db.error());
  auto tx = Transaction::begin(*db);
  if (!tx) return std::unexpected(tx.error());
  for (const auto& [site, t] : not_after) {
    auto put = db->prepare(
        "INSERT INTO site_certificates (site, not_after) VALUES (?1, ?2) "
        "ON CONFLICT (site) DO UPDATE SET not_after = excluded.not_after");
    if (!put) return std::unexpected(put.error());
    if (auto ok = put->bind_text(1, site).bind_int(2, t).run(); !ok) return ok;
  }
  return tx->commit();
}

}  // namespace sitepatrol::store
