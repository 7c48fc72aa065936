// SqlStore: the reads monthly reports need (store.h, "Monthly reports"): the finished runs
// of a period and what each run did per site; and each site's latest finished run, which
// `findings` shows. Findings themselves come from findings().
#include <algorithm>
#include <array>
#include <cctype>

#include "store/sql_store.h"

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

// Newest by id: runs are strictly sequential (begin_run), while started_at may lie in the
// past (`crawl --as-of`).
Result<std::vector<PeriodRun>> SqlStore::latest_runs() {
  auto stmt = db_.prepare(R"sql(
WITH latest AS (
  SELECT rs.site AS site, max(rs.run_id) AS run_id
    FROM run_sites rs JOIN runs r ON r.id = rs.run_id
   WHERE r.status = 'finished'
   GROUP BY rs.site)
SELECT r.id, r.started_at, coalesce(r.finished_at, ''), r.status, r.sites, r.pages,
       r.links_checked, l.site
  FROM latest l JOIN runs r ON r.id = l.run_id
 ORDER BY r.id DESC, l.site
)sql");
  if (!stmt) return std::unexpected(stmt.error());
  return read_runs_with_sites(*stmt);
}

Result<std::map<std::string, SiteRunCounts>> SqlStore::site_run_counts(std::int64_t run) {
  std::map<std::string, SiteRunCounts> counts;
  {
    auto stmt = db_.prepare(R"sql(
SELECT p.site, count(*) FROM page_fetches f JOIN pages p ON p.id = f.page_id
 WHERE f.run_id = ?1 GROUP BY p.site
)sql");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind_int(1, run);
    for (;;) {
      auto row = stmt->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      counts[stmt->column_text(0)].pages = static_cast<int>(stmt->column_int(1));
    }
  }
  auto stmt = db_.prepare(R"sql(
SELECT c.site, u.url, c.status, c.error FROM link_checks c JOIN urls u ON u.id = c.url_id
 WHERE c.run_id = ?1
)sql");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, run);
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
  auto coverage =
      db_.prepare("SELECT site, coverage, coverage_reason FROM run_sites WHERE run_id = ?1");
  if (!coverage) return std::unexpected(coverage.error());
  coverage->bind_int(1, run);
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

}  // namespace sitepatrol::store
