#include "checks/freshness.h"

#include <gtest/gtest.h>

#include "checks/column_history.h"
#include "checks/meta_tags.h"
#include "config/columns.h"
#include "crawler/html.h"

namespace sitepatrol::checks {
namespace {

using namespace std::chrono;

constexpr std::string_view kHome = "http://www.site.example/";

// A site as the crawler leaves it at the end: pages parsed from HTML, summarised, columns
// found. "Today" is 2026-11-25 in Beijing.
class Site {
 public:
  Site() {
    config_.column_kinds = config::builtin_column_kinds();
    config_.thresholds = config::default_thresholds();
    site_.id = "s";
    site_.url = std::string(kHome);
    site_.category = "local";
    ctx_.site = &site_;
    ctx_.config = &config_;
    ctx_.own_hosts = {"www.site.example"};
    ctx_.now = sys_days{year{2026} / 11 / 25} + hours{2};
  }

  void page(std::string path, std::string html, int depth = 1) {
    PageResult p;
    p.url = std::string(kHome.substr(0, kHome.size() - 1)) + path;
    p.final_url = p.url;
    p.depth = path == "/" ? 0 : depth;
    p.is_homepage = path == "/";
    p.status = 200;
    auto parsed = crawler::parse_html(html, p.url);
    p.title = parsed.title;
    p.text = parsed.text;
    p.links = parsed.links;
    p.meta = parsed.meta;
    p.rows = parsed.rows;
    if (p.is_homepage) result_.homepage = p;
    result_.summaries.push_back(summarize_page(ctx_, p, page_facts(p, today()), result_.nav_links));
  }

  Findings run(void (*check)(const SiteContext&, const SiteResult&, Findings&)) {
    result_.columns = find_columns(ctx_, result_.summaries);
    Findings out;
    check(ctx_, result_, out);
    return out;
  }

  Date today() const { return today_in_china(ctx_.now); }
  config::Config& config() { return config_; }
  config::SiteConfig& site() { return site_; }
  SiteResult& result() { return result_; }

 private:
  config::Config config_;
  config::SiteConfig site_;
  SiteContext ctx_;
  SiteResult result_;
};

std::string list_page(std::string_view column, std::string_view rows) {
  return "<html><head><meta name=ColumnName content=\"" + std::string(column) +
         "\"><title>" + std::string(column) + "</title></head><body><ul class=list>" +
         std::string(rows) + "</ul><div class=footer>版权所有 © 2012 <a href=/map>网站地图</a> "
         "更新时间：2026-11-24</div></body></html>";
}

std::string row(std::string_view href, std::string_view date) {
  return "<li><a href=\"" + std::string(href) + "\">一条足够长的新闻标题</a><span>" +
         std::string(date) + "</span></li>";
}

std::string nav_home(std::string_view links, std::string_view news_date) {
  return "<html><body><div class=nav>" + std::string(links) +
         "</div><ul class=news>" + row("/a/1.html", news_date) + "</ul></body></html>";
}

// ---- the edges of the limits ---------------------------------------------------------------

TEST(Freshness, NewsColumnIsCurrentOnDay14AndStaleOnDay15) {
  for (auto [date, stale] : {std::pair{"2026-11-12", false}, std::pair{"2026-11-11", false},
                             std::pair{"2026-11-10", true}}) {
    Site s;
    s.page("/", nav_home("<a href=/gzdt/>工作动态</a>", "2026-11-24"));
    s.page("/gzdt/", list_page("工作动态", row("/gzdt/1.html", date)));
    const Findings f = s.run(check_columns);
    EXPECT_EQ(f.size(), stale ? 1u : 0u) << date;
    if (stale) {
      EXPECT_EQ(f[0].subject, "http://www.site.example/gzdt/");
    }
  }
}

TEST(Freshness, HomepageOn13And15Days) {
  Site fresh;
  fresh.page("/", nav_home("", "2026-11-12"));
  EXPECT_TRUE(fresh.run(check_home_freshness).empty());
  Site stale;
  stale.page("/", nav_home("", "2026-11-10"));
  const Findings f = stale.run(check_home_freshness);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].code, "FRESH-HOME");
  EXPECT_EQ(f[0].severity, Severity::critical);
  EXPECT_EQ(f[0].detail,
            "homepage not updated: newest entry 2026-11-10 is 15 days old (limit 14 days)");
}

