#include "store/schema.h"

#include <utility>

#include "store/str_cat.h"

namespace sitepatrol::store {

namespace {

// Version 1. Design notes:
// - URLs are interned in `urls`: a 20,000-page site carries ~600,000 page->link rows whose
//   targets repeat (navigation, footers), so rows hold an integer instead of the string.
// - `pages` is the current state per (site, url); `page_fetches` is what each run saw.
// - A finding's identity (site, code, subject) lives in `findings` with its lifecycle
//   summary; each run's sighting is a row of `finding_occurrences`, and each resolution a
//   row of `finding_resolutions` (so an old run's resolved list stays right after the finding
//   comes back and is resolved again).
// - Severity is stored as checks::Severity's integer (0 info .. 3 critical) so it orders.
// - Tables keyed by a composite key only are WITHOUT ROWID: the key is the row.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE urls (
  id  INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE
);

CREATE TABLE runs (
  id            INTEGER PRIMARY KEY,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  status        TEXT NOT NULL CHECK (status IN ('running', 'finished', 'aborted')),
  sites         INTEGER NOT NULL DEFAULT 0,
  pages         INTEGER NOT NULL DEFAULT 0,
  links_checked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_by_status ON runs (status, id);

CREATE TABLE run_sites (
  run_id INTEGER NOT NULL REFERENCES runs (id),
  site   TEXT NOT NULL,
  PRIMARY KEY (run_id, site)
) WITHOUT ROWID;
CREATE INDEX run_sites_by_site ON run_sites (site, run_id);

CREATE TABLE pages (
  id            INTEGER PRIMARY KEY,
  site          TEXT NOT NULL,
  url_id        INTEGER NOT NULL REFERENCES urls (id),
  final_url_id  INTEGER REFERENCES urls (id),
  found_on_id   INTEGER REFERENCES urls (id),
  depth         INTEGER NOT NULL DEFAULT 0,
  is_homepage   INTEGER NOT NULL DEFAULT 0,
  status        INTEGER NOT NULL DEFAULT 0,
  error         TEXT NOT NULL DEFAULT 'none',
  error_text    TEXT NOT NULL DEFAULT '',
  elapsed_ms    REAL NOT NULL DEFAULT 0,
  charset       TEXT NOT NULL DEFAULT '',
  content_type  TEXT NOT NULL DEFAULT '',
  content_hash  TEXT NOT NULL DEFAULT '',
  etag          TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  title         TEXT NOT NULL DEFAULT '',
  bytes         INTEGER NOT NULL DEFAULT 0,
  last_run      INTEGER NOT NULL REFERENCES runs (id),
  page_findings TEXT NOT NULL DEFAULT '[]',
  UNIQUE (site, url_id)
);

CREATE TABLE page_links (
  page_id INTEGER NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  pos     INTEGER NOT NULL,
  url_id  INTEGER NOT NULL REFERENCES urls (id),
  kind    TEXT NOT NULL,
  text    TEXT NOT NULL,
  PRIMARY KEY (page_id, pos)
) WITHOUT ROWID;

CREATE TABLE page_fetches (
  run_id       INTEGER NOT NULL REFERENCES runs (id),
  page_id      INTEGER NOT NULL REFERENCES pages (id),
  status       INTEGER NOT NULL,
  error        TEXT NOT NULL,
  elapsed_ms   REAL NOT NULL,
  bytes        INTEGER NOT NULL,
  not_modified INTEGER NOT NULL,
  PRIMARY KEY (run_id, page_id)
) WITHOUT ROWID;

CREATE TABLE link_checks (
  run_id      INTEGER NOT NULL REFERENCES runs (id),
  site        TEXT NOT NULL,
  url_id      INTEGER NOT NULL REFERENCES urls (id),
  found_on_id INTEGER REFERENCES urls (id),
  kind        TEXT NOT NULL,
  internal    INTEGER NOT NULL,
  method      TEXT NOT NULL,
  status      INTEGER NOT NULL,
  error       TEXT NOT NULL,
  error_text  TEXT NOT NULL,
  redirects   TEXT NOT NULL,
  elapsed_ms  REAL NOT NULL,
  PRIMARY KEY (run_id, site, url_id)
) WITHOUT ROWID;

CREATE TABLE findings (
  id           INTEGER PRIMARY KEY,
  site         TEXT NOT NULL,
  code         TEXT NOT NULL,
  subject      TEXT NOT NULL,
  first_seen   TEXT,
  last_seen    TEXT,
  first_run    INTEGER REFERENCES runs (id),
  last_run     INTEGER REFERENCES runs (id),
  resolved_run INTEGER REFERENCES runs (id),
  resolved_at  TEXT,
  UNIQUE (site, code, subject)
);
CREATE INDEX findings_by_last_run ON findings (site, last_run);

CREATE TABLE finding_occurrences (
  run_id     INTEGER NOT NULL REFERENCES runs (id),
  finding_id INTEGER NOT NULL REFERENCES findings (id),
  severity   INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 3),
  page       TEXT NOT NULL,
  detail     TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('new', 'open')),
  PRIMARY KEY (run_id, finding_id)
) WITHOUT ROWID;
CREATE INDEX finding_occurrences_by_finding ON finding_occurrences (finding_id, run_id);

