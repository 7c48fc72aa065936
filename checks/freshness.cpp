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

// The column's values every column detail carries: its name as the site words it, and its
// key when it is one of the required columns.
DetailArgs column_args(const Column& c) { return {{"name", c.name}, {"column", c.key}}; }

DetailArgs with(DetailArgs args, const DetailArgs& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

DetailArgs age_args(Date newest, Date today, int limit) {
  return {{"newest", to_string(newest)},
          {"age_days", std::to_string(days_between(newest, today))},
          {"limit_days", std::to_string(limit)}};
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
         Detail{"no dated entry on the homepage (information without a date counts as not updated)",
                "fresh.home_undated"});
  } else if (days_between(*newest, today) > kHomepageMaxAgeDays) {
    emit(ctx, out, "FRESH-HOME", Severity::critical, url, url,
         Detail{"homepage not updated: " + age_text(*newest, today, kHomepageMaxAgeDays),
                "fresh.home_stale", age_args(*newest, today, kHomepageMaxAgeDays)});
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
           Detail{column_label(c) + ": the column says it has no information yet",
                  "column.placeholder", column_args(c)});
      continue;
    }
    if (!c.max_age_days) continue;  // static: a page, not a list; never stale
    const int limit = *c.max_age_days;
    if (!listed && !newest) {
      emit(ctx, out, "COLUMN-EMPTY", Severity::error, c.url, c.url,
           Detail{column_label(c) + ": the column lists no entries", "column.no_entries",
                  column_args(c)});
    } else if (!newest) {
      emit(ctx, out, "FRESH-COLUMN", Severity::error, c.url, c.url,
           Detail{column_label(c) + ": no entry carries a date (counts as not updated)",
                  "fresh.column_undated", column_args(c)});
    } else if (days_between(*newest, today) > limit) {
      emit(ctx, out, "FRESH-COLUMN", Severity::error, c.url, c.url,
           Detail{column_label(c) + " [" + c.column_class + "]: " + age_text(*newest, today, limit),
                  "fresh.column_stale",
                  with(with(column_args(c), {{"column_class", c.column_class}}),
                       age_args(*newest, today, limit))});
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

// The cues as detail values: the first three of each list joined by 、 and how many more.
DetailArgs cue_args(const config::ColumnKind& kind) {
  DetailArgs args;
  auto list = [&](std::string_view key, const std::vector<std::string>& items,
                  std::string_view around) {
    std::string joined;
    for (std::size_t i = 0; i < items.size() && i < 3; ++i) {
      joined += std::string(i ? "、" : "") + std::string(around) + items[i] + std::string(around);
    }
    args.push_back({std::string(key), joined});
    args.push_back({std::string(key) + "_more",
                    items.size() > 3 ? std::to_string(items.size() - 3) : std::string()});
  };
  list("names", kind.names, "");
  list("endings", kind.endings, "");
  list("paths", kind.paths, "/");
  return args;
}

// What the walk searched: pages with navigation, their links, pages read.
struct Searched {
  std::size_t nav_pages = 0, links = 0, pages = 0;
};

Searched searched_of(const SiteResult& result) {
  Searched s;
  for (const PageSummary& p : result.summaries) {
    if (!p.ok) continue;
    ++s.pages;
    if (!p.nav_links.empty()) ++s.nav_pages;
    s.links += p.nav_links.size();
  }
  return s;
}

// "the navigation of 12 pages (1,204 links) and the names and lists of 31 pages".
std::string searched_text(const Searched& s) {
  return "the navigation of " + std::to_string(s.nav_pages) + " pages (" + std::to_string(s.links) +
         " links) and the names and lists of " + std::to_string(s.pages) + " pages";
}

void check_missing_columns(const SiteContext& ctx, const SiteResult& result, Findings& out) {
  const PageSummary* home = homepage_of(result);
  if (!home || !home->ok || !ctx.config || !ctx.site) return;
  const Searched counts = searched_of(result);
  const std::string searched = searched_text(counts);
  for (const config::ColumnKind& kind : ctx.config->column_kinds) {
    if (std::ranges::find(kind.required, ctx.site->category) == kind.required.end()) continue;
    if (std::ranges::find(result.columns, kind.key, &Column::key) != result.columns.end()) {
      continue;
    }
    emit(ctx, out, "COLUMN-MISSING", Severity::error, kind.key, result.homepage.url,
         Detail{"no " + kind.key + " column found (required for category " + ctx.site->category +
                    "); searched " + searched + " for " + cues_of(kind),
                "column.missing",
                with(DetailArgs{{"column", kind.key},
                                {"category", ctx.site->category},
                                {"nav_pages", std::to_string(counts.nav_pages)},
                                {"nav_links", std::to_string(counts.links)},
                                {"pages", std::to_string(counts.pages)}},
                     cue_args(kind))});
  }
}

}  // namespace sitepatrol::checks