TEST(Freshness, UndatedHomepageIsNotUpdated) {
  Site s;
  s.page("/", "<html><body><ul><li><a href=/a.html>新闻一</a></li><li><a href=/b.html>新闻二"
              "</a></li></ul><div class=footer>© 2012 <a href=/m>地图</a></div></body></html>");
  const Findings f = s.run(check_home_freshness);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].detail.find("no dated entry"), std::string::npos);
}

TEST(Freshness, ThresholdsAndColumnOverridesMoveTheLimit) {
  Site s;
  s.config().thresholds["notice"] = 30;
  s.page("/", nav_home("<a href=/tzgg/>通知公告</a>", "2026-11-24"));
  s.page("/tzgg/", list_page("通知公告", row("/tzgg/1.html", "2026-10-01")));  // 55 days
  EXPECT_EQ(s.run(check_columns).size(), 1u);

  Site own;
  own.site().columns.push_back({"通知公告", "http://www.site.example/tzgg/", "notice", 60, ""});
  own.page("/", nav_home("", "2026-11-24"));
  own.page("/tzgg/", list_page("通知公告", row("/tzgg/1.html", "2026-10-01")));
  EXPECT_TRUE(own.run(check_columns).empty());
}

// ---- decoys ------------------------------------------------------------------------------

TEST(Freshness, OldStaticPageAndCopyrightYearAreNoFindings) {
  Site s;
  s.page("/", nav_home("<a href=/jgzn/>机构职能</a>", "2026-11-24"));
  s.page("/jgzn/", "<html><body><h1>机构职能</h1><p>2012年3月5日印发的方案规定了本局职能。</p>"
                   "<div class=footer>版权所有 © 2012</div></body></html>");
  EXPECT_TRUE(s.run(check_columns).empty());
  ASSERT_EQ(s.result().columns.size(), 1u);
  EXPECT_EQ(s.result().columns[0].key, "organization");
}

TEST(Freshness, PaginationPagesBelongToTheirColumn) {
  Site s;
  s.page("/", nav_home("<a href=/gzdt/index.html>工作动态</a>", "2026-11-24"));
  s.page("/gzdt/index.html", list_page("工作动态", row("/gzdt/3.html", "2026-11-20")));
  s.page("/gzdt/index_1.html", list_page("工作动态", row("/gzdt/1.html", "2026-01-20")), 2);
  EXPECT_TRUE(s.run(check_columns).empty());
  ASSERT_EQ(s.result().columns.size(), 1u);
  EXPECT_EQ(s.result().columns[0].url, "http://www.site.example/gzdt/index.html");
  EXPECT_EQ(s.result().columns[0].entries.size(), 2u);
}

TEST(Freshness, PlaceholderAndEmptyListAreEmptyColumns) {
  Site s;
  s.page("/", nav_home("<a href=/ghjh/>规划计划</a><a href=/jggs/>结果公示</a>", "2026-11-24"));
  s.page("/ghjh/", list_page("规划计划", "<li>暂无信息</li>"));
  s.page("/jggs/", list_page("结果公示", ""));
  const Findings f = s.run(check_columns);
  ASSERT_EQ(f.size(), 2u);
  for (const Finding& x : f) EXPECT_EQ(x.code, "COLUMN-EMPTY");
}

