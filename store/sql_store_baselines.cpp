// SqlStore: template baselines (SEC-TAMPER). The sketches themselves are JSON
// (store/json_codec.h); the page's current sketch lives in `pages.sketch`.
#include "store/sql_store.h"

#include "store/json_codec.h"
#include "store/str_cat.h"

namespace sitepatrol::store {

namespace {

constexpr std::string_view kSiteBaselines = R"sql(
SELECT u.url, b.sketch, b.accepted_at, coalesce(b.source_run, 0)
  FROM baselines b JOIN urls u ON u.id = b.url_id
 WHERE b.site = ?1
 ORDER BY u.url
)sql";

// Every page of the site that has a sketch; the run that last read the page is the source (a
// 304 leaves `pages.last_run` alone: the sketch is still that run's).
constexpr std::string_view kAcceptPages = R"sql(
INSERT INTO baselines (site, url_id, sketch, accepted_at, source_run)
SELECT p.site, p.url_id, p.sketch, r.started_at, p.last_run
  FROM pages p JOIN runs r ON r.id = p.last_run
 WHERE p.site = ?1 AND p.sketch IS NOT NULL
)sql";

}  // namespace

Result<std::map<std::string, checks::PageSketch>> SqlStore::baselines(const std::string& site) {
  auto stmt = db_.prepare(kSiteBaselines);
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, site);
  std::map<std::string, checks::PageSketch> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    std::string url = stmt->column_text(0);
    auto sketch = decode_sketch(stmt->column_text(1));
    if (!sketch) {
      return std::unexpected(
          StoreError{str_cat("baseline of ", url, " (", site, "): ", sketch.error().message)});
    }
    out.emplace(std::move(url), std::move(*sketch));
  }
  return out;
}

Result<void> SqlStore::add_baselines(
    const std::string& site, std::span<const std::pair<std::string, checks::PageSketch>> sketches) {
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  // The newest run (during a patrol: the one in progress) is the page's first sighting.
  std::string accepted_at;
  std::optional<std::int64_t> source_run;
  {
    auto newest = db_.prepare("SELECT id, started_at FROM runs ORDER BY id DESC LIMIT 1");
    if (!newest) return std::unexpected(newest.error());
    auto row = newest->step();
    if (!row) return std::unexpected(row.error());
    if (*row) {
      source_run = newest->column_int(0);
      accepted_at = newest->column_text(1);
    }
  }
  for (const auto& [url, sketch] : sketches) {
    auto url_id = intern_url(url);
    if (!url_id) return std::unexpected(url_id.error());
    auto insert = db_.prepare(
        "INSERT INTO baselines (site, url_id, sketch, accepted_at, source_run) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (site, url_id) DO NOTHING");
    if (!insert) return std::unexpected(insert.error());
    insert->bind_text(1, site)
        .bind_int(2, *url_id)
        .bind_text(3, encode_sketch(sketch))
        .bind_text(4, accepted_at)
        .bind_int_or_null(5, source_run);
    if (auto ok = insert->run(); !ok) return ok;
  }
  return tx->commit();
}

Result<int> SqlStore::accept_baselines(const std::string& site) {
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  {
    // Nothing to accept (no patrol has sketched the site yet): keep what is there.
    auto any = db_.prepare("SELECT 1 FROM pages WHERE site = ?1 AND sketch IS NOT NULL LIMIT 1");
    if (!any) return std::unexpected(any.error());
    any->bind_text(1, site);
    auto row = any->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return 0;
  }
  {
    auto clear = db_.prepare("DELETE FROM baselines WHERE site = ?1");
    if (!clear) return std::unexpected(clear.error());
    clear->bind_text(1, site);
    if (auto ok = clear->run(); !ok) return std::unexpected(ok.error());
  }
  auto insert = db_.prepare(kAcceptPages);
  if (!insert) return std::unexpected(insert.error());
  insert->bind_text(1, site);
  if (auto ok = insert->run(); !ok) return std::unexpected(ok.error());
  const int accepted = db_.changes();
  if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
  return accepted;
}

Result<std::vector<BaselineInfo>> SqlStore::baseline_list(const std::string& site) {
  auto stmt = db_.prepare(kSiteBaselines);
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, site);
  std::vector<BaselineInfo> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    BaselineInfo info;
    info.url = stmt->column_text(0);
    // A listing shows what it can: a damaged sketch just has no title.
    if (auto sketch = decode_sketch(stmt->column_text(1))) info.title = sketch->title;
    info.accepted_at = stmt->column_text(2);
    info.source_run = stmt->column_int(3);
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace sitepatrol::store
