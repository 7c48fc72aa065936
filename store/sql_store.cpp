// SqlStore: opening, runs, and the finding lifecycle. Pages and links are in
// sql_store_pages.cpp.
#include "store/sql_store.h"

#include <set>
#include <utility>

#include "store/database_uri.h"
#include "store/json_codec.h"
#include "store/schema.h"
#include "store/str_cat.h"

namespace sitepatrol::store {

namespace {

// Prefixes an error with the database file, so a message alone tells the user where.
StoreError in_file(const Db& db, StoreError error) {
  return StoreError{str_cat(db.file().string(), ": ", error.message)};
}

RunInfo read_run(const Statement& row) {
  RunInfo info;
  info.id = row.column_int(0);
  info.started_at = row.column_text(1);
  info.finished_at = row.column_text(2);
  info.status = row.column_text(3);
  info.sites = static_cast<int>(row.column_int(4));
  info.pages = static_cast<int>(row.column_int(5));
  info.links_checked = static_cast<int>(row.column_int(6));
  return info;
}

constexpr std::string_view kRunById =
    "SELECT id, started_at, coalesce(finished_at, ''), status, sites, pages, links_checked "
    "FROM runs WHERE id = ?1";
constexpr std::string_view kLatestFinishedRun =
    "SELECT id, started_at, coalesce(finished_at, ''), status, sites, pages, links_checked "
    "FROM runs WHERE status = 'finished' ORDER BY id DESC LIMIT 1";

// Occurrences of the run (new/open), then resolutions in the run (shown with their last
// occurrence's severity, page and detail). ?1 run, ?2 include occurrences, ?3 occurrence
// status or NULL for both, ?4 JSON array of sites or NULL for all, ?5 include resolutions.
// last_seen is the last run up to ?1 that verified the finding (an unverified occurrence
// carries the finding over without seeing it).
constexpr std::string_view kFindingsQuery = R"sql(
SELECT f.site AS site, f.code AS code, o.severity AS severity, f.subject AS subject,
       o.page, o.detail, o.status,
       CASE WHEN f.first_run IS NOT NULL AND f.first_run <= ?1 THEN f.first_seen
            ELSE r.started_at END,
       CASE WHEN o.verified = 1 THEN r.started_at ELSE (SELECT max(vr.started_at) FROM finding_occurrences v JOIN runs vr ON vr.id = v.run_id
         WHERE v.finding_id = f.id AND v.run_id <= ?1 AND v.verified = 1
           AND (vr.status = 'finished' OR v.run_id = ?1)) END,
       o.verified, o.unverified, o.unverified_detail, o.detail_code, o.detail_args
  FROM finding_occurrences o
  JOIN findings f ON f.id = o.finding_id
  JOIN runs r ON r.id = o.run_id
 WHERE o.run_id = ?1 AND ?2 = 1
   AND (CAST(?3 AS TEXT) IS NULL OR o.status = ?3)
   AND (CAST(?4 AS TEXT) IS NULL OR f.site IN (SELECT value FROM json_each(?4)))
UNION ALL
SELECT f.site, f.code, o.severity, f.subject, o.page, o.detail, 'resolved',
       f.first_seen, (SELECT max(vr.started_at) FROM finding_occurrences v JOIN runs vr ON vr.id = v.run_id
         WHERE v.finding_id = f.id AND v.run_id <= ?1 AND v.verified = 1
           AND (vr.status = 'finished' OR v.run_id = ?1)), 1, '', '', o.detail_code, o.detail_args
  FROM finding_resolutions x
  JOIN findings f ON f.id = x.finding_id
  JOIN finding_occurrences o ON o.run_id = x.last_run AND o.finding_id = x.finding_id
 WHERE x.run_id = ?1 AND ?5 = 1
   AND (CAST(?4 AS TEXT) IS NULL OR f.site IN (SELECT value FROM json_each(?4)))
 ORDER BY severity DESC, site, code, subject
)sql";

// kFindingsQuery for given sites (?4, a JSON array): the same rows, found from the sites'
// findings (their unique key starts with the site) instead of every occurrence of the run,
// so a site's page reads its dozen rows, not the run's thousands (25 -> 2 ms a run at 2,000
// sites, docs/performance.md).
constexpr std::string_view kSiteFindingsQuery = R"sql(
SELECT f.site AS site, f.code AS code, o.severity AS severity, f.subject AS subject,
       o.page, o.detail, o.status,
       CASE WHEN f.first_run IS NOT NULL AND f.first_run <= ?1 THEN f.first_seen
            ELSE r.started_at END,
       CASE WHEN o.verified = 1 THEN r.started_at ELSE (SELECT max(vr.started_at) FROM finding_occurrences v JOIN runs vr ON vr.id = v.run_id
         WHERE v.finding_id = f.id AND v.run_id <= ?1 AND v.verified = 1
           AND (vr.status = 'finished' OR v.run_id = ?1)) END,
       o.verified, o.unverified, o.unverified_detail, o.detail_code, o.detail_args
  FROM json_each(?4) s
  JOIN findings f ON f.site = s.value
  JOIN finding_occurrences o ON o.run_id = ?1 AND o.finding_id = f.id
  JOIN runs r ON r.id = o.run_id
 WHERE ?2 = 1
   AND (CAST(?3 AS TEXT) IS NULL OR o.status = ?3)
UNION ALL
SELECT f.site, f.code, o.severity, f.subject, o.page, o.detail, 'resolved',
       f.first_seen, (SELECT max(vr.started_at) FROM finding_occurrences v JOIN runs vr ON vr.id = v.run_id
         WHERE v.finding_id = f.id AND v.run_id <= ?1 AND v.verified = 1
           AND (vr.status = 'finished' OR v.run_id = ?1)), 1, '', '', o.detail_code, o.detail_args
  FROM json_each(?4) s
  JOIN findings f ON f.site = s.value
  JOIN finding_resolutions x ON x.run_id = ?1 AND x.finding_id = f.id
  JOIN finding_occurrences o ON o.run_id = x.last_run AND o.finding_id = x.finding_id
 WHERE ?5 = 1
 ORDER BY severity DESC, site, code, subject
)sql";

