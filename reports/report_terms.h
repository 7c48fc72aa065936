// The vocabulary of the reports: the column keys and feature kinds of docs/codes.md with
// what each category must have, and the labels of codes, severities, columns and features in
// Chinese and English. Pure functions over static tables; any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checks/finding.h"

namespace sitepatrol::reports {

enum class Lang { zh, en };

// `zh` or `en` text by the report's language.
inline std::string_view pick(Lang lang, std::string_view zh, std::string_view en) {
  return lang == Lang::zh ? zh : en;
}

// Which index a required column feeds (docs/indices.md).
enum class ColumnGroup { disclosure, service };

struct ColumnKey {
  std::string_view key;
  std::string_view zh;
  std::string_view en;
  std::string_view column_class;
  ColumnGroup group;
  std::vector<std::string_view> required_for;  // categories
};

// docs/codes.md's column table, in its order.
const std::vector<ColumnKey>& column_keys();
// The keys of `group` that `category` must have, in table order.
std::vector<std::string_view> required_columns(std::string_view category, ColumnGroup group);

// The interaction channels the interaction index counts (docs/codes.md, "Interaction").
const std::vector<std::string_view>& interaction_channels();
// Online interviews a category must hold a year (local 2, ministry_unit 1, maritime 2;
// the ministry's portal 2).
int required_interviews(std::string_view category);

// Labels; the key itself when unknown (a code from a newer sitepatrol shows as is).
std::string code_label(std::string_view code, Lang lang);
std::string column_label(std::string_view key, Lang lang);
std::string feature_label(std::string_view kind, Lang lang);
std::string severity_label(checks::Severity severity, Lang lang);
std::string category_label(std::string_view category, Lang lang);
// Why a run could not check a site completely (store::SiteCoverage's state and reason):
// "首页无法访问（HTTP 503）", "page limit reached (max_pages_per_site): ...".
std::string coverage_text(std::string_view state, std::string_view reason, Lang lang);

}  // namespace sitepatrol::reports
