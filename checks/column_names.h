// Reading column names and column URLs (issue 3).
//
// A name is tidied before it is looked up in the column dictionary (config/columns.h):
// spaces, arrows and decorations (» · > >> ＞ 【】 [] 更多) are dropped. It then matches an
// entry's name when equal to it, or when it holds the name and at most four more characters
// (交通运输要闻 holds 要闻); among several matches the longest name wins, so
// 政府信息公开指南 is the guide, not 信息公开. Longer texts are article titles, not names.
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

// The dictionary entry `name` denotes, or nullptr.
const config::ColumnKind* column_kind_for(const std::vector<config::ColumnKind>& kinds,
                                          std::string_view name);

// The URL of the column's first page when `url` is one of its further pages, else `url`.
std::string column_first_page(std::string_view url);

// The column's folder URL: "http://a.example/tzgg/index.html" -> "http://a.example/tzgg/".
// Links to a column are written both ways; this is what identifies it.
std::string column_identity(std::string_view url);

}  // namespace sitepatrol::checks