// kFindingsQuery's rows with ?2 = ?5 = 1 and no filter, counted: the same occurrences and
// resolutions, without the per-row last_seen subquery.
constexpr std::string_view kFindingCountsQuery = R"sql(
SELECT site, severity, status, count(*) FROM (
  SELECT f.site AS site, o.severity AS severity, o.status AS status
    FROM finding_occurrences o
    JOIN findings f ON f.id = o.finding_id
   WHERE o.run_id = ?1
  UNION ALL
  SELECT f.site, o.severity, 'resolved'
    FROM finding_resolutions x
    JOIN findings f ON f.id = x.finding_id
    JOIN finding_occurrences o ON o.run_id = x.last_run AND o.finding_id = x.finding_id
   WHERE x.run_id = ?1) AS listed
 GROUP BY site, severity, status
 ORDER BY site, severity DESC, status
)sql";

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite(const std::filesystem::path& file) {
  return open_store(file.string());
}

Result<std::unique_ptr<Store>> open_store(const std::string& database) {
  auto store = SqlStore::open(database);
  if (!store) return std::unexpected(store.error());
  return std::unique_ptr<Store>(std::move(*store));
}

Result<std::unique_ptr<SqlStore>> SqlStore::open(const std::string& database) {
  auto db = Db::connect(database);
  if (!db) {
    return std::unexpected(
        StoreError{str_cat(without_password(database), ": ", db.error().message)});
  }
  if (auto ok = configure(*db); !ok) return std::unexpected(in_file(*db, ok.error()));
  if (auto ok = migrate(*db); !ok) return std::unexpected(ok.error());
  return std::unique_ptr<SqlStore>(new SqlStore(std::move(*db)));
}

