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
         std::to_string(days_between(newest, today)) + " days old (limit " + std::to_string(limit) +
         " days)";
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

// "names 组织机构, 机构职能, 机构设置 (and 17 more), names ending in 领导, 机构, and URL
// folders /jgzn/, /jgsz/ (and 8 more)": what a column of the kind would have been known by.
std::string cues_of(const config::ColumnKind& kind) {
  auto list = [](const std::vector<std::string>& items, std::string_view before,
                 std::string_view after) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < 3; ++i) {
      out += std::string(i ? ", " : "") + std::string(before) + items[i] + std::string(after);
    }
    if (items.size() > 3) out += " (and " + std::to_string(items.size() - 3) + " more)";
    return out;
  };
  std::string cues = "names " + list(kind.names, "", "");
  if (!kind.endings.empty()) cues += ", names ending in " + list(kind.endings, "", "");
  if (!kind.paths.empty()) cues += ", URL folders " + list(kind.paths, "/", "/");
  return cues;
}

// "the navigation of 12 pages (1,204 links) and 31 pages' own names".
std::string searched_of(const SiteResult& result) {
  std::size_t nav_pages = 0, links = 0, pages = 0;
  for (const PageSummary& p : result.summaries) {
    if (!p.ok) continue;
    ++pages;
    if (!p.nav_links.empty()) ++nav_pages;
    links += p.nav_links.size();
  }
  return "the navigation of " + std::to_string(nav_pages) + " pages (" + std::to_string(links) +
         " links) and the names and lists of " + std::to_string(pages) + " pages";
}

void check_missing_columns(const SiteContext& ctx, const SiteResult& result, Findings& out) {
  const PageSummary* home = homepage_of(result);
  if (!home || !home->ok || !ctx.config || !ctx.site) return;
  const std::string searched = searched_of(result);
  for (const config::ColumnKind& kind : ctx.config->column_kinds) {
    if (std::ranges::find(kind.required, ctx.site->category) == kind.required.end()) continue;
    if (std::ranges::find(result.columns, kind.key, &Column::key) != result.columns.end()) {
      continue;
    }
    emit(ctx, out, "COLUMN-MISSING", Severity::error, kind.key, result.homepage.url,
         "no " + kind.key + " column found (required for category " + ctx.site->category +
             "); searched " + searched + " for " + cues_of(kind));
  }
}

}  // namespace sitepatrol::checks
