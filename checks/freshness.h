// Update freshness (issue 3; docs/codes.md, FRESH-HOME and FRESH-COLUMN): judged at the end
// of a site from SiteResult::columns and the homepage's facts,
// against the run's start day in Beijing time (SiteContext::now, an injected clock).
//
//  - FRESH-HOME (critical, subject the homepage URL): the newest dated entry on the homepage,
//    or the publication date of a page it links to, is more than 14 days old; or nothing
//    there carries a date (information without a date counts as not updated). Only judged
//    when the homepage answered and has text.
//  - FRESH-COLUMN (error, subject the column URL): the newest entry is older than the
//    column's limit (its max_age_days, [thresholds], or the class default); a column whose
//    entries carry no date at all is not updated either. Static columns are never stale.
//  - COLUMN-EMPTY (error, subject the column URL): the column's page says 暂无信息 (or a
//    similar placeholder) and lists no dated entry; or a column that should be updated
//    (any class but static) lists no entries and its page carries no date of its own.
//  - COLUMN-MISSING (error, subject the column key): a key the dictionary requires for the
//    site's category belongs to no column found by any cue (name, ending, URL folder,
//    dated list; checks/columns.h). Only judged when the homepage was read. The detail says
//    what was searched: how many pages' navigation and links, and the kind's cues.
// "Older than N days" means N+1 days or more: on day 14 a news column is still current.
#pragma once

#include "checks/registry.h"

namespace sitepatrol::checks {

inline constexpr int kHomepageMaxAgeDays = 14;

void check_home_freshness(const SiteContext& ctx, const SiteResult& result, Findings& out);
void check_columns(const SiteContext& ctx, const SiteResult& result, Findings& out);
void check_missing_columns(const SiteContext& ctx, const SiteResult& result, Findings& out);

}  // namespace sitepatrol::checks
