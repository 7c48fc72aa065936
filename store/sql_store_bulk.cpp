// SqlStore: a batch's URLs and a page's links in one statement each on PostgreSQL (issue 16,
// docs/scale.md). Each statement there is a round trip to the server; one a row made the
// workers' writes the limit of a shared patrol. SQLite runs in process, where one statement
// a row costs microseconds, and keeps its simple loops.
//
// Values travel as one JSON parameter, each string first made storable (store/valid_utf8.h)
// exactly as a bound text parameter is, so that a URL interned here is found again by the
// one-row path.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "store/sql_store.h"
#include "store/str_cat.h"
#include "store/valid_utf8.h"

namespace sitepatrol::store {

namespace {

std::string storable(std::string_view text) {
  return is_storable_text(text) ? std::string(text) : storable_text(text);
}

// New URLs go in sorted: writers that share the database take the unique index's locks in
// one order, so two transactions waiting on each other's new URLs cannot deadlock.
constexpr std::string_view kInternAll =
    "INSERT INTO urls (url) SELECT value FROM json_each(?1) ORDER BY value "
    "ON CONFLICT (url) DO NOTHING";
constexpr std::string_view kIdsOfAll =
    "SELECT u.url, u.id FROM urls u JOIN json_each(?1) j ON u.url = j.value";

constexpr std::string_view kInsertLinks = R"sql(
INSERT INTO page_links (page_id, pos, url_id, kind, text)
SELECT ?1, j.p, j.u, j.k, j.t
  FROM json_to_recordset(CAST(?2 AS json)) AS j(p bigint, u bigint, k text, t text)
)sql";

}  // namespace

Result<void> SqlStore::intern_in_order(std::vector<std::string_view> urls) {
  interned_.clear();
  if (db_.dialect() != Dialect::postgresql || urls.empty()) return {};
  std::vector<std::string> values;
  values.reserve(urls.size());
  for (std::string_view url : urls) values.push_back(storable(url));
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  const std::string list = nlohmann::json(values).dump();
  auto insert = db_.prepare(kInternAll);
  if (!insert) return std::unexpected(insert.error());
  if (auto ok = insert->bind_text(1, list).run(); !ok) return ok;
  auto ids = db_.prepare(kIdsOfAll);
  if (!ids) return std::unexpected(ids.error());
  ids->bind_text(1, list);
  for (;;) {
    auto row = ids->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    interned_.emplace(ids->column_text(0), ids->column_int(1));
  }
  if (interned_.size() != values.size()) {
    const std::size_t found = interned_.size();
    interned_.clear();
    return std::unexpected(
        StoreError{str_cat("interning ", values.size(), " URLs: ", found, " found again")});
  }
  return {};
}

Result<void> SqlStore::insert_page_links(std::int64_t page_id,
                                         const std::vector<checks::LinkRef>& links) {
  if (links.empty()) return {};
  if (db_.dialect() == Dialect::postgresql) {
    nlohmann::json rows = nlohmann::json::array();
    std::int64_t pos = 0;
    for (const checks::LinkRef& link : links) {
      auto target = intern_url(link.url);
      if (!target) return std::unexpected(target.error());
      rows.push_back(
          {{"p", pos++}, {"u", *target}, {"k", storable(link.kind)}, {"t", storable(link.text)}});
    }
    auto insert = db_.prepare(kInsertLinks);
    if (!insert) return std::unexpected(insert.error());
    return insert->bind_int(1, page_id).bind_text(2, rows.dump()).run();
  }
  std::int64_t pos = 0;
  for (const checks::LinkRef& link : links) {
    auto target = intern_url(link.url);
    if (!target) return std::unexpected(target.error());
    auto insert = db_.prepare(
        "INSERT INTO page_links (page_id, pos, url_id, kind, text) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return std::unexpected(insert.error());
    insert->bind_int(1, page_id)
        .bind_int(2, pos++)
        .bind_int(3, *target)
        .bind_text(4, link.kind)
        .bind_text(5, link.text);
    if (auto ok = insert->run(); !ok) return ok;
  }
  return {};
}

}  // namespace sitepatrol::store
