// List rows (checks::ListRow) from a parsed Gumbo tree: what column entries and message
// board messages are read from.
//
// For every <a href> the row is found by climbing from the link: up through elements that
// hold no other link, stopping at the first li, tr or dl (which may hold up to three links:
// a title, a category, a "more"), or below the first other element that holds a second
// link. So the TRS list (ul > li > a + span), Hanweb tables (tr > td > a,
// td > date) and 开普云 lists (dl > dt > a, dd > date; div.item > a + span) all give one row
// per entry, with the date in its text. Rows are tagged with the page region they sit in:
// "nav" (nav, header, menus), "footer" (footer, copyright blocks) and "calendar" (date
// pickers), by tag and by the id and class names sites use for them.
//
// Called on the parse pool with the tree parse_html built; pure and thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include <gumbo.h>

#include "checks/inputs.h"

namespace sitepatrol::crawler {

// `base` is the resolved base URL that links are resolved against.
// `charset`: the page's, for the query of each row's link (charset.h encode_query).
std::vector<checks::ListRow> list_rows(const GumboNode* document, std::string_view base,
                                       std::string_view charset = {});

}  // namespace sitepatrol::crawler