TEST(Freshness, MissingColumnsFollowTheCategory) {
  Site local;
  local.page("/", nav_home("<a href=/tjgb/>统计公报</a>", "2026-11-24"));
  local.page("/tjgb/", list_page("统计公报", row("/tjgb/1.html", "2026-06-01")));
  Findings f = local.run(check_missing_columns);
  std::set<std::string> missing;
  for (const Finding& x : f) missing.insert(x.subject);
  EXPECT_FALSE(missing.contains("statistics"));
  EXPECT_TRUE(missing.contains("travel_info"));
  EXPECT_FALSE(missing.contains("maritime_projects"));  // maritime only
  EXPECT_EQ(missing.size(), 13u);  // 14 keys for local sites, one found

  Site maritime;
  maritime.site().category = "maritime";
  maritime.page("/", nav_home("", "2026-11-24"));
  f = maritime.run(check_missing_columns);
  missing.clear();
  for (const Finding& x : f) missing.insert(x.subject);
  EXPECT_TRUE(missing.contains("maritime_projects"));
  EXPECT_FALSE(missing.contains("travel_info"));
}

// ---- meta tags and history -------------------------------------------------------------------

TEST(MetaTags, OneFindingPerNameWithTheCount) {
  Site s;
  s.page("/", "<html><head><meta name=SiteName content=示范><meta name=SiteDomain content=x>"
              "</head><body><a href=/gzdt/>工作动态</a><a href=/tzgg/>通知公告</a></body></html>");
  s.page("/gzdt/", list_page("工作动态", row("/gzdt/1.html", "2026-11-20")));
  s.page("/tzgg/", "<html><body><ul>" + row("/tzgg/1.html", "2026-11-20") + "</ul></body></html>");
  const Findings f = s.run(check_meta_tags);
  std::map<std::string, std::string> by_name;
  for (const Finding& x : f) by_name[x.subject] = x.detail;
  EXPECT_EQ(by_name.at("SiteIDCode"), "missing on 1 of 1 homepage page");
  EXPECT_EQ(by_name.at("ColumnName"), "missing on 1 of 2 column pages");
  EXPECT_EQ(by_name.at("ColumnType"), "missing on 2 of 2 column pages");
  EXPECT_FALSE(by_name.contains("SiteName"));
}

TEST(ColumnHistory, NewEntriesAndFakedDates) {
  Site s;
  s.page("/", nav_home("<a href=/gzdt/>工作动态</a>", "2026-11-24"));
  s.page("/gzdt/", list_page("工作动态", row("/gzdt/1.html", "2026-11-20") +
                                             row("/gzdt/2.html", "2026-10-20")));
  s.run(check_columns);
  auto first = observe_columns(s.result(), {}, s.today());
  ASSERT_EQ(first.size(), 2u);  // the homepage and the column
  const ColumnObservation& col = first[1];
  EXPECT_TRUE(col.first_seen);
  EXPECT_EQ(col.new_entries, 1);  // first sighting: the entries of this month

  // The same list, its dates moved forward: suspicious.
  std::map<std::string, ColumnState> before{{col.url, col.state}};
  Site again;
  again.page("/", nav_home("<a href=/gzdt/>工作动态</a>", "2026-11-24"));
  again.page("/gzdt/", list_page("工作动态", row("/gzdt/1.html", "2026-11-24") +
                                                 row("/gzdt/2.html", "2026-10-20")));
  again.run(check_columns);
  auto second = observe_columns(again.result(), before, again.today());
  EXPECT_TRUE(second[1].dates_suspicious);
  EXPECT_EQ(second[1].new_entries, 0);

  // A new entry on top: an ordinary update.
  Site update;
  update.page("/", nav_home("<a href=/gzdt/>工作动态</a>", "2026-11-24"));
  update.page("/gzdt/", list_page("工作动态", row("/gzdt/3.html", "2026-11-24") +
                                                  row("/gzdt/1.html", "2026-11-20")));
  update.run(check_columns);
  auto third = observe_columns(update.result(), before, update.today());
  EXPECT_FALSE(third[1].dates_suspicious);
  EXPECT_EQ(third[1].new_entries, 1);
}

}  // namespace
}  // namespace sitepatrol::checks
