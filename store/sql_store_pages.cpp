// SqlStore: pages, their links, link checks, and what a 304 reuses. Runs and findings are
// in sql_store.cpp.
#include <algorithm>

#include "checks/inputs.h"
#include "store/sql_store.h"
#include "store/valid_utf8.h"
#include "store/json_codec.h"
#include "store/str_cat.h"

namespace sitepatrol::store {

namespace {

// Current state per (site, url): the page as last read, and where it was found. On a 304
// (?20) the fetch and body columns keep what the last full fetch stored (each fetch is in
// `page_fetches`), and the validators keep theirs unless the 304 carried new ones. The
// sketch (?21, NULL when the page got none) is body-derived too.
constexpr std::string_view kUpsertPage = R"sql(
INSERT INTO pages (site, url_id, final_url_id, found_on_id, depth, is_homepage, status, error,
                   error_text, elapsed_ms, charset, content_type, content_hash, etag,
                   last_modified, title, bytes, last_run, page_findings, sketch, facts)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
        ?21, ?22)
ON CONFLICT (site, url_id) DO UPDATE SET
  final_url_id = excluded.final_url_id,
  found_on_id = excluded.found_on_id,
  depth = excluded.depth,
  is_homepage = excluded.is_homepage,
  status = CASE WHEN ?20 THEN pages.status ELSE excluded.status END,
  error = CASE WHEN ?20 THEN pages.error ELSE excluded.error END,
  error_text = CASE WHEN ?20 THEN pages.error_text ELSE excluded.error_text END,
  elapsed_ms = CASE WHEN ?20 THEN pages.elapsed_ms ELSE excluded.elapsed_ms END,
  bytes = CASE WHEN ?20 THEN pages.bytes ELSE excluded.bytes END,
  last_run = CASE WHEN ?20 THEN pages.last_run ELSE excluded.last_run END,
  charset = CASE WHEN ?20 THEN pages.charset ELSE excluded.charset END,
  content_type = CASE WHEN ?20 THEN pages.content_type ELSE excluded.content_type END,
  content_hash = CASE WHEN ?20 THEN pages.content_hash ELSE excluded.content_hash END,
  title = CASE WHEN ?20 THEN pages.title ELSE excluded.title END,
  page_findings = CASE WHEN ?20 THEN pages.page_findings ELSE excluded.page_findings END,
  sketch = CASE WHEN ?20 THEN coalesce(excluded.sketch, pages.sketch) ELSE excluded.sketch END,
  facts = CASE WHEN ?20 THEN coalesce(excluded.facts, pages.facts) ELSE excluded.facts END,
  etag = CASE WHEN ?20 AND excluded.etag = '' THEN pages.etag ELSE excluded.etag END,
  last_modified = CASE WHEN ?20 AND excluded.last_modified = '' THEN pages.last_modified
                       ELSE excluded.last_modified END
RETURNING id
)sql";

constexpr std::string_view kUpsertFetch = R"sql(
INSERT INTO page_fetches (run_id, page_id, status, error, elapsed_ms, bytes, not_modified)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT (run_id, page_id) DO UPDATE SET
  status = excluded.status, error = excluded.error, elapsed_ms = excluded.elapsed_ms,
  bytes = excluded.bytes, not_modified = excluded.not_modified
)sql";

constexpr std::string_view kUpsertLink = R"sql(
INSERT INTO link_checks (run_id, site, url_id, found_on_id, kind, internal, method, status,
                         error, error_text, redirects, elapsed_ms)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
ON CONFLICT (run_id, site, url_id) DO UPDATE SET
  found_on_id = excluded.found_on_id, kind = excluded.kind, internal = excluded.internal,
  method = excluded.method, status = excluded.status, error = excluded.error,
  error_text = excluded.error_text, redirects = excluded.redirects,
  elapsed_ms = excluded.elapsed_ms
)sql";

}  // namespace

void SqlStore::expect_sites_in_flight(int sites) {
  known_urls_.set_capacity(
      std::max(kKnownUrls, kKnownUrlsPerSite * static_cast<std::size_t>(std::max(sites, 0))));
}

