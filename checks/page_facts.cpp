#include "checks/page_facts.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "checks/host.h"
#include "checks/needle.h"
#include "checks/utf8.h"
#include "config/find_any.h"

namespace sitepatrol::checks {
namespace {

using namespace std::chrono;

// Texts that mean "nothing here yet".
constexpr std::string_view kPlaceholders[] = {
    "暂无信息",     "暂无数据",   "暂无内容",   "暂无记录",         "暂无相关信息",
    "没有相关信息", "正在建设中", "栏目建设中", "建设中，敬请期待", "信息正在更新中"};

// Meta names CMSs use for a page's publication date, lower case (crawler lower-cases them).
constexpr std::string_view kPublishedMeta[] = {
    "pubdate",        "publishdate", "firstpublishedtime",     "lastmodifiedtime",
    "publish_time",   "publishtime", "article:published_time", "dc.date",
    "dc.date.issued", "createdate"};

constexpr std::pair<std::string_view, MetaTag> kMetaNames[] = {
    {"sitename", kSiteName},     {"sitedomain", kSiteDomain},      {"siteidcode", kSiteIdCode},
    {"columnname", kColumnName}, {"columntype", kColumnType},      {"articletitle", kArticleTitle},
    {"pubdate", kPubDate},       {"contentsource", kContentSource}};

// Labels an article page puts before its own date, most specific first. The generic 日期/时间
// only count followed by a colon, and not for today's date (a template's header clock).
constexpr std::string_view kDateLabels[] = {"发布日期", "发布时间", "发文日期",
                                            "发表时间", "发稿时间", "发布于"};
constexpr std::string_view kGenericDateLabels[] = {"日期", "时间"};
// Words that make a generic label some other date: 更新日期, 截止时间, 开始时间, ...
constexpr std::string_view kOtherDates[] = {"更新", "修改", "访问", "截止", "开始", "结束",
                                            "成文", "打印", "当前", "受理", "回复", "答复",
                                            "办结", "留言", "有效", "实施", "生效", "服务"};

// The words above, made once for searching the page text (checks/needle.h).
template <std::size_t N>
std::vector<Needle> needles(const std::string_view (&words)[N]) {
  return std::vector<Needle>(std::begin(words), std::end(words));
}
const std::vector<Needle>& placeholders() {
  static const std::vector<Needle> n = needles(kPlaceholders);
  return n;
}
const std::vector<Needle>& date_labels(bool generic) {
  static const std::vector<Needle> specific = needles(kDateLabels);
  static const std::vector<Needle> general = needles(kGenericDateLabels);
  return generic ? general : specific;
}

bool starts_a_date(std::string_view s) {
  if (s.empty()) return false;
  if (s[0] >= '0' && s[0] <= '9') return true;
  // Full-width digits (０-９) and the numerals a year in Chinese starts with (一, 二).
  const bool full_width_digit = s.size() >= 3 && s.starts_with("\xEF\xBC") &&
                                static_cast<unsigned char>(s[2]) >= 0x90 &&
                                static_cast<unsigned char>(s[2]) <= 0x99;
  return full_width_digit || s.starts_with("一") || s.starts_with("二");
}

// The date right after `label` at `at`, and where it starts: separators (spaces, colons,
// brackets) skipped, then a date must begin there. `colon` requires a colon among them.
std::optional<std::pair<Date, std::size_t>> date_after(std::string_view text, std::size_t at,
                                                       std::string_view label, bool colon,
                                                       const DateContext& ctx) {
  std::size_t i = at + label.size();
  bool saw_colon = false;
  for (;;) {
    if (i < text.size() && (text[i] == ' ' || text[i] == ':' || text[i] == ']')) {
      saw_colon |= text[i] == ':';
      ++i;
    } else if (text.substr(i).starts_with("：")) {
      saw_colon = true;
      i += std::string_view("：").size();
    } else if (text.substr(i).starts_with("】")) {
      i += std::string_view("】").size();
    } else {
      break;
    }
  }
  if ((colon && !saw_colon) || !starts_a_date(text.substr(i))) return std::nullopt;
  const std::optional<Date> d = first_date(text.substr(i, 48), ctx);
  if (!d) return std::nullopt;
  return std::pair(*d, i);
}

// True when the label and date text[at, end) belong to a list entry ("发布时间：..." on each
// row of a list), not to the page itself.
bool in_a_list_row(const PageContent& page, std::string_view text, std::size_t at,
                   std::size_t end) {
  const std::string_view labelled = text.substr(at, end - at);
  return std::ranges::any_of(page.rows, [&](const ListRow& row) {
    return row.region.empty() && row.text.find(labelled) != std::string::npos;
  });
}

// The first usable date after a label of kDateLabels, or of kGenericDateLabels when
// `generic`.
template <typename Usable>
std::optional<Date> labelled_date(const PageContent& page, const DateContext& ctx,
                                  const Usable& usable, bool generic) {
  const std::string_view text = page.text;
  for (const Needle& needle : date_labels(generic)) {
    const std::string_view label = needle.word();
    for (std::size_t at = needle.find_in(text); at != std::string_view::npos;
         at = needle.find_in(text, at + label.size())) {
      if (generic && std::ranges::any_of(kOtherDates, [&](std::string_view w) {
            return text.substr(0, at).ends_with(w);
          })) {
        continue;
      }
      const auto found = date_after(text, at, label, generic, ctx);
      if (!found || !usable(found->first)) continue;
      // Ten bytes of the date ("2019-03-05", "2019年3月") are enough to tell the row.
      if (in_a_list_row(page, text, at, std::min(text.size(), found->second + 10))) continue;
      if (generic && found->first == ctx.today) continue;
      return found->first;
    }
  }
  return std::nullopt;
}

// An info line without a label: "2020年09月15日 09时32分 来源: 绵阳市政务网" (开普云 article
// templates): the last date in the few bytes before 来源.
template <typename Usable>
std::optional<Date> date_before_source(const PageContent& page, const DateContext& ctx,
                                       const Usable& usable) {
  constexpr std::size_t kWindow = 40;  // a date and a time, "2020年09月15日 09时32分 "
  const std::string_view text = page.text;
  static const Needle kSource("来源");
  for (std::size_t at = kSource.find_in(text); at != std::string_view::npos;
       at = kSource.find_in(text, at + kSource.size())) {
    std::size_t from = at > kWindow ? at - kWindow : 0;
    while (from < at && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
    const std::vector<Date> dates = find_dates(text.substr(from, at - from), ctx);
    if (dates.empty() || !usable(dates.back())) continue;
    if (in_a_list_row(page, text, from, at + kSource.size())) continue;
    return dates.back();
  }
  return std::nullopt;
}

// The page's own date as a reader sees it: the first date after a label of kDateLabels, else
// right before 来源 in an info line, else after a generic label; not a list entry's, not a
// footer's or a calendar's, not after today.
std::optional<Date> visible_date(const PageContent& page, const DateContext& ctx,
                                 const std::set<Date>& outside_content) {
  const auto usable = [&](Date d) {
    return !outside_content.contains(d) && sys_days(d) <= sys_days(ctx.today);
  };
  if (auto d = labelled_date(page, ctx, usable, false)) return d;
  if (auto d = date_before_source(page, ctx, usable)) return d;
  return labelled_date(page, ctx, usable, true);
}

std::string_view folder_of(std::string_view url) {
  const auto query = find_any(url, "?#");
  url = url.substr(0, query);
  const auto slash = url.rfind('/');
  return slash == std::string_view::npos ? url : url.substr(0, slash + 1);
}

// Pagination links: 下一页, 第2页, index_1.html and the like belong to the list itself.
bool is_pager(const Entry& e) {
  constexpr std::string_view kWords[] = {"上一页", "下一页", "首页", "尾页", "末页", "页"};
  for (std::string_view w : kWords) {
    if (e.title.find(w) != std::string::npos && code_points(e.title) <= 6) return true;
  }
  return e.title.find_first_not_of("0123456789 ") == std::string::npos;
}

std::optional<Date> row_date(const ListRow& row, const DateContext& ctx) {
  std::string outside;
  const auto at = row.link_text.empty() ? std::string::npos : row.text.find(row.link_text);
  if (at == std::string::npos) {
    outside = row.text;
  } else {
    outside.append(row.text, 0, at);
    outside.push_back(' ');
    outside.append(row.text, at + row.link_text.size());
  }
  if (auto d = first_date(outside, ctx)) return d;
  return first_date(row.link_text, ctx);
}

// The date of a row whose URL gives no year. A month-day date ("10-09") belongs near the
// page's other entries: of the year of `anchor` (the newest entry whose URL says its year)
// and the year after, the one closer to it, never in the future. Without an anchor, the
// year is today's (dates.h). A saved 2023 homepage read in 2025 keeps its 2023 dates, and a
// stale homepage is not made fresh by one entry without a year in its address.
std::optional<Date> undated_url_row_date(const ListRow& row, Date today,
                                         std::optional<Date> anchor) {
  if (!anchor) return row_date(row, DateContext{today, std::nullopt});
  const int y = static_cast<int>(anchor->year());
  std::optional<Date> best;
  for (int year : {y, y + 1}) {
    auto d = row_date(row, DateContext{today, year});
    if (!d || sys_days(*d) > sys_days(today)) continue;
    const auto distance = [&](Date x) {
      return std::abs((sys_days(x) - sys_days(*anchor)).count());
    };
    if (!best || distance(*d) < distance(*best)) best = d;
  }
  return best ? best : row_date(row, DateContext{today, std::nullopt});
}

void read_entries(const PageContent& page, Date today, PageFacts& out) {
  // First the rows whose URL says their year; the newest of them anchors the others.
  std::vector<std::optional<Date>> dates(page.rows.size());
  std::vector<std::optional<int>> years(page.rows.size());
  std::optional<Date> anchor;
  for (std::size_t i = 0; i < page.rows.size(); ++i) {
    const ListRow& row = page.rows[i];
    if (!row.region.empty()) continue;
    years[i] = year_in_url(row.url);
    if (!years[i]) continue;
    dates[i] = row_date(row, DateContext{today, years[i]});
    if (dates[i] && (!anchor || *dates[i] > *anchor)) anchor = dates[i];
  }
  std::map<int, std::vector<Entry>> lists;
  std::map<int, int> dated;
  for (std::size_t i = 0; i < page.rows.size(); ++i) {
    const ListRow& row = page.rows[i];
    if (!row.region.empty()) continue;
    if (!years[i]) dates[i] = undated_url_row_date(row, today, anchor);
    Entry e{row.url, row.link_text, dates[i]};
    if (e.date) ++dated[row.list];
    lists[row.list].push_back(std::move(e));
  }
  const std::string_view folder = folder_of(page.final_url.empty() ? page.url : page.final_url);
  for (auto& [list, entries] : lists) {
    if (dated[list] > 0) {
      for (Entry& e : entries) out.entries.push_back(std::move(e));
      continue;
    }
    for (const Entry& e : entries) {
      if (e.url == page.url || is_pager(e)) continue;
      const bool inside = e.url.starts_with(folder) && e.url.size() > folder.size();
      const bool titled = host_of(e.url) == host_of(folder) && code_points(e.title) >= 8;
      if (inside || titled) ++out.undated_entries;
    }
  }
}

}  // namespace

std::string_view meta_tag_name(MetaTag tag) {
  switch (tag) {
    case kSiteName:
      return "SiteName";
    case kSiteDomain:
      return "SiteDomain";
    case kSiteIdCode:
      return "SiteIDCode";
    case kColumnName:
      return "ColumnName";
    case kColumnType:
      return "ColumnType";
    case kArticleTitle:
      return "ArticleTitle";
    case kPubDate:
      return "PubDate";
    case kContentSource:
      return "ContentSource";
  }
  return "";
}

PageFacts page_facts(const PageContent& page, Date today) {
  PageFacts out;
  read_entries(page, today, out);
  out.placeholder = std::ranges::any_of(placeholders(), [&](const Needle& p) {
    return p.find_in(page.text) != std::string_view::npos;
  });
  const DateContext ctx{today, year_in_url(page.url)};
  std::optional<Date> in_meta;
  for (const auto& [name, content] : page.meta) {
    if (content.empty()) continue;
    for (auto [meta, bit] : kMetaNames) {
      if (name == meta) out.meta |= bit;
    }
    if (name == "columnname" && out.column_name.empty()) out.column_name = content;
    if (!in_meta && std::ranges::find(kPublishedMeta, name) != std::end(kPublishedMeta)) {
      in_meta = first_date(content, ctx);
    }
  }
  // Dates of footers (更新时间, copyright lines) and calendars say nothing about the content.
  std::set<Date> outside_content;
  for (const ListRow& row : page.rows) {
    if (row.region != "footer" && row.region != "calendar") continue;
    for (Date d : find_dates(row.text, ctx)) outside_content.insert(d);
  }
  // An article's date is the one its readers see: CMSs re-stamp PubDate (and the like) when
  // a page is republished, which makes an old article look years newer. The meta tag, then
  // the URL, count only when no date is visible. Pages with no sign of being an article (no
  // ArticleTitle or PubDate tag, no date in the meta or the URL) keep no published date, so a
  // column page's header date does not make it one.
  const std::optional<Date> in_url = date_in_url(page.url);
  const bool article = (out.meta & (kArticleTitle | kPubDate)) != 0 || in_meta || in_url;
  if (article) out.published = visible_date(page, ctx, outside_content);
  if (!out.published) out.published = in_meta;
  if (!out.published) out.published = in_url;
  for (Date d : find_dates(page.text, ctx)) {
    if (outside_content.contains(d) || sys_days(d) > sys_days(today)) continue;
    if (!out.newest_in_text || d > *out.newest_in_text) out.newest_in_text = d;
  }
  out.text_length = page.text.size();
  return out;
}

std::optional<Date> newest_entry(const std::vector<Entry>& entries, Date today) {
  std::optional<Date> newest;
  for (const Entry& e : entries) {
    if (e.date && sys_days(*e.date) <= sys_days(today) && (!newest || *e.date > *newest)) {
      newest = e.date;
    }
  }
  return newest;
}

}  // namespace sitepatrol::checks
