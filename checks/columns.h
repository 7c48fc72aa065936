// A site's columns (栏目): which pages are columns, what they are called, which key and class
// they have, and their entries. Built at the end of a site from what each page left behind
// (PageSummary), judged by checks/freshness.h and recorded run by run (column history).
//
// Where columns come from, in order (the first that finds a column names it):
//  1. the site's [[site.column]] entries, used as given;
//  2. navigation: links of the site's own hosts on the homepage and on the pages it links
//     to (second-level navigation), hidden drop-down menus included, whose text names a
//     column of the dictionary (config/columns.toml) by name or ending, or, for a short
//     text, whose URL is a column folder the big CMSs use (/tzgg/, /fdzdgknr/; see
//     checks/column_names.h). A department's name (市应急管理局) names no column;
//  3. pages up to depth 2 whose ColumnName meta tag is such a name, unless they are articles
//     (an ArticleTitle or PubDate tag, or a date in the URL);
//  4. pages up to depth 2 that list three or more dated entries and are no article: named
//     by ColumnName, else the page title; key from the dictionary when the name is in it,
//     else from the page's column folder, else no key and class "other".
// A column is identified by its folder (/tzgg/ and /tzgg/index.html are one column); its
// pagination pages (index_1.html, ?page=2) add their entries to it. Pure.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checks/inputs.h"
#include "checks/nav_links.h"
#include "checks/page_facts.h"

namespace sitepatrol::checks {

// What the crawler keeps of each page of a site until the site is done.
struct PageSummary {
  std::string url;
  int depth = 0;
  bool is_homepage = false;
  bool ok = false;  // answered 2xx (or 304) and was read as HTML
  std::string title;
  PageFacts facts;
  // Internal <a> links with short texts, kept for pages at depth <= 1 only (navigation), in
  // the page's order; each points into the site's NavLinkTable.
  std::vector<const NavLink*> nav_links;
};

// A site's summaries, one per page read. A deque: it grows without moving what it holds or
// keeping a doubled block (a vector of 20,000 summaries held 1.5 times its size at its peak).
using PageSummaries = std::deque<PageSummary>;

// The summary of a parsed page (nav_links filled for depth <= 1 and hosts in ctx.own_hosts,
// from `nav`, which must outlive the summary).
PageSummary summarize_page(const SiteContext& ctx, const PageResult& page, PageFacts facts,
                           NavLinkTable& nav);

struct Column {
  std::string url;  // the page the column was found at (first page)
  std::string name;
  std::string key;  // "" when the dictionary does not know the name
  std::string column_class;
  std::optional<int> max_age_days;  // nullopt: never stale (static)
  bool configured = false;
  bool fetched = false;        // a page of the column was read
  std::vector<Entry> entries;  // of all its pages, first page first
  int undated_entries = 0;
  bool placeholder = false;
  std::optional<Date> content_date;  // a content page's own date (published or in text)
  std::size_t text_length = 0;
};

std::vector<Column> find_columns(const SiteContext& ctx, const PageSummaries& pages);

// The newest entry of a column not after today; for a column without entries, its page's
// own date.
std::optional<Date> newest_date(const Column& column, Date today);

}  // namespace sitepatrol::checks
