// SqlStore: what each run examined (issue 11). A site's coverage of a run, and the step of
// finish_run that settles the findings a run did not raise again: resolved when the run
// re-examined their subject, carried over unverified when it could not
// (store/verification.h).
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "store/sql_store.h"
#include "store/str_cat.h"
#include "store/verification.h"

namespace sitepatrol::store {

namespace {

// Findings of the run's sites that the previous finished run covering the site had (seen or
// carried), and that this run has not raised.
constexpr std::string_view kUnseen = R"sql(
SELECT f.id, f.site, f.subject, o.run_id, o.severity, o.page, o.detail,
       rs.coverage, rs.coverage_reason
  FROM run_sites rs
  JOIN findings f ON f.site = rs.site
  JOIN finding_occurrences o ON o.finding_id = f.id
 WHERE rs.run_id = ?1
   AND o.run_id = (SELECT max(p.run_id) FROM run_sites p JOIN runs r ON r.id = p.run_id
                    WHERE p.site = rs.site AND p.run_id < ?1 AND r.status = 'finished')
   AND NOT EXISTS (SELECT 1 FROM finding_occurrences n
                    WHERE n.run_id = ?1 AND n.finding_id = f.id)
)sql";

constexpr std::string_view kPageFetch = R"sql(
SELECT pf.status, pf.error, p.error_text
  FROM urls u
  JOIN pages p ON p.url_id = u.id AND p.site = ?2
  JOIN page_fetches pf ON pf.page_id = p.id AND pf.run_id = ?1
 WHERE u.url = ?3
)sql";

constexpr std::string_view kLinkChecked = R"sql(
SELECT 1 FROM urls u JOIN link_checks c ON c.url_id = u.id
 WHERE c.run_id = CAST(?1 AS INTEGER) AND c.site = ?2 AND u.url = ?3
)sql";

constexpr std::string_view kOnPage = R"sql(
SELECT 1
  FROM urls pu
  JOIN pages p ON p.url_id = pu.id AND p.site = ?1
  JOIN page_links l ON l.page_id = p.id
  JOIN urls lu ON lu.id = l.url_id
 WHERE pu.url = ?2 AND lu.url = ?3
 LIMIT 1
)sql";

struct Unseen {
  std::int64_t id = 0;
  std::string site;
  std::string subject;
  std::int64_t previous_run = 0;
  std::int64_t severity = 0;
  std::string page;
  std::string detail;
  SiteCoverage coverage;
};

bool is_url(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

}  // namespace

Result<void> SqlStore::save_coverage(std::int64_t run, const std::string& site,
                                        const SiteCoverage& coverage) {
  auto stmt = db_.prepare(
      "UPDATE run_sites SET coverage = ?3, coverage_reason = ?4 WHERE run_id = ?1 AND site = ?2");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, run)
      .bind_text(2, site)
      .bind_text(3, coverage.state)
      .bind_text(4, coverage.reason);
  if (auto ok = stmt->run(); !ok) return ok;
  if (db_.changes() == 0) {
    return std::unexpected(
        StoreError{str_cat("saving coverage: run ", run, " does not cover site '", site, "'")});
  }
  return {};
}

// Whether `sql` (bound with `params` in order) returns a row.
Result<bool> SqlStore::any_row(std::string_view sql,
                                  std::initializer_list<std::string_view> params) {
  auto stmt = db_.prepare(sql);
  if (!stmt) return std::unexpected(stmt.error());
  int index = 1;
  for (std::string_view p : params) stmt->bind_text(index++, p);
  return stmt->step();
}

Result<void> SqlStore::settle_unseen(std::int64_t run, const std::string& finished_at) {
  std::vector<Unseen> unseen;
  {
    auto stmt = db_.prepare(kUnseen);
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind_int(1, run);
    for (;;) {
      auto row = stmt->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      Unseen u;
      u.id = stmt->column_int(0);
      u.site = stmt->column_text(1);
      u.subject = stmt->column_text(2);
      u.previous_run = stmt->column_int(3);
      u.severity = stmt->column_int(4);
      u.page = stmt->column_text(5);
      u.detail = stmt->column_text(6);
      u.coverage.state = stmt->column_text(7);
      u.coverage.reason = stmt->column_text(8);
      unseen.push_back(std::move(u));
    }
  }
  for (const Unseen& u : unseen) {
    SubjectEvidence e;
    e.coverage = u.coverage;
    {
      auto fetch = db_.prepare(kPageFetch);
      if (!fetch) return std::unexpected(fetch.error());
      fetch->bind_int(1, run).bind_text(2, u.site).bind_text(3, u.page);
      auto row = fetch->step();
      if (!row) return std::unexpected(row.error());
      if (*row) {
        e.page_fetched = true;
        e.page_status = static_cast<int>(fetch->column_int(0));
        e.page_error = fetch->column_text(1);
        e.page_error_text = fetch->column_text(2);
      }
    }
    e.subject_is_link = is_url(u.subject) && u.subject != u.page;
    if (e.subject_is_link) {
      auto checked = any_row(kLinkChecked, {std::to_string(run), u.site, u.subject});
      if (!checked) return std::unexpected(checked.error());
      auto on_page = any_row(kOnPage, {u.site, u.page, u.subject});
      if (!on_page) return std::unexpected(on_page.error());
      e.subject_checked = *checked;
      e.subject_on_page = *on_page;
    }
    if (auto ok = settle_one(run, finished_at, u.id, u.previous_run, u.severity, u.page, u.detail,
                             unverified(e));
        !ok) {
      return ok;
    }
  }
  return {};
}

Result<void> SqlStore::settle_one(std::int64_t run, const std::string& finished_at,
                                     std::int64_t finding, std::int64_t previous_run,
                                     std::int64_t severity, const std::string& page,
                                     const std::string& detail,
                                     const std::optional<Unverified>& why) {
  if (!why) {
    auto resolve = db_.prepare(
        "INSERT INTO finding_resolutions (run_id, finding_id, last_run, resolved_at) "
        "VALUES (?1, ?2, ?3, ?4)");
    if (!resolve) return std::unexpected(resolve.error());
    resolve->bind_int(1, run)
        .bind_int(2, finding)
        .bind_int(3, previous_run)
        .bind_text(4, finished_at);
    return resolve->run();
  }
  auto carry = db_.prepare(R"sql(
INSERT INTO finding_occurrences (run_id, finding_id, severity, page, detail, status, verified,
                                 unverified, unverified_detail, detail_code, detail_args)
SELECT ?1, ?2, ?3, ?4, ?5, 'open', 0, ?6, ?7, p.detail_code, p.detail_args
  FROM finding_occurrences p WHERE p.run_id = ?8 AND p.finding_id = ?2
)sql");
  if (!carry) return std::unexpected(carry.error());
  carry->bind_int(1, run)
      .bind_int(2, finding)
      .bind_int(3, severity)
      .bind_text(4, page)
      .bind_text(5, detail)
      .bind_text(6, why->reason)
      .bind_text(7, why->detail)
      .bind_int(8, previous_run);
  return carry->run();
}

}  // namespace sitepatrol::store