Result<std::int64_t> SqlStore::intern_url(std::string_view url) {
  if (!interned_.empty()) {  // a batch's URLs, interned at once (sql_store_bulk.cpp)
    const auto at = interned_.find(is_storable_text(url) ? std::string(url) : storable_text(url));
    if (at != interned_.end()) return at->second;
  }
  if (auto known = known_urls_.find(url, db_.rollbacks())) return *known;
  auto id = look_up_or_add_url(url);
  if (id) known_urls_.remember(url, *id, db_.rollbacks());
  return id;
}

Result<std::int64_t> SqlStore::look_up_or_add_url(std::string_view url) {
  {
    auto find = db_.prepare("SELECT id FROM urls WHERE url = ?1");
    if (!find) return std::unexpected(find.error());
    find->bind_text(1, url);
    auto row = find->step();
    if (!row) return std::unexpected(row.error());
    if (*row) return find->column_int(0);
  }
  // Another writer may add the same URL at the same time (PostgreSQL workers): then nothing is
  // returned here, and the URL is read back once that writer has committed.
  {
    auto insert = db_.prepare(
        "INSERT INTO urls (url) VALUES (?1) ON CONFLICT (url) DO NOTHING RETURNING id");
    if (!insert) return std::unexpected(insert.error());
    insert->bind_text(1, url);
    auto row = insert->step();
    if (!row) return std::unexpected(row.error());
    if (*row) return insert->column_int(0);
  }
  auto find = db_.prepare("SELECT id FROM urls WHERE url = ?1");
  if (!find) return std::unexpected(find.error());
  find->bind_text(1, url);
  auto row = find->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::unexpected(StoreError{str_cat("interning ", url, ": no row")});
  return find->column_int(0);
}

Result<void> SqlStore::save_pages(std::int64_t run, std::span<const PageRecord> pages) {
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  if (auto ok = require_running(run, "saving pages"); !ok) return ok;
  std::vector<std::string_view> urls;
  for (const PageRecord& record : pages) {
    urls.insert(urls.end(), {record.page.url, record.page.final_url, record.page.found_on});
    if (!record.page.not_modified)
      for (const checks::LinkRef& link : record.page.links) urls.push_back(link.url);
  }
  std::erase(urls, std::string_view());
  if (auto ok = intern_in_order(std::move(urls)); !ok) return ok;
  const ForgetInterned forget{interned_};
  for (const PageRecord& record : pages) {
    if (auto ok = save_page(run, record); !ok) return ok;
  }
  return tx->commit();
}

