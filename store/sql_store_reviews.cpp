// SqlStore: the human review log (issue 17, store/review.h). Reviews are few (people write
// them), so a load reads every current review in one query and matches them in memory.
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "checks/dates.h"
#include "store/json_codec.h"
#include "store/sql_store.h"
#include "store/str_cat.h"

namespace sitepatrol::store {

namespace {

constexpr std::string_view kReviewColumns =
    "f.site, f.code, f.subject, r.id, r.verdict, r.reason, r.expires, r.reviewer, "
    "r.reviewed_at, r.severity, r.detail, r.evidence";

// Every finding's current review: its newest action, unless that withdrew the review.
// Reviews are few (people write them) and findings many: every query here reads the reviews
// first and looks their findings up by key. CROSS JOIN keeps SQLite to that order (without
// statistics it scanned all findings instead: 14 ms a query at 2,000 sites); PostgreSQL
// plans it as the inner join it is.
constexpr std::string_view kCurrentReviews = R"sql(
  FROM finding_reviews r
  CROSS JOIN findings f
 WHERE f.id = r.finding_id
   AND r.id = (SELECT max(x.id) FROM finding_reviews x WHERE x.finding_id = r.finding_id)
   AND r.verdict <> 'withdrawn'
)sql";

ReviewRecord read_review(Statement& stmt) {
  ReviewRecord r;
  r.site = stmt.column_text(0);
  r.code = stmt.column_text(1);
  r.subject = stmt.column_text(2);
  r.id = stmt.column_int(3);
  r.verdict = stmt.column_text(4);
  r.reason = stmt.column_text(5);
  r.expires = stmt.column_text(6);
  r.reviewer = stmt.column_text(7);
  r.reviewed_at = stmt.column_text(8);
  r.severity = static_cast<checks::Severity>(stmt.column_int(9));
  r.detail = stmt.column_text(10);
  r.evidence = stmt.column_text(11);
  return r;
}

// A finding as its occurrence row reads, from column `first` on: severity, detail,
// detail_code, detail_args. Damaged values read as no code, as findings() reads them.
checks::Finding occurrence(Statement& stmt, int first) {
  checks::Finding f;
  f.severity = static_cast<checks::Severity>(stmt.column_int(first));
  f.detail = stmt.column_text(first + 1);
  f.detail_code = stmt.column_text(first + 2);
  if (auto args = decode_detail_args(stmt.column_text(first + 3))) {
    f.detail_args = std::move(*args);
  } else {
    f.detail_code.clear();
  }
  return f;
}

std::optional<StoreError> invalid(const ReviewRecord& r) {
  if (!is_review_verdict(r.verdict))
    return StoreError{str_cat("unknown review verdict '", r.verdict, "'")};
  if (r.verdict != "withdrawn" && r.reason.empty()) return StoreError{"a review needs a reason"};
  if (r.reviewer.empty()) return StoreError{"a review needs a reviewer"};
  if (!r.expires.empty() && (r.verdict != "accepted" || !checks::parse_iso_date(r.expires))) {
    return StoreError{
        str_cat("expiry '", r.expires, "': only an acceptance expires, on a YYYY-MM-DD day")};
  }
  return std::nullopt;
}

}  // namespace