CREATE TABLE finding_resolutions (
  run_id      INTEGER NOT NULL REFERENCES runs (id),
  finding_id  INTEGER NOT NULL REFERENCES findings (id),
  last_run    INTEGER NOT NULL REFERENCES runs (id),
  resolved_at TEXT NOT NULL,
  PRIMARY KEY (run_id, finding_id)
) WITHOUT ROWID;
)sql";

// Version 2: template baselines for SEC-TAMPER.
// - `pages.sketch` is the page's latest template fingerprint (checks::PageSketch as JSON,
//   store/json_codec.h), NULL for pages that get none (deeper than the columns, failures).
// - `baselines` holds the accepted fingerprint per (site, url): added at a page's first
//   sighting, replaced wholesale by `baseline accept`. `accepted_at` is the start of the run
//   whose state became the baseline (the store reads no clock); `source_run` that run.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE pages ADD COLUMN sketch TEXT;

CREATE TABLE baselines (
  site        TEXT NOT NULL,
  url_id      INTEGER NOT NULL REFERENCES urls (id),
  sketch      TEXT NOT NULL,
  accepted_at TEXT NOT NULL,
  source_run  INTEGER REFERENCES runs (id),
  PRIMARY KEY (site, url_id)
) WITHOUT ROWID;
)sql";

// Version 3 (issue 3, freshness): each page keeps its freshness facts (entries with dates,
// meta tags) so a 304 can reuse them; each column keeps the state the last run left it in
// (entry URLs, list hash, newest date) and each run's observation of it, for the report's
// update volume and the faked-dates rule.
constexpr std::string_view kVersion3 = R"sql(
ALTER TABLE pages ADD COLUMN facts TEXT;
-- Pages stored before have no facts for a 304 to reuse: forget their validators, so the
-- next patrol reads each page once in full.
UPDATE pages SET etag = '', last_modified = '';

CREATE TABLE column_state (
  site      TEXT NOT NULL,
  url_id    INTEGER NOT NULL REFERENCES urls (id),
  entries   TEXT NOT NULL,
  list_hash TEXT NOT NULL,
  newest    TEXT,
  PRIMARY KEY (site, url_id)
) WITHOUT ROWID;

CREATE TABLE column_observations (
  run_id           INTEGER NOT NULL REFERENCES runs (id),
  site             TEXT NOT NULL,
  url_id           INTEGER NOT NULL REFERENCES urls (id),
  name             TEXT NOT NULL,
  column_key       TEXT NOT NULL,
  column_class     TEXT NOT NULL,
  newest           TEXT,
  entries          INTEGER NOT NULL,
  new_entries      INTEGER NOT NULL,
  first_seen       INTEGER NOT NULL,
  dates_suspicious INTEGER NOT NULL,
  PRIMARY KEY (run_id, site, url_id)
) WITHOUT ROWID;
CREATE INDEX column_observations_by_site ON column_observations (site, run_id);
)sql";

