// SqlStore: the reads monthly reports need (store.h, "Monthly reports"): the finished runs
// of a period and what each run did per site; and each site's latest finished run, which
// `findings` shows. Findings themselves come from findings().
#include <algorithm>
#include <array>
#include <cctype>

#include "store/sql_store.h"
#include "store/str_cat.h"

namespace sitepatrol::store {

namespace {

// Documents and forms a site offers for download (办事指南 表格下载, 公开年报, ...), by the
// path's extension; the query string is ignored.
bool is_attachment(std::string_view url) {
  static constexpr std::array<std::string_view, 14> kExtensions = {
      ".pdf", ".doc",  ".docx", ".xls", ".xlsx", ".wps", ".et",
      ".ppt", ".pptx", ".zip",  ".rar", ".7z",   ".ofd", ".txt"};
  url = url.substr(0, url.find_first_of("?#"));
  std::string lower(url.substr(url.size() > 8 ? url.size() - 8 : 0));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(kExtensions.begin(), kExtensions.end(),
                     [&](std::string_view ext) { return lower.ends_with(ext); });
}

// Reads rows of (run columns..., site), ordered by run, into runs with their sites.
Result<std::vector<PeriodRun>> read_runs_with_sites(Statement& stmt) {
  std::vector<PeriodRun> runs;
  for (;;) {
    auto row = stmt.step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    const std::int64_t id = stmt.column_int(0);
    if (runs.empty() || runs.back().info.id != id) {
      PeriodRun run;
      run.info.id = id;
      run.info.started_at = stmt.column_text(1);
      run.info.finished_at = stmt.column_text(2);
      run.info.status = stmt.column_text(3);
      run.info.sites = static_cast<int>(stmt.column_int(4));
      run.info.pages = static_cast<int>(stmt.column_int(5));
      run.info.links_checked = static_cast<int>(stmt.column_int(6));
      runs.push_back(std::move(run));
    }
    runs.back().sites.push_back(stmt.column_text(7));
  }
  return runs;
}

}  // namespace

Result<std::vector<PeriodRun>> SqlStore::runs_in_period(const std::string& from,
                                                        const std::string& to) {
  auto stmt = db_.prepare(R"sql(
SELECT r.id, r.started_at, coalesce(r.finished_at, ''), r.status, r.sites, r.pages,
       r.links_checked, rs.site
  FROM runs r JOIN run_sites rs ON rs.run_id = r.id
 WHERE r.status = 'finished' AND r.started_at >= ?1 AND r.started_at < ?2
 ORDER BY r.started_at, r.id, rs.site
)sql");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, from).bind_text(2, to);
  return read_runs_with_sites(*stmt);
}

Result<std::vector<PeriodRun>> SqlStore::site_runs_in_period(const std::string& from,
                                                             const std::string& to,
                                                             const std::string& site) {
  auto stmt = db_.prepare(R"sql(
SELECT r.id, r.started_at, coalesce(r.finished_at, ''), r.status, r.sites, r.pages,
       r.links_checked, rs.site
  FROM run_sites rs JOIN runs r ON r.id = rs.run_id
 WHERE rs.site = ?3 AND r.status = 'finished' AND r.started_at >= ?1 AND r.started_at < ?2
 ORDER BY r.started_at, r.id
)sql");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, from).bind_text(2, to).bind_text(3, site);
  return read_runs_with_sites(*stmt);
}

// Newest by id: runs are strictly sequential (begin_run), while started_at may lie in the
// past (`crawl --as-of`). Per site, its run_sites index read backwards to the first finished
// run: a few rows a site, where a GROUP BY read the whole history (183 -> 26 ms at 2,000
// sites and a year of nightly runs, docs/performance.md).
Result<std::vector<PeriodRun>> SqlStore::latest_runs() {
  auto stmt = db_.prepare(R"sql(
WITH sites AS (SELECT DISTINCT site FROM run_sites),
latest AS (
  SELECT s.site AS site,
         (SELECT rs.run_id FROM run_sites rs
           WHERE rs.site = s.site
             AND EXISTS (SELECT 1 FROM runs r WHERE r.id = rs.run_id AND r.status = 'finished')
           ORDER BY rs.site DESC, rs.run_id DESC LIMIT 1) AS run_id
    FROM sites s)
SELECT r.id, r.started_at, coalesce(r.finished_at, ''), r.status, r.sites, r.pages,
       r.links_checked, l.site
  FROM latest l JOIN runs r ON r.id = l.run_id
 ORDER BY r.id DESC, l.site
)sql");
  if (!stmt) return std::unexpected(stmt.error());
  return read_runs_with_sites(*stmt);
}

namespace {

// What run `run` read and checked, per site; of one site only when `site` is not empty (its
// rows found through the site's indexes, not by reading the whole run).
Result<std::map<std::string, SiteRunCounts>> run_counts(Db& db, std::int64_t run,
                                                        const std::string& site) {
  const bool one = !site.empty();
  std::map<std::string, SiteRunCounts> counts;
  {
    auto stmt = db.prepare(one ? "SELECT p.site, count(*) FROM pages p JOIN page_fetches f "
                                 "ON f.page_id = p.id AND f.run_id = ?1 WHERE p.site = ?2 "
                                 "GROUP BY p.site"
                               : "SELECT p.site, count(*) FROM page_fetches f JOIN pages p "
                                 "ON p.id = f.page_id WHERE f.run_id = ?1 GROUP BY p.site");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind_int(1, run);
    if (one) stmt->bind_text(2, site);
    for (;;) {
      auto row = stmt->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      counts[stmt->column_text(0)].pages = static_cast<int>(stmt->column_int(1));
    }
  }
  {
    auto stmt =
        db.prepare(str_cat("SELECT c.site, u.url, c.status, c.error FROM link_checks c "
                           "JOIN urls u ON u.id = c.url_id WHERE c.run_id = ?1",
                           one ? " AND c.site = ?2" : ""));
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind_int(1, run);
    if (one) stmt->bind_text(2, site);
    for (;;) {
      auto row = stmt->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      SiteRunCounts& c = counts[stmt->column_text(0)];
      ++c.links_checked;
      if (!is_attachment(stmt->column_text(1))) continue;
      ++c.attachments;
      const std::int64_t status = stmt->column_int(2);
      if (stmt->column_text(3) != "none" || status < 200 || status >= 400) ++c.attachments_failed;
    }
  }
  auto coverage =
      db.prepare(str_cat("SELECT site, coverage, coverage_reason FROM run_sites "
                         "WHERE run_id = ?1",
                         one ? " AND site = ?2" : ""));
  if (!coverage) return std::unexpected(coverage.error());
  coverage->bind_int(1, run);
  if (one) coverage->bind_text(2, site);
  for (;;) {
    auto row = coverage->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    SiteRunCounts& c = counts[coverage->column_text(0)];
    c.coverage.state = coverage->column_text(1);
    c.coverage.reason = coverage->column_text(2);
  }
  return counts;
}

}  // namespace

Result<std::map<std::string, SiteRunCounts>> SqlStore::site_run_counts(std::int64_t run) {
  return run_counts(db_, run, "");
}

Result<SiteRunCounts> SqlStore::counts_of_site(std::int64_t run, const std::string& site) {
  auto counts = run_counts(db_, run, site);
  if (!counts) return std::unexpected(counts.error());
  const auto it = counts->find(site);
  return it == counts->end() ? SiteRunCounts{} : it->second;
}

}  // namespace sitepatrol::store
