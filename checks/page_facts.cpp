#include "checks/page_facts.h"

#include <algorithm>
#include <map>
#include <set>

#include "checks/host.h"
#include "checks/utf8.h"

namespace sitepatrol::checks {
namespace {

using namespace std::chrono;

// Texts that mean "nothing here yet".
constexpr std::string_view kPlaceholders[] = {
    "暂无信息", "暂无数据", "暂无内容", "暂无记录", "暂无相关信息", "没有相关信息",
    "正在建设中", "栏目建设中", "建设中，敬请期待", "信息正在更新中"};

// Meta names CMSs use for a page's publication date, lower case (crawler lower-cases them).
constexpr std::string_view kPublishedMeta[] = {
    "pubdate", "publishdate", "firstpublishedtime", "lastmodifiedtime", "publish_time",
    "publishtime", "article:published_time", "dc.date", "dc.date.issued", "createdate"};

constexpr std::pair<std::string_view, MetaTag> kMetaNames[] = {
    {"sitename", kSiteName},       {"sitedomain", kSiteDomain},
    {"siteidcode", kSiteIdCode},   {"columnname", kColumnName},
    {"columntype", kColumnType},   {"articletitle", kArticleTitle},
    {"pubdate", kPubDate},         {"contentsource", kContentSource}};

std::string_view folder_of(std::string_view url) {
  const auto query = url.find_first_of("?#");
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

std::optional<Date> row_date(const ListRow& row, Date today) {
  DateContext ctx{today, year_in_url(row.url)};
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

void read_entries(const PageContent& page, Date today, PageFacts& out) {
  std::map<int, std::vector<Entry>> lists;
  std::map<int, int> dated;
  for (const ListRow& row : page.rows) {
    if (!row.region.empty()) continue;
    Entry e{row.url, row.link_text, row_date(row, today)};
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
    case kSiteName: return "SiteName";
    case kSiteDomain: return "SiteDomain";
    case kSiteIdCode: return "SiteIDCode";
    case kColumnName: return "ColumnName";
    case kColumnType: return "ColumnType";
    case kArticleTitle: return "ArticleTitle";
    case kPubDate: return "PubDate";
    case kContentSource: return "ContentSource";
  }
  return "";
}

PageFacts page_facts(const PageContent& page, Date today) {
  PageFacts out;
  read_entries(page, today, out);
  for (std::string_view p : kPlaceholders) {
    if (page.text.find(p) != std::string_view::npos) out.placeholder = true;
  }
  const DateContext ctx{today, year_in_url(page.url)};
  for (const auto& [name, content] : page.meta) {
    if (content.empty()) continue;
    for (auto [meta, bit] : kMetaNames) {
      if (name == meta) out.meta |= bit;
    }
    if (name == "columnname" && out.column_name.empty()) out.column_name = content;
    if (!out.published && std::ranges::find(kPublishedMeta, name) != std::end(kPublishedMeta)) {
      out.published = first_date(content, ctx);
    }
  }
  if (!out.published) out.published = date_in_url(page.url);
  // Dates of footers (更新时间, copyright lines) and calendars say nothing about the content.
  std::set<Date> outside_content;
  for (const ListRow& row : page.rows) {
    if (row.region != "footer" && row.region != "calendar") continue;
    for (Date d : find_dates(row.text, ctx)) outside_content.insert(d);
  }
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