// Version 4 (issue 7, the daemon): availability probes and the alert history. Times are
// Unix milliseconds (the daemon schedules at sub-second resolution and compares them).
// - `homepage_probes`: one row per homepage probe; AVAIL-RATIO reads a site's last days of them.
// - `alerts`: one row per (alert, channel), unique on (key, channel) so an event is sent once
//   per channel however often it is noticed; `payload` is the alert as JSON, kept for retries
//   and as the history.
constexpr std::string_view kVersion4 = R"sql(
CREATE TABLE homepage_probes (
  id         INTEGER PRIMARY KEY,
  site       TEXT NOT NULL,
  url        TEXT NOT NULL,
  at_ms      INTEGER NOT NULL,
  up         INTEGER NOT NULL,
  status     INTEGER NOT NULL,
  error      TEXT NOT NULL,
  elapsed_ms REAL NOT NULL
);
CREATE INDEX homepage_probes_by_site ON homepage_probes (site, at_ms);

CREATE TABLE alerts (
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL,
  channel         TEXT NOT NULL,
  event           TEXT NOT NULL,
  site            TEXT NOT NULL,
  payload         TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  created_ms      INTEGER NOT NULL,
  next_attempt_ms INTEGER NOT NULL,
  sent_ms         INTEGER,
  last_error      TEXT NOT NULL DEFAULT '',
  UNIQUE (key, channel)
);
CREATE INDEX alerts_pending ON alerts (status, next_attempt_ms);
)sql";

// Version 5 (issue 4): the interaction figures per site and month (checks/interact_stats.h)
// for the report's public interaction index. One row per (site, month); each patrol
// overwrites the months it saw (the latest reading of a board wins). `run_id` is that patrol.
constexpr std::string_view kVersion5 = R"sql(
CREATE TABLE interaction_months (
  site                      TEXT NOT NULL,
  month                     TEXT NOT NULL,
  run_id                    INTEGER NOT NULL REFERENCES runs (id),
  messages                  INTEGER NOT NULL,
  answered                  INTEGER NOT NULL,
  unanswered                INTEGER NOT NULL,
  reply_rate                REAL,
  median_reply_days         REAL,
  interviews                INTEGER NOT NULL,
  solicitations             INTEGER NOT NULL,
  solicitations_no_feedback INTEGER NOT NULL,
  PRIMARY KEY (site, month)
) WITHOUT ROWID;
)sql";

// Version 6 (issue 11, verdicts that hold): how completely each run examined each site, and
// findings carried over unverified.
// - `run_sites.coverage`: complete | partial | down; `coverage_reason` says why not complete
//   (the homepage's error for down; page_limit or time_limit for partial). Issue 12 adds
//   maintenance: down in a maintenance window ("WINDOW; ERROR"), no new column.
// - A finding whose subject a run could not examine (its page failed, the site was down, the
//   walk was cut short) is neither resolved nor seen: the run carries it as an occurrence with
//   `verified = 0`, the previous occurrence's severity, page and detail, and the reason in
//   `unverified` (site_down | page_failed | not_reached | link_not_checked) and
//   `unverified_detail`. Its identity keeps its last verified sighting (last_seen, last_run).
constexpr std::string_view kVersion6 = R"sql(
ALTER TABLE run_sites ADD COLUMN coverage TEXT NOT NULL DEFAULT 'complete';
ALTER TABLE run_sites ADD COLUMN coverage_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE finding_occurrences ADD COLUMN verified INTEGER NOT NULL DEFAULT 1;
ALTER TABLE finding_occurrences ADD COLUMN unverified TEXT NOT NULL DEFAULT '';
ALTER TABLE finding_occurrences ADD COLUMN unverified_detail TEXT NOT NULL DEFAULT '';
)sql";

// Version 7 (issue 14, details in the reader's language): each occurrence keeps its detail as
// data beside the English `detail`: `detail_code` names the sentence ("fresh.column_stale")
// and `detail_args` holds its values as a JSON array of [key, value] pairs, in order.
// Occurrences stored before have '' for both; readers show their `detail` text.
constexpr std::string_view kVersion7 = R"sql(
ALTER TABLE finding_occurrences ADD COLUMN detail_code TEXT NOT NULL DEFAULT '';
ALTER TABLE finding_occurrences ADD COLUMN detail_args TEXT NOT NULL DEFAULT '';
)sql";

