// Reading column names and column URLs (issues 3 and 11).
//
// A name is tidied before it is looked up in the column dictionary (config/columns.h):
// spaces, arrows and decorations (» · > >> ＞ 【】 [] 更多) are dropped. A department's name
// (市应急管理局, 广州市南沙区统计局, 市文化旅游委: it ends in 局 厅 委 委员会 办公室 政府 ...)
// names no column, whatever it holds. Otherwise it matches an entry's name when equal to it,
// or when it holds the name and at most four more characters (交通运输要闻 holds 要闻);
// among several matches the longest name wins, so 政府信息公开指南 is the guide, not
// 信息公开. Failing that, a short name (at most eight characters) is known by how it ends:
// the entry's `endings` (县区动态 and 营商动态 end in 动态, 政府公告 in 公告). Longer texts are
// article titles, not names.
//
// A link the names do not place may still lead to a column: the big CMSs give columns
// conventional folder names (TRS /tzgg/, /zwdt/; 集约化 /fdzdgknr/; /jgzn/ ...), the entries'
// `paths`. A folder counts when the URL is shaped like a column (a folder, index.html,
// list.shtml, xxgk_list.shtml), not an article (a date or a long number in the URL);
// suffixes like _221 and 67 are dropped (zwxx_221, zfwj67).
//
// Pagination pages belong to their column: index_2.html, list_3.shtml, default_1.htm and
// ?page=2 / ?pageNo=2 / ?pageIndex=2 / ?curPage=2 / ?p=2 name the column's first page.
// Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"

namespace sitepatrol::checks {

std::string tidy_column_name(std::string_view name);

// Whether a tidied name is a department's or a government's (ends in 局, 委员会, 政府 ...).
bool looks_like_department(std::string_view tidy_name);

// The dictionary entry `name` denotes (by name, then by ending), or nullptr.
const config::ColumnKind* column_kind_for(const std::vector<config::ColumnKind>& kinds,
                                          std::string_view name);

// The column folder of a column-shaped URL ("zwdt" for .../zwdt/index.html), lower case,
// without numeric suffixes; "" for an article's URL or the site root.
std::string column_folder(std::string_view url);

// The entry whose `paths` hold the URL's column folder, or nullptr.
const config::ColumnKind* column_kind_for_path(const std::vector<config::ColumnKind>& kinds,
                                               std::string_view url);

// A navigation link: its text by name and ending, else its URL by folder when the text is
// a short name (not a department's, not empty after tidying, not a 公开 section's).
const config::ColumnKind* column_kind_for_link(const std::vector<config::ColumnKind>& kinds,
                                               std::string_view text, std::string_view url);

// The URL of the column's first page when `url` is one of its further pages, else `url`.
std::string column_first_page(std::string_view url);

// The column's folder URL: "http://a.example/tzgg/index.html" -> "http://a.example/tzgg/".
// Links to a column are written both ways; this is what identifies it.
std::string column_identity(std::string_view url);

}  // namespace sitepatrol::checks
