// A finding's detail and subject as its reader reads them (issue 14).
//
// Checks give each finding a detail code ("fresh.column_stale") and its values beside the
// English sentence (checks/finding.h). Here each code has a sentence in both languages:
// Chinese as a provincial office writes to a site owner (最新信息发布于2025年8月12日，已479天
// 未更新（要求365天内更新）), English as the checks have always written it. Findings without a
// code (stored before codes existed) or with one this build does not know show their stored
// English text. Subjects that are keys (a feature kind, a column key, a meta tag) are named.
// Pure functions over static tables; any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checks/finding.h"
#include "reports/report_terms.h"

namespace sitepatrol::reports {

// The detail in `lang`. English is the stored text when there is one, so output read by
// scripts before issue 14 does not change.
std::string detail_text(const checks::Finding& f, Lang lang);

// The sentence of `code` filled with `args`; "" when the code is unknown.
std::string render_detail(std::string_view code, const checks::DetailArgs& args, Lang lang);

// Every code the renderer knows, each with both languages.
std::vector<std::string_view> detail_codes();

// The subject as a reader names it: ID-MISSING's "icp" is ICP备案号, COLUMN-MISSING's
// "maritime_projects" 海事项目, META-MISSING's "ColumnName" 栏目名称元数据（ColumnName）.
// A link finding's URL is shown decoded for reading (reports/link_display.h); other URLs
// and host names stay as they are.
std::string subject_text(const checks::Finding& f, Lang lang);

}  // namespace sitepatrol::reports