// Version 8 (issue 16, workers that share a run): the run's sites as a queue. `sitepatrol run
// start` queues every site; a worker claims one (state claimed, its id in `worker`, a lease
// until `lease_until_ms`, Unix milliseconds) and renews the lease while it patrols. A lease
// that ran out lets another worker claim the site again, from the start (`attempts` counts
// the claims). `done` sites keep their pages and links checked for the run's totals.
constexpr std::string_view kVersion8 = R"sql(
CREATE TABLE run_queue (
  run_id         INTEGER NOT NULL REFERENCES runs (id),
  site           TEXT NOT NULL,
  state          TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'claimed', 'done')),
  worker         TEXT NOT NULL DEFAULT '',
  lease_until_ms INTEGER NOT NULL DEFAULT 0,
  attempts       INTEGER NOT NULL DEFAULT 0,
  pages          INTEGER NOT NULL DEFAULT 0,
  links_checked  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, site)
) WITHOUT ROWID;
CREATE INDEX run_queue_by_state ON run_queue (run_id, state, site);
)sql";

// Version 9 (issue 16, workers that share a run): external links' answers, one per URL and
// run, so that a URL linked from many sites is asked once per run whichever worker patrols
// them. `redirects` is a JSON array; `error` a FetchError's name.
constexpr std::string_view kVersion9 = R"sql(
CREATE TABLE run_link_verdicts (
  run_id     INTEGER NOT NULL REFERENCES runs (id),
  url        TEXT NOT NULL,
  method     TEXT NOT NULL,
  status     INTEGER NOT NULL,
  error      TEXT NOT NULL,
  error_text TEXT NOT NULL,
  redirects  TEXT NOT NULL,
  elapsed_ms REAL NOT NULL,
  PRIMARY KEY (run_id, url)
) WITHOUT ROWID;
)sql";

// Version 10 (issue 17): the human review log (store/review.h). One row per action, never
// updated; a finding's review is its newest row. `severity`, `detail` and `evidence`
// (store/review.h) are the finding as the reviewer saw it; `expires` is '' or the last day
// (YYYY-MM-DD) an acceptance holds.
constexpr std::string_view kVersion10 = R"sql(
CREATE TABLE finding_reviews (
  id          INTEGER PRIMARY KEY,
  finding_id  INTEGER NOT NULL REFERENCES findings (id),
  verdict     TEXT NOT NULL CHECK (verdict IN ('false_alarm', 'accepted', 'withdrawn')),
  reason      TEXT NOT NULL,
  expires     TEXT NOT NULL,
  reviewer    TEXT NOT NULL,
  reviewed_at TEXT NOT NULL,
  severity    INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 3),
  detail      TEXT NOT NULL,
  evidence    TEXT NOT NULL
);
CREATE INDEX finding_reviews_by_finding ON finding_reviews (finding_id, id);
)sql";

// Version 11 (issue 17): requests to patrol a site now (`sitepatrol recheck`, the console),
// taken by the daemon. `run_id` is the run that patrolled the site, once known.
constexpr std::string_view kVersion11 = R"sql(
CREATE TABLE recheck_requests (
  id           INTEGER PRIMARY KEY,
  site         TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  run_id       INTEGER REFERENCES runs (id),
  finished_at  TEXT NOT NULL,
  outcome      TEXT NOT NULL
);
CREATE INDEX recheck_requests_by_state ON recheck_requests (state, id);
)sql";

// Version 12 (issue 17): the probes' daily rollup (store.h ProbeDay), kept by save_probe and
// filled here from the probes already stored, so that the console's availability over 30
// days of every site reads a few rows per site.
constexpr std::string_view kVersion12 = R"sql(
CREATE TABLE probe_days (
  site   TEXT NOT NULL,
  day    INTEGER NOT NULL,
  probes INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  PRIMARY KEY (site, day)
);
INSERT INTO probe_days (site, day, probes, failed)
  SELECT site, at_ms / 86400000, count(*), sum(1 - up) FROM homepage_probes
  GROUP BY site, at_ms / 86400000;
CREATE INDEX probe_days_by_day ON probe_days (day);
)sql";

// PostgreSQL lacks SQLite's json_each; the store's SQL uses it for a list of values bound as
// one JSON array parameter.
constexpr std::string_view kPostgresql1 = R"sql(
CREATE FUNCTION json_each(text) RETURNS TABLE (value text) LANGUAGE sql IMMUTABLE
  AS $$ SELECT json_array_elements_text($1::json) $$;
)sql";