Result<void> SqlStore::save_page(std::int64_t run, const PageRecord& record) {
  const checks::PageResult& page = record.page;
  auto url_id = intern_url(page.url);
  if (!url_id) return std::unexpected(url_id.error());
  std::optional<std::int64_t> final_id, found_on_id;
  if (!page.final_url.empty()) {
    auto id = intern_url(page.final_url);
    if (!id) return std::unexpected(id.error());
    final_id = *id;
  }
  if (!page.found_on.empty()) {
    auto id = intern_url(page.found_on);
    if (!id) return std::unexpected(id.error());
    found_on_id = *id;
  }

  std::int64_t page_id = 0;
  if (page.not_modified) {
    auto kept = unchanged_page(record, *url_id, final_id, found_on_id);
    if (!kept) return std::unexpected(kept.error());
    page_id = kept->value_or(0);
  }
  if (page_id == 0) {
    auto upsert = db_.prepare(kUpsertPage);
    if (!upsert) return std::unexpected(upsert.error());
    upsert->bind_text(1, record.site)
        .bind_int(2, *url_id)
        .bind_int_or_null(3, final_id)
        .bind_int_or_null(4, found_on_id)
        .bind_int(5, page.depth)
        .bind_int(6, page.is_homepage ? 1 : 0)
        .bind_int(7, page.status)
        .bind_text(8, checks::to_string(page.error))
        .bind_text(9, page.error_text)
        .bind_real(10, page.elapsed_ms)
        .bind_text(11, page.charset)
        .bind_text(12, record.content_type)
        .bind_text(13, record.content_hash)
        .bind_text(14, record.etag)
        .bind_text(15, record.last_modified)
        .bind_text(16, page.title)
        .bind_int(17, record.bytes)
        .bind_int(18, run)
        .bind_text(19, encode_findings(record.page_findings))
        .bind_int(20, page.not_modified ? 1 : 0);
    if (const auto& sketch = record.sketch ? record.sketch : page.sketch) {
      upsert->bind_text(21, encode_sketch(*sketch));
    } else {
      upsert->bind_null(21);
    }
    if (record.facts) {
      upsert->bind_text(22, encode_facts(*record.facts));
    } else {
      upsert->bind_null(22);
    }
    auto row = upsert->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return std::unexpected(StoreError{"saving page: upsert returned no id"});
    page_id = upsert->column_int(0);
  }

  // A 304 keeps the links of the last full fetch; anything else replaces them.
  if (!page.not_modified) {
    auto clear = db_.prepare("DELETE FROM page_links WHERE page_id = ?1");
    if (!clear) return std::unexpected(clear.error());
    clear->bind_int(1, page_id);
    if (auto ok = clear->run(); !ok) return ok;
    if (auto ok = insert_page_links(page_id, page.links); !ok) return ok;
  }

  auto fetch = db_.prepare(kUpsertFetch);
  if (!fetch) return std::unexpected(fetch.error());
  fetch->bind_int(1, run)
      .bind_int(2, page_id)
      .bind_int(3, page.status)
      .bind_text(4, checks::to_string(page.error))
      .bind_real(5, page.elapsed_ms)
      .bind_int(6, record.bytes)
      .bind_int(7, page.not_modified ? 1 : 0);
  return fetch->run();
}

// A 304 that changes nothing the row keeps (see kUpsertPage) leaves it alone: a second patrol
// of an unchanged site would otherwise rewrite nearly every leaf of `pages`
// (docs/performance.md). Returns the page's id then, or nothing when the row must be written.
Result<std::optional<std::int64_t>> SqlStore::unchanged_page(
    const PageRecord& record, std::int64_t url_id, std::optional<std::int64_t> final_id,
    std::optional<std::int64_t> found_on_id) {
  const checks::PageResult& page = record.page;
  if (record.sketch || page.sketch || record.facts) return std::optional<std::int64_t>();
  auto stmt = db_.prepare(
      "SELECT id, final_url_id, found_on_id, depth, is_homepage, etag, last_modified "
      "FROM pages WHERE site = ?1 AND url_id = ?2");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, record.site).bind_int(2, url_id);
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<std::int64_t>();
  const auto id_or_null = [&](int column) {
    return stmt->column_is_null(column) ? std::optional<std::int64_t>()
                                        : std::optional(stmt->column_int(column));
  };
  const auto kept = [&](int column, const std::string& value) {
    return value.empty() || stmt->column_text(column) == value;
  };
  const bool same = id_or_null(1) == final_id && id_or_null(2) == found_on_id &&
                    stmt->column_int(3) == page.depth &&
                    stmt->column_int(4) == (page.is_homepage ? 1 : 0) &&
                    kept(5, record.etag) && kept(6, record.last_modified);
  if (!same) return std::optional<std::int64_t>();
  return std::optional(stmt->column_int(0));
}

Result<void> SqlStore::save_links(std::int64_t run, std::span<const LinkRecord> links) {
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  if (auto ok = require_running(run, "saving links"); !ok) return ok;
  std::vector<std::string_view> urls;
  for (const LinkRecord& record : links) urls.insert(urls.end(), {record.link.url, record.link.found_on});
  std::erase(urls, std::string_view());
  if (auto ok = intern_in_order(std::move(urls)); !ok) return ok;
  const ForgetInterned forget{interned_};
  for (const LinkRecord& record : links) {
    if (auto ok = save_link(run, record); !ok) return ok;
  }
  return tx->commit();
}

