#include "checks/freshness.h"

#include <algorithm>
#include <string>

#include "checks/emit.h"

namespace sitepatrol::checks {
namespace {

using namespace std::chrono;

const PageSummary* homepage_of(const SiteResult& result) {
  for (const PageSummary& p : result.summaries) {
    if (p.is_homepage) return &p;
  }
  return nullptr;
}

std::string age_text(Date newest, Date today, int limit) {
  return "newest entry " + to_string(newest) + " is " +
         std::to_string(days_between(newest, today)) + " days old (limit " +
         std::to_string(limit) + " days)";
}

std::string column_label(const Column& c) {
  return c.key.empty() ? c.name : c.name + " (" + c.key + ")";
}

}  // namespace

void check_home_freshness(const SiteContext& ctx, const SiteResult& result, Findings& out) {
  const PageSummary* home = homepage_of(result);
  if (!home || !home->ok || home->facts.text_length == 0) return;
  const Date today = today_in_china(ctx.now);
  std::optional<Date> newest = newest_entry(home->facts.entries, today);
  for (const PageSummary& p : result.summaries) {  // articles the homepage links to
    if (p.depth != 1 || !p.ok || !p.facts.published) continue;
    const Date d = *p.facts.published;
    if (sys_days(d) <= sys_days(today) && (!newest || d > *newest)) newest = d;
  }
  const std::string& url = result.homepage.url;
  if (!newest) {
    emit(ctx, out, "FRESH-HOME", Severity::critical, url, url,
         "no dated entry on the homepage (information without a date counts as not updated)");
  } else if (days_between(*newest, today) > kHomepageMaxAgeDays) {
    emit(ctx, out, "FRESH-HOME", Severity::critical, url, url,
         "homepage not updated: " + age_text(*newest, today, kHomepageMaxAgeDays));
  }
}

void check_columns(const SiteContext& ctx, const SiteResult& result, Findings& out) {
  const Date today = today_in_china(ctx.now);
  for (const Column& c : result.columns) {
    if (!c.fetched) continue;  // unreachable: LINK-BROKEN tells
    const std::optional<Date> newest = newest_date(c, today);
    const bool listed = !c.entries.empty() || c.undated_entries > 0;
    if (c.placeholder && !newest) {
      emit(ctx, out, "COLUMN-EMPTY", Severity::error, c.url, c.url,
           column_label(c) + ": the column says it has no information yet");
      continue;
    }
    if (!c.max_age_days) continue;  // static: a page, not a list; never stale
    const int limit = *c.max_age_days;
    if (!listed && !newest) {
      emit(ctx, out, "COLUMN-EMPTY", Severity::error, c.url, c.url,
           column_label(c) + ": the column lists no entries");
    } else if (!newest) {
      emit(ctx, out, "FRESH-COLUMN", Severity::error, c.url, c.url,
           column_label(c) + ": no entry carries a date (counts as not updated)");
    } else if (days_between(*newest, today) > limit) {
      emit(ctx, out, "FRESH-COLUMN", Severity::error, c.url, c.url,
           column_label(c) + " [" + c.column_class + "]: " + age_text(*newest, today, limit));
    }
  }
}

void check_missing_columns(const SiteContext& ctx, const SiteResult& result, Findings& out) {
  const PageSummary* home = homepage_of(result);
  if (!home || !home->ok || !ctx.config || !ctx.site) return;
  for (const config::ColumnKind& kind : ctx.config->column_kinds) {
    if (std::ranges::find(kind.required, ctx.site->category) == kind.required.end()) continue;
    if (std::ranges::find(result.columns, kind.key, &Column::key) != result.columns.end()) {
      continue;
    }
    std::string looked_for;
    for (std::size_t i = 0; i < kind.names.size() && i < 3; ++i) {
      looked_for += (i ? ", " : "") + kind.names[i];
    }
    if (kind.names.size() > 3) looked_for += ", ...";
    emit(ctx, out, "COLUMN-MISSING", Severity::error, kind.key, result.homepage.url,
         "no " + kind.key + " column found (required for category " + ctx.site->category +
             "; names looked for: " + looked_for + ")");
  }
}

}  // namespace sitepatrol::checks