// Applies the connection settings; journal_mode answers with the mode actually in force
// (a filesystem without shared memory keeps "delete"), which we insist on.
Result<void> SqlStore::configure(Db& db) {
  if (db.dialect() == Dialect::postgresql) return {};  // the server's own settings
  if (auto ok = db.exec("PRAGMA busy_timeout = 5000"); !ok) return ok;
  auto mode = db.prepare("PRAGMA journal_mode = WAL");
  if (!mode) return std::unexpected(mode.error());
  auto row = mode->step();
  if (!row) return std::unexpected(row.error());
  std::string in_force = *row ? mode->column_text(0) : std::string();
  if (in_force != "wal") {
    return std::unexpected(
        StoreError{str_cat("cannot use write-ahead logging (journal mode is '", in_force, "')")});
  }
  if (auto ok = db.exec("PRAGMA synchronous = NORMAL"); !ok) return ok;
  return db.exec("PRAGMA foreign_keys = ON");
}

// On PostgreSQL finishing locks the run's row: two workers finishing it at once take turns,
// the second finding it finished. Writers take no lock on it (hundreds of connections sharing
// one row lock would queue on it); a fenced worker must still hold its claim, whose row it
// locks instead (check_fence).
Result<void> SqlStore::require_running(std::int64_t run, std::string_view action, bool finishing) {
  if (auto ok = check_fence(); !ok) {
    return std::unexpected(StoreError{str_cat(action, ": ", ok.error().message)});
  }
  auto stmt = db_.prepare(db_.dialect() == Dialect::postgresql && finishing
                              ? "SELECT status FROM runs WHERE id = ?1 FOR UPDATE"
                              : "SELECT status FROM runs WHERE id = ?1");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, run);
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::unexpected(StoreError{str_cat(action, ": no run ", run)});
  std::string status = stmt->column_text(0);
  if (status != "running") {
    return std::unexpected(
        StoreError{str_cat(action, ": run ", run, " is ", status, ", not running")});
  }
  return {};
}

Result<std::int64_t> SqlStore::begin_run(const std::string& started_at,
                                         const std::vector<std::string>& site_ids) {
  const std::set<std::string> sites(site_ids.begin(), site_ids.end());
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  {
    auto abort = db_.prepare("UPDATE runs SET status = 'aborted' WHERE status = 'running'");
    if (!abort) return std::unexpected(abort.error());
    if (auto ok = abort->run(); !ok) return std::unexpected(ok.error());
  }
  std::int64_t run = 0;
  {
    auto insert = db_.prepare(
        "INSERT INTO runs (started_at, status, sites) VALUES (?1, 'running', ?2) "
        "RETURNING id");
    if (!insert) return std::unexpected(insert.error());
    insert->bind_text(1, started_at).bind_int(2, static_cast<std::int64_t>(sites.size()));
    auto id = insert->returned_id();
    if (!id) return std::unexpected(id.error());
    run = *id;
  }
  for (const std::string& site : sites) {
    auto insert = db_.prepare("INSERT INTO run_sites (run_id, site) VALUES (?1, ?2)");
    if (!insert) return std::unexpected(insert.error());
    insert->bind_int(1, run).bind_text(2, site);
    if (auto ok = insert->run(); !ok) return std::unexpected(ok.error());
  }
  if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
  return run;
}

Result<void> SqlStore::save_findings(std::int64_t run, std::span<const checks::Finding> findings) {
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  if (auto ok = require_running(run, "saving findings"); !ok) return ok;
  for (const checks::Finding& finding : findings) {
    if (auto ok = save_finding(run, finding); !ok) return ok;
  }
  return tx->commit();
}