Result<void> SqlStore::save_link(std::int64_t run, const LinkRecord& record) {
  const checks::LinkResult& link = record.link;
  auto url_id = intern_url(link.url);
  if (!url_id) return std::unexpected(url_id.error());
  std::optional<std::int64_t> found_on_id;
  if (!link.found_on.empty()) {
    auto id = intern_url(link.found_on);
    if (!id) return std::unexpected(id.error());
    found_on_id = *id;
  }
  auto upsert = db_.prepare(kUpsertLink);
  if (!upsert) return std::unexpected(upsert.error());
  upsert->bind_int(1, run)
      .bind_text(2, record.site)
      .bind_int(3, *url_id)
      .bind_int_or_null(4, found_on_id)
      .bind_text(5, link.kind)
      .bind_int(6, link.internal ? 1 : 0)
      .bind_text(7, link.method)
      .bind_int(8, link.status)
      .bind_text(9, checks::to_string(link.error))
      .bind_text(10, link.error_text)
      .bind_text(11, encode_strings(link.redirects))
      .bind_real(12, link.elapsed_ms);
  return upsert->run();
}

Result<std::vector<std::pair<std::string, PageMemory>>> SqlStore::validators(
    const std::string& site) {
  auto stmt = db_.prepare(R"sql(
SELECT u.url, p.etag, p.last_modified
  FROM pages p JOIN urls u ON u.id = p.url_id
 WHERE p.site = ?1 AND (p.etag <> '' OR p.last_modified <> '')
 ORDER BY u.url
)sql");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, site);
  std::vector<std::pair<std::string, PageMemory>> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    PageMemory memory;
    memory.etag = stmt->column_text(1);
    memory.last_modified = stmt->column_text(2);
    out.emplace_back(stmt->column_text(0), std::move(memory));
  }
  return out;
}

Result<std::optional<PageMemory>> SqlStore::page_memory(const std::string& site,
                                                           const std::string& url) {
  PageMemory memory;
  std::int64_t page_id = 0;
  {
    auto stmt = db_.prepare(R"sql(
SELECT p.id, p.etag, p.last_modified, p.content_hash, p.charset, p.title, p.page_findings,
       p.facts, p.url_id
  FROM pages p JOIN urls u ON u.id = p.url_id
 WHERE p.site = ?1 AND u.url = ?2
)sql");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind_text(1, site).bind_text(2, url);
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return std::optional<PageMemory>();
    page_id = stmt->column_int(0);
    // The page is saved again soon (a 304's page and link rows): its URL's id is known now.
    known_urls_.remember(url, stmt->column_int(8), db_.rollbacks());
    memory.etag = stmt->column_text(1);
    memory.last_modified = stmt->column_text(2);
    memory.content_hash = stmt->column_text(3);
    memory.charset = stmt->column_text(4);
    memory.title = stmt->column_text(5);
    auto findings = decode_findings(stmt->column_text(6));
    if (!findings) {
      return std::unexpected(
          StoreError{str_cat("page ", url, " of ", site, ": ", findings.error().message)});
    }
    memory.page_findings = std::move(*findings);
    if (!stmt->column_is_null(7)) {
      auto facts = decode_facts(stmt->column_text(7));
      if (!facts) {
        return std::unexpected(
            StoreError{str_cat("page ", url, " of ", site, ": ", facts.error().message)});
      }
      memory.facts = std::move(*facts);
    }
  }
  auto links = db_.prepare(R"sql(
SELECT u.url, l.kind, l.text
  FROM page_links l JOIN urls u ON u.id = l.url_id
 WHERE l.page_id = ?1
 ORDER BY l.pos
)sql");
  if (!links) return std::unexpected(links.error());
  links->bind_int(1, page_id);
  for (;;) {
    auto row = links->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    checks::LinkRef link;
    link.url = links->column_text(0);
    link.kind = links->column_text(1);
    link.text = links->column_text(2);
    memory.links.push_back(std::move(link));
  }
  return std::optional<PageMemory>(std::move(memory));
}

}  // namespace sitepatrol::store
