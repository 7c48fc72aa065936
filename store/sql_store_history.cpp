// SqlStore: history across runs for the console (issue 17): one finding's runs, those that
// saw it (finding_occurrences) and the one that resolved it (finding_resolutions); and how
// many findings each run listed per site, for the trend lines; the months a site was patrolled.
#include <string>
#include <vector>

#include "store/sql_store.h"

namespace sitepatrol::store {

Result<std::vector<FindingSighting>> SqlStore::finding_history(const std::string& site,
                                                               const std::string& code,
                                                               const std::string& subject,
                                                               int limit) {
  auto stmt = db_.prepare(
      "SELECT h.run_id, r.started_at, h.status, h.severity, h.page, h.detail FROM ("
      "  SELECT o.run_id, o.status, o.severity, o.page, o.detail FROM finding_occurrences o"
      "  JOIN findings f ON f.id = o.finding_id"
      "  WHERE f.site = ?1 AND f.code = ?2 AND f.subject = ?3"
      "  UNION ALL"
      "  SELECT x.run_id, 'resolved', coalesce(last.severity, 0), '', '' FROM "
      "  finding_resolutions x JOIN findings f ON f.id = x.finding_id"
      "  LEFT JOIN finding_occurrences last"
      "    ON last.finding_id = x.finding_id AND last.run_id = x.last_run"
      "  WHERE f.site = ?1 AND f.code = ?2 AND f.subject = ?3"
      ") h JOIN runs r ON r.id = h.run_id ORDER BY h.run_id DESC LIMIT ?4");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, site).bind_text(2, code).bind_text(3, subject).bind_int(4, limit);
  std::vector<FindingSighting> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    FindingSighting s;
    s.run = stmt->column_int(0);
    s.started_at = stmt->column_text(1);
    s.status = stmt->column_text(2);
    s.severity = static_cast<checks::Severity>(stmt->column_int(3));
    s.page = stmt->column_text(4);
    s.detail = stmt->column_text(5);
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<SiteRunFindings>> SqlStore::findings_per_run(std::int64_t after_run,
                                                                const std::string& site) {
  // One site: through its findings (findings' unique key starts with the site) and their
  // occurrences by finding; every site: the runs' occurrences by run.
  auto stmt = db_.prepare(
      site.empty() ? "SELECT f.site, o.run_id, count(*) FROM finding_occurrences o "
                     "JOIN findings f ON f.id = o.finding_id WHERE o.run_id > ?1 "
                     "GROUP BY f.site, o.run_id ORDER BY f.site, o.run_id"
                   : "SELECT f.site, o.run_id, count(*) FROM findings f "
                     "JOIN finding_occurrences o ON o.finding_id = f.id AND o.run_id > ?1 "
                     "WHERE f.site = ?2 GROUP BY f.site, o.run_id ORDER BY o.run_id");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, after_run);
  if (!site.empty()) stmt->bind_text(2, site);
  std::vector<SiteRunFindings> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back(
        {stmt->column_text(0), stmt->column_int(1), static_cast<int>(stmt->column_int(2))});
  }
  return out;
}

Result<std::vector<std::string>> SqlStore::site_months(const std::string& site) {
  auto stmt = db_.prepare(
      "SELECT DISTINCT substr(r.started_at, 1, 7) AS month FROM run_sites rs "
      "JOIN runs r ON r.id = rs.run_id WHERE rs.site = ?1 AND r.status = 'finished' "
      "ORDER BY month DESC");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, site);
  std::vector<std::string> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back(stmt->column_text(0));
  }
  return out;
}

}  // namespace sitepatrol::store