Result<void> SqlStore::save_finding(std::int64_t run, const checks::Finding& finding) {
  {
    auto covered = db_.prepare("SELECT 1 FROM run_sites WHERE run_id = ?1 AND site = ?2");
    if (!covered) return std::unexpected(covered.error());
    covered->bind_int(1, run).bind_text(2, finding.site);
    auto row = covered->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) {
      return std::unexpected(
          StoreError{str_cat("saving findings: run ", run, " does not cover site '", finding.site,
                             "' (", finding.code, " ", finding.subject, ")")});
    }
  }
  std::int64_t id = 0;
  {
    auto find =
        db_.prepare("SELECT id FROM findings WHERE site = ?1 AND code = ?2 AND subject = ?3");
    if (!find) return std::unexpected(find.error());
    find->bind_text(1, finding.site).bind_text(2, finding.code).bind_text(3, finding.subject);
    auto row = find->step();
    if (!row) return std::unexpected(row.error());
    if (*row) id = find->column_int(0);
  }
  if (id == 0) {
    auto insert =
        db_.prepare("INSERT INTO findings (site, code, subject) VALUES (?1, ?2, ?3) RETURNING id");
    if (!insert) return std::unexpected(insert.error());
    insert->bind_text(1, finding.site).bind_text(2, finding.code).bind_text(3, finding.subject);
    auto inserted = insert->returned_id();
    if (!inserted) return std::unexpected(inserted.error());
    id = *inserted;
  }
  // One occurrence per identity per run: the first saved wins (DO NOTHING).
  auto occur = db_.prepare(R"sql(
INSERT INTO finding_occurrences (run_id, finding_id, severity, page, detail, status,
                                 detail_code, detail_args)
SELECT ?1, f.id, ?3, ?4, ?5,
       CASE WHEN f.last_run IS NOT NULL AND f.resolved_run IS NULL THEN 'open' ELSE 'new' END,
       ?6, ?7
  FROM findings f WHERE f.id = ?2
    ON CONFLICT (run_id, finding_id) DO NOTHING
)sql");
  if (!occur) return std::unexpected(occur.error());
  occur->bind_int(1, run)
      .bind_int(2, id)
      .bind_int(3, static_cast<std::int64_t>(finding.severity))
      .bind_text(4, finding.page)
      .bind_text(5, finding.detail)
      .bind_text(6, finding.detail_code)
      .bind_text(
          7, finding.detail_args.empty() ? std::string() : encode_detail_args(finding.detail_args));
  return occur->run();
}

Result<void> SqlStore::finish_run(std::int64_t run, const std::string& finished_at,
                                  const RunTotals& totals) {
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  if (auto ok = require_running(run, "finishing run", true); !ok) return ok;

  auto exec = [&](std::string_view sql) -> Result<void> {
    auto stmt = db_.prepare(sql);
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind_int(1, run);
    if (stmt->parameter_count() >= 2) stmt->bind_text(2, finished_at);
    return stmt->run();
  };
  {
    auto finish = db_.prepare(
        "UPDATE runs SET status = 'finished', finished_at = ?2, sites = ?3, pages = ?4, "
        "links_checked = ?5 WHERE id = ?1");
    if (!finish) return std::unexpected(finish.error());
    finish->bind_int(1, run)
        .bind_text(2, finished_at)
        .bind_int(3, totals.sites)
        .bind_int(4, totals.pages)
        .bind_int(5, totals.links_checked);
    if (auto ok = finish->run(); !ok) return ok;
  }
  // Findings the run did not raise again: resolved when it re-examined their subject,
  // carried over unverified when it could not. Must run before the identities below move
  // their last_run to this run.
  if (auto ok = settle_unseen(run, finished_at); !ok) return ok;
  if (auto ok = exec(R"sql(
UPDATE findings SET resolved_run = ?1, resolved_at = ?2
 WHERE id IN (SELECT finding_id FROM finding_resolutions WHERE run_id = ?1)
)sql");
      !ok) {
    return ok;
  }
  // Seen: the run's start is the sighting time.
  if (auto ok = exec(R"sql(
UPDATE findings
   SET first_seen = coalesce(first_seen, (SELECT started_at FROM runs WHERE id = ?1)),
       first_run = coalesce(first_run, ?1),
       last_seen = (SELECT started_at FROM runs WHERE id = ?1),
       last_run = ?1,
       resolved_run = NULL,
       resolved_at = NULL
 WHERE id IN (SELECT finding_id FROM finding_occurrences WHERE run_id = ?1 AND verified = 1)
)sql");
      !ok) {
    return ok;
  }
  return tx->commit();
}

