// What freshness needs to remember of one page: its dated list entries, its publication date,
// its ColumnName and which of the design rules' meta tags it carries. Computed when the page
// is parsed, stored with it (a 304 next time reuses them), and read at the end of the site by
// the column checks (checks/columns.h).
//
// Entries come from the page's list rows (checks::ListRow) outside navigation, footers and
// calendars. A row's date is the first date in its text outside the link text (a title may
// quote a date), else in the link text; month-day dates take their year from the row's URL
// (TRS and Hanweb put the date there), else from today. Lists where no row has a date give
// "undated entries" only when their links lead into the page's own folder (articles of the
// column), so a side menu is not taken for an undated list.
//
// An article's published date is the date its readers see after 发布日期/发布时间/发文日期/
// 发表时间/发稿时间/发布于, else right before 来源 in an unlabelled info line (开普云:
// "2020年09月15日 09时32分 来源: ..."), else after 日期：/时间： (not 更新日期 and the like, not
// today's date), outside its lists, footer and calendars; a PubDate-like meta tag counts only
// when no date is visible (CMSs re-stamp it on republishing), then a date in the URL. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/dates.h"
#include "checks/inputs.h"

namespace sitepatrol::checks {

struct Entry {
  std::string url;
  std::string title;
  std::optional<Date> date;

  bool operator==(const Entry&) const = default;
};

// The meta tags of the government web page design rules (docs/codes.md, META-MISSING).
enum MetaTag : std::uint8_t {
  kSiteName = 1 << 0,
  kSiteDomain = 1 << 1,
  kSiteIdCode = 1 << 2,
  kColumnName = 1 << 3,
  kColumnType = 1 << 4,
  kArticleTitle = 1 << 5,
  kPubDate = 1 << 6,
  kContentSource = 1 << 7,
};
// "SiteName", ... as the rules spell them.
std::string_view meta_tag_name(MetaTag tag);
inline constexpr MetaTag kAllMetaTags[] = {kSiteName,   kSiteDomain,   kSiteIdCode,
                                           kColumnName, kColumnType,   kArticleTitle,
                                           kPubDate,    kContentSource};

struct PageFacts {
  std::vector<Entry> entries;          // rows of lists holding at least one dated row
  int undated_entries = 0;             // article links in lists without any date
  bool placeholder = false;            // 暂无信息, 暂无数据, 正在建设中, ...
  std::optional<Date> published;       // an article's date: the visible one (发布日期：...),
                                       // else a PubDate-like meta tag, else a date in the URL
  std::optional<Date> newest_in_text;  // the newest date in the visible text, not after today
                                       // and not one of the footer's or a calendar's
  std::string column_name;             // the ColumnName meta tag
  std::uint8_t meta = 0;               // MetaTag bits present (non-empty content)
  std::size_t text_length = 0;         // bytes of visible text

  bool operator==(const PageFacts&) const = default;
};

// What page_facts reads of a page. The parse job has these before a PageResult exists, so the
// facts are worked out on the parse pool, not on the I/O thread.
struct PageContent {
  std::string_view url;        // as requested
  std::string_view final_url;  // after redirects
  std::string_view text;       // visible text
  const std::vector<std::pair<std::string, std::string>>& meta;
  const std::vector<ListRow>& rows;
};

PageFacts page_facts(const PageContent& page, Date today);
inline PageFacts page_facts(const PageResult& page, Date today) {
  return page_facts(PageContent{page.url, page.final_url, page.text, page.meta, page.rows}, today);
}

// The newest entry date that is not after today.
std::optional<Date> newest_entry(const std::vector<Entry>& entries, Date today);

}  // namespace sitepatrol::checks
