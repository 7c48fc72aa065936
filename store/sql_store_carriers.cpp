// SqlStore: the pages carrying a link finding's URL (issue 14). A broken footer link sits on
// every page; a site owner must see them all, with the link's text there, to find and fix it.
// Filled for a whole load with one query over the run's pages, never a query per finding.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "store/json_codec.h"
#include "store/sql_store.h"

namespace sitepatrol::store {

namespace {

// The pages the run fetched whose links (as last stored: a 304 keeps the previous links) point
// at one of the wanted URLs; one row per page and URL, with the text of its first occurrence
// there (the row numbered 1 by position).
constexpr std::string_view kCarriers = R"sql(
SELECT site, target, page, text FROM (
  SELECT p.id AS page_id, p.site AS site, t.url AS target, pu.url AS page, pl.text AS text,
         row_number() OVER (PARTITION BY p.id, pl.url_id ORDER BY pl.pos) AS nth
    FROM page_fetches pf
    JOIN pages p ON p.id = pf.page_id
    JOIN page_links pl ON pl.page_id = p.id
    JOIN urls t ON t.id = pl.url_id
    JOIN urls pu ON pu.id = p.url_id
   WHERE pf.run_id = ?1
     AND pl.url_id IN (SELECT u.id FROM urls u WHERE u.url IN (SELECT value FROM json_each(?2)))
) AS carriers
 WHERE nth = 1
 ORDER BY page_id
)sql";

// The same for the pages of a few sites (?3, a JSON array), found through the sites' pages
// instead of every page the run fetched: a site's page reads its own pages only.
constexpr std::string_view kSiteCarriers = R"sql(
SELECT site, target, page, text FROM (
  SELECT p.id AS page_id, p.site AS site, t.url AS target, pu.url AS page, pl.text AS text,
         row_number() OVER (PARTITION BY p.id, pl.url_id ORDER BY pl.pos) AS nth
    FROM json_each(?3) s
    JOIN pages p ON p.site = s.value
    JOIN page_fetches pf ON pf.run_id = ?1 AND pf.page_id = p.id
    JOIN page_links pl ON pl.page_id = p.id
    JOIN urls t ON t.id = pl.url_id
    JOIN urls pu ON pu.id = p.url_id
   WHERE pl.url_id IN (SELECT u.id FROM urls u WHERE u.url IN (SELECT value FROM json_each(?2)))
) AS carriers
 WHERE nth = 1
 ORDER BY page_id
)sql";

constexpr std::size_t kFewSites = 50;  // up to this many sites: kSiteCarriers

bool is_link_code(const std::string& code) { return code.starts_with("LINK-"); }

}  // namespace

Result<void> SqlStore::fill_carriers(std::int64_t run, std::vector<FindingRow>& rows) {
  std::vector<std::string> wanted;
  std::vector<std::string> sites;
  for (const FindingRow& row : rows) {
    if (!is_link_code(row.finding.code)) continue;
    wanted.push_back(row.finding.subject);
    sites.push_back(row.finding.site);
  }
  if (wanted.empty()) return {};
  // std::sort/std::unique rather than std::ranges: clang 14 with libstdc++ 12 (the sanitized
  // build) cannot compile ranges::unique.
  for (auto* list : {&wanted, &sites}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }

  const bool few = sites.size() <= kFewSites;
  auto stmt = db_.prepare(few ? kSiteCarriers : kCarriers);
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, run).bind_text(2, encode_strings(wanted));
  if (few) stmt->bind_text(3, encode_strings(sites));
  // (site, target URL) -> carriers in page order.
  std::map<std::pair<std::string, std::string>, std::vector<LinkCarrier>> by_target;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    by_target[{stmt->column_text(0), stmt->column_text(1)}].push_back(
        LinkCarrier{.page = stmt->column_text(2), .text = stmt->column_text(3)});
  }
  // Moved to the first row of each target (a footer link's list can be long); a second row
  // with the same target (another code) copies it from there.
  std::map<std::pair<std::string, std::string>, const FindingRow*> given;
  for (FindingRow& row : rows) {
    if (!is_link_code(row.finding.code)) continue;
    const std::pair<std::string, std::string> target{row.finding.site, row.finding.subject};
    if (auto earlier = given.find(target); earlier != given.end()) {
      row.carriers = earlier->second->carriers;
    } else if (auto it = by_target.find(target); it != by_target.end()) {
      row.carriers = std::move(it->second);
      given.emplace(target, &row);
    }
  }
  return {};
}

}  // namespace sitepatrol::store