Result<std::optional<RunInfo>> SqlStore::run(std::optional<std::int64_t> id) {
  auto stmt = db_.prepare(id ? kRunById : kLatestFinishedRun);
  if (!stmt) return std::unexpected(stmt.error());
  if (id) stmt->bind_int(1, *id);
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<RunInfo>();
  return std::optional<RunInfo>(read_run(*stmt));
}

Result<std::vector<FindingRow>> SqlStore::findings(const FindingQuery& query) {
  auto info = run(query.run);
  if (!info) return std::unexpected(info.error());
  if (!*info) {
    if (query.run) return std::unexpected(StoreError{str_cat("no run ", *query.run)});
    return std::vector<FindingRow>();  // no finished run yet
  }
  const bool current = query.status != StatusFilter::resolved;
  const bool resolved = query.status == StatusFilter::resolved || query.status == StatusFilter::all;
  const char* occurrence_status = query.status == StatusFilter::new_only ? "new"
                                  : query.status == StatusFilter::open   ? "open"
                                                                         : nullptr;
  auto stmt = db_.prepare(query.sites.empty() ? kFindingsQuery : kSiteFindingsQuery);
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, (*info)->id).bind_int(2, current ? 1 : 0).bind_int(5, resolved ? 1 : 0);
  if (occurrence_status != nullptr) stmt->bind_text(3, occurrence_status);
  if (!query.sites.empty()) stmt->bind_text(4, encode_strings(query.sites));

  std::vector<FindingRow> rows;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    FindingRow out;
    out.finding.site = stmt->column_text(0);
    out.finding.code = stmt->column_text(1);
    out.finding.severity = static_cast<checks::Severity>(stmt->column_int(2));
    out.finding.subject = stmt->column_text(3);
    out.finding.page = stmt->column_text(4);
    out.finding.detail = stmt->column_text(5);
    out.status = stmt->column_text(6);
    out.first_seen = stmt->column_text(7);
    out.last_seen = stmt->column_text(8);
    out.verified = stmt->column_int(9) != 0;
    out.unverified = stmt->column_text(10);
    out.unverified_detail = stmt->column_text(11);
    out.finding.detail_code = stmt->column_text(12);
    // Damaged values are no reason to lose the finding: it shows its English text instead.
    if (auto args = decode_detail_args(stmt->column_text(13))) {
      out.finding.detail_args = std::move(*args);
    } else {
      out.finding.detail_code.clear();
    }
    out.run = (*info)->id;
    rows.push_back(std::move(out));
  }
  if (auto ok = fill_carriers((*info)->id, rows); !ok) return std::unexpected(ok.error());
  if (auto ok = fill_reviews(**info, rows); !ok) return std::unexpected(ok.error());
  return rows;
}

Result<std::vector<FindingCount>> SqlStore::finding_counts(std::int64_t run) {
  std::vector<FindingCount> out;
  {
    auto stmt = db_.prepare(kFindingCountsQuery);
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind_int(1, run);
    for (;;) {
      auto row = stmt->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      out.push_back({stmt->column_text(0), static_cast<checks::Severity>(stmt->column_int(1)),
                     stmt->column_text(2), static_cast<int>(stmt->column_int(3))});
    }
  }
  auto info = this->run(run);
  if (!info) return std::unexpected(info.error());
  if (*info) {
    if (auto ok = count_reviewed(**info, out); !ok) return std::unexpected(ok.error());
  }
  return out;
}

}  // namespace sitepatrol::store