Result<ReviewRecord> SqlStore::add_review(const ReviewRecord& review) {
  if (auto bad = invalid(review)) return std::unexpected(*bad);
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  ReviewRecord out = review;
  std::int64_t finding = 0;
  {
    auto find = db_.prepare(R"sql(
SELECT f.id, o.severity, o.detail, o.detail_code, o.detail_args
  FROM findings f JOIN finding_occurrences o ON o.finding_id = f.id
 WHERE f.site = ?1 AND f.code = ?2 AND f.subject = ?3
 ORDER BY o.run_id DESC LIMIT 1
)sql");
    if (!find) return std::unexpected(find.error());
    find->bind_text(1, review.site).bind_text(2, review.code).bind_text(3, review.subject);
    auto found = find->step();
    if (!found) return std::unexpected(found.error());
    if (!*found) {
      return std::unexpected(StoreError{str_cat("no finding ", review.code, " of site ",
                                                review.site, " with subject ", review.subject)});
    }
    finding = find->column_int(0);
    const checks::Finding seen = occurrence(*find, 1);
    out.severity = seen.severity;
    out.detail = seen.detail;
    out.evidence = review_evidence(seen);
  }
  {
    auto insert = db_.prepare(R"sql(
INSERT INTO finding_reviews (finding_id, verdict, reason, expires, reviewer, reviewed_at,
                             severity, detail, evidence)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id
)sql");
    if (!insert) return std::unexpected(insert.error());
    insert->bind_int(1, finding)
        .bind_text(2, out.verdict)
        .bind_text(3, out.reason)
        .bind_text(4, out.expires)
        .bind_text(5, out.reviewer)
        .bind_text(6, out.reviewed_at)
        .bind_int(7, static_cast<std::int64_t>(out.severity))
        .bind_text(8, out.detail)
        .bind_text(9, out.evidence);
    auto row = insert->step();
    if (!row) return std::unexpected(row.error());
    out.id = insert->column_int(0);
  }
  if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
  return out;
}

Result<std::vector<ReviewRecord>> SqlStore::review_log(const std::string& site) {
  auto stmt = db_.prepare(str_cat("SELECT ", kReviewColumns, R"sql(
  FROM finding_reviews r CROSS JOIN findings f
 WHERE f.id = r.finding_id AND (?1 = '' OR f.site = ?1)
 ORDER BY r.id DESC
)sql"));
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, site);
  std::vector<ReviewRecord> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back(read_review(*stmt));
  }
  return out;
}

Result<void> SqlStore::fill_reviews(const RunInfo& run, std::vector<FindingRow>& rows) {
  auto stmt = db_.prepare(str_cat("SELECT ", kReviewColumns, kCurrentReviews));
  if (!stmt) return std::unexpected(stmt.error());
  std::map<std::tuple<std::string, std::string, std::string>, ReviewRecord> by_finding;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    ReviewRecord r = read_review(*stmt);
    by_finding.emplace(std::tuple(r.site, r.code, r.subject), std::move(r));
  }
  if (by_finding.empty()) return {};
  for (FindingRow& row : rows) {
    const checks::Finding& f = row.finding;
    auto it = by_finding.find(std::tuple(f.site, f.code, f.subject));
    if (it == by_finding.end()) continue;
    row.review = FindingReview{it->second, review_lapse(it->second, f, run.started_at)};
  }
  return {};
}

Result<void> SqlStore::count_reviewed(const RunInfo& run, std::vector<FindingCount>& counts) {
  auto stmt =
      db_.prepare(str_cat("SELECT ", kReviewColumns,
                          R"sql(, o.severity, o.detail, o.detail_code, o.detail_args, o.status
  FROM finding_reviews r
  CROSS JOIN findings f
  JOIN finding_occurrences o ON o.finding_id = r.finding_id AND o.run_id = ?1
 WHERE f.id = r.finding_id
   AND r.id = (SELECT max(x.id) FROM finding_reviews x WHERE x.finding_id = r.finding_id)
   AND r.verdict <> 'withdrawn'
)sql"));
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, run.id);
  auto count_of = [&](const std::string& site, checks::Severity severity,
                      const std::string& status) -> int& {
    for (FindingCount& c : counts) {
      if (c.site == site && c.severity == severity && c.status == status) return c.count;
    }
    return counts.emplace_back(FindingCount{site, severity, status, 0}).count;
  };
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    const ReviewRecord review = read_review(*stmt);
    const checks::Finding seen = occurrence(*stmt, 12);
    if (!review_lapse(review, seen, run.started_at).empty()) continue;
    --count_of(review.site, seen.severity, stmt->column_text(16));
    ++count_of(review.site, seen.severity, "reviewed");
  }
  std::erase_if(counts, [](const FindingCount& c) { return c.count == 0; });
  return {};
}

}  // namespace sitepatrol::store