constexpr Migration kMigrations[] = {
    {1, kVersion1, kPostgresql1},
    {2, kVersion2},
    {3, kVersion3},
    {4, kVersion4},
    {5, kVersion5},
    {6, kVersion6},
    {7, kVersion7},
    {8, kVersion8},
    {9, kVersion9},
    {10, kVersion10},
    {11, kVersion11},
    {12, kVersion12},
};

bool word_at(std::string_view text, std::size_t at, std::string_view word) {
  auto is_word = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  };
  if (text.substr(at, word.size()) != word) return false;
  const std::size_t end = at + word.size();
  return (at == 0 || !is_word(text[at - 1])) && (end == text.size() || !is_word(text[end]));
}

// The version, read inside the migration's transaction. SQLite keeps it in user_version;
// PostgreSQL in a one-row table, behind a transaction-scoped advisory lock so that two
// processes migrating the same fresh database take turns.
Result<int> read_version(Db& db) {
  if (db.dialect() == Dialect::postgresql) {
    for (std::string_view sql :
         {"SELECT pg_advisory_xact_lock(736170617472)",
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"}) {
      if (auto ok = db.exec(sql); !ok) return std::unexpected(ok.error());
    }
  }
  return schema_version(db);
}

Result<void> write_version(Db& db, int version) {
  // Neither statement takes a bound parameter here; the value is this binary's own constant.
  if (db.dialect() == Dialect::postgresql) {
    return db.exec(
        str_cat("DELETE FROM schema_version; INSERT INTO schema_version VALUES (", version, ")"));
  }
  return db.exec(str_cat("PRAGMA user_version = ", version));
}

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

Result<int> schema_version(Db& db) {
  const bool postgresql = db.dialect() == Dialect::postgresql;
  if (postgresql) {  // before the first migration there is no table to read
    auto exists = db.prepare("SELECT to_regclass('schema_version') IS NOT NULL");
    if (!exists) return std::unexpected(exists.error());
    auto row = exists->step();
    if (!row) return std::unexpected(row.error());
    if (!*row || exists->column_int(0) == 0) return 0;
  }
  auto stmt = db.prepare(postgresql ? "SELECT coalesce(max(version), 0) FROM schema_version"
                                    : "PRAGMA user_version");
  if (!stmt) return std::unexpected(stmt.error());
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  return *row ? static_cast<int>(stmt->column_int(0)) : 0;
}

std::string postgresql_ddl(std::string_view sqlite_ddl) {
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
      {"INTEGER", "BIGINT"},
      {"REAL", "DOUBLE PRECISION"},
      {"WITHOUT ROWID", ""},
  };
  std::string out;
  out.reserve(sqlite_ddl.size() + 256);
  std::size_t i = 0;
  while (i < sqlite_ddl.size()) {
    bool replaced = false;
    for (const auto& [from, to] : kWords) {
      if (word_at(sqlite_ddl, i, from)) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += sqlite_ddl[i++];
  }
  return out;
}

int current_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

Result<void> migrate(Db& db) { return migrate(db, migrations()); }

Result<void> migrate(Db& db, std::span<const Migration> steps) {
  const int latest = steps.empty() ? 0 : steps.back().version;
  // The version is read inside the write transaction: a second process migrating the same
  // fresh file waits here and then finds nothing left to do.
  auto tx = Transaction::begin(db);
  if (!tx) return std::unexpected(tx.error());
  auto version = read_version(db);
  if (!version) return std::unexpected(version.error());
  if (*version > latest) {
    return std::unexpected(
        StoreError{str_cat(db.file().string(), ": database schema version ", *version,
                           " is newer than this sitepatrol supports (", latest,
                           "); upgrade sitepatrol or use another database file")});
  }
  for (const Migration& step : steps) {
    if (step.version <= *version) continue;
    const std::string sql = db.dialect() == Dialect::postgresql
                                ? str_cat(postgresql_ddl(step.sql), step.postgresql_extra)
                                : std::string(step.sql);
    if (auto ok = db.exec(sql); !ok) {
      return std::unexpected(
          StoreError{str_cat(db.file().string(), ": migrating schema to version ", step.version,
                             ": ", ok.error().message)});
    }
  }
  if (latest > *version) {
    if (auto ok = write_version(db, latest); !ok) return ok;
  }
  return tx->commit();
}

}  // namespace sitepatrol::store
