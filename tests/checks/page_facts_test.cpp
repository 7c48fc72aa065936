// An article's date as its readers see it (issue 11): the visible 发布日期 wins over a later
// <meta name="PubDate"> re-stamp.
#include "checks/page_facts.h"

#include <gtest/gtest.h>

#include "crawler/html.h"

namespace sitepatrol::checks {
namespace {

using namespace std::chrono;

constexpr Date kToday{year{2026}, month{11}, day{25}};

PageFacts facts_of(const std::string& html, std::string url =
                                                "http://www.site.example/xwdt/"
                                                "content_4711.html") {
  const crawler::ParsedHtml parsed = crawler::parse_html(html, url);
  return page_facts(PageContent{url, url, parsed.text, parsed.meta, parsed.rows}, kToday);
}

// A Hanweb-style article: title, the info line, the text, a footer.
std::string article(std::string_view head, std::string_view info, std::string_view body = "") {
  return "<html><head><meta charset=utf-8>" + std::string(head) +
         "<title>关于做好道路运输安全工作的通知</title></head><body>"
         "<div class=nav><a href=/>首页</a> <a href=/xwdt/>新闻动态</a></div>"
         "<h1>关于做好道路运输安全工作的通知</h1><div class=info>" +
         std::string(info) +
         "</div><div class=content><p>各市州交通运输局：为做好道路运输安全"
         "工作，现将有关事项通知如下。</p>" +
         std::string(body) +
         "</div>"
         "<div class=footer>版权所有 湖北省交通运输厅 2012-2026</div></body></html>";
}

constexpr Date date(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }

TEST(ArticleDate, TheVisibleDateWinsOverALaterPubDate) {
  const PageFacts f =
      facts_of(article("<meta name=\"PubDate\" content=\"2024-06-18 09:12:44\">"
                       "<meta name=\"ArticleTitle\" content=\"关于做好道路运输安全工作的通知\">",
                       "发布日期：2019-03-05 来源：运输处 浏览次数：1024"));
  EXPECT_EQ(f.published, date(2019, 3, 5));
}

TEST(ArticleDate, LabelsAsCmssWriteThem) {
  const char* pub = "<meta name=\"PubDate\" content=\"2024-06-18\">";
  EXPECT_EQ(facts_of(article(pub, "发布时间：2019年03月05日 10:20")).published, date(2019, 3, 5));
  EXPECT_EQ(facts_of(article(pub, "【发布时间】2019-3-5")).published, date(2019, 3, 5));
  EXPECT_EQ(facts_of(article(pub, "发布于 2019/03/05")).published, date(2019, 3, 5));
  EXPECT_EQ(facts_of(article(pub, "来源：本站 日期：2019-03-05")).published, date(2019, 3, 5));
  EXPECT_EQ(facts_of(article(pub, "时间: 2019-03-05 08:00")).published, date(2019, 3, 5));
  // 成文日期 is when the document was signed; 发布日期 is when it was published.
  EXPECT_EQ(facts_of(article(pub, "成文日期：2019-02-27 发布日期：2019-03-05")).published,
            date(2019, 3, 5));
}

TEST(ArticleDate, AnUnlabelledDateBeforeTheSource) {
  // 开普云 article templates: the date and time, then 来源, no label.
  const PageFacts f =
      facts_of(article("<meta name=\"PubDate\" content=\"2022-10-14 10:16:14\"/>",
                       "<ul><li>2020年09月15日 09时32分</li><li>来源: 绵阳市政务网</li></ul>"));
  EXPECT_EQ(f.published, date(2020, 9, 15));
}

TEST(ArticleDate, PubDateCountsOnlyWhenNoDateIsVisible) {
  const char* pub = "<meta name=\"PubDate\" content=\"2024-06-18 09:12\">";
  EXPECT_EQ(facts_of(article(pub, "来源：运输处")).published, date(2024, 6, 18));
  // Dates that are not the article's own: an update stamp, a header clock showing today,
  // a date in the text without a label, a date in the future.
  EXPECT_EQ(facts_of(article(pub, "更新日期：2019-03-05")).published, date(2024, 6, 18));
  EXPECT_EQ(facts_of(article(pub, "日期：2026-11-25 星期三")).published, date(2024, 6, 18));
  EXPECT_EQ(facts_of(article(pub, "来源：运输处", "<p>会议于2019年3月5日召开。</p>")).published,
            date(2024, 6, 18));
  EXPECT_EQ(facts_of(article(pub, "发布日期：2027-01-01")).published, date(2024, 6, 18));
  // Then the date in the URL.
  EXPECT_EQ(
      facts_of(article("", "来源：运输处"), "http://www.site.example/xwdt/202103/t20210301_99.html")
          .published,
      date(2021, 3, 1));
}

TEST(ArticleDate, ListEntriesAndNonArticlesHaveNoVisibleDateOfTheirOwn) {
  // A column page listing "发布时间：" per entry: an entry's date is not the page's.
  const std::string list =
      "<html><head><meta name=\"PubDate\" content=\"2024-06-18\"></head><body><ul class=list>"
      "<li><a href=/xwdt/content_1.html>关于道路运输安全的通知</a> 发布时间：2019-03-05</li>"
      "<li><a href=/xwdt/content_2.html>关于水路运输安全的通知</a> 发布时间：2019-02-01</li>"
      "</ul></body></html>";
  EXPECT_EQ(facts_of(list, "http://www.site.example/xwdt/").published, date(2024, 6, 18));
  // A page with no sign of being an article keeps no published date.
  EXPECT_EQ(
      facts_of(article("", "发布日期：2019-03-05"), "http://www.site.example/xwdt/").published,
      std::nullopt);
}

// A list entry whose address gives no year ("?id=...") with a month-day date belongs near the
// entries whose addresses do: a 2023 homepage read later keeps its 2023 dates (the 宜春
// homepage of the real-page corpus), and across New Year the nearer year wins.
std::vector<Date> entry_dates(const std::string& rows, Date today) {
  const std::string url = "http://www.site.example/";
  const crawler::ParsedHtml parsed =
      crawler::parse_html("<html><body><ul>" + rows + "</ul></body></html>", url);
  std::vector<Date> out;
  for (const auto& e :
       page_facts(PageContent{url, url, parsed.text, parsed.meta, parsed.rows}, today).entries)
    if (e.date) out.push_back(*e.date);
  return out;
}

TEST(EntryDate, MonthDayWithoutAYearInItsAddressFollowsTheOtherEntries) {
  const std::string rows =
      "<li><a href='/zwyw/202310/34e1d41233c34c52.shtml'>市政协召开五届十次常委会议</a>"
      "<span>10-11</span></li>"
      "<li><a href='/zxft/zxft_content.shtml?id=e4d6df48'>主要负责人解读司法工作</a>"
      "<span>10-09</span></li>";
  EXPECT_EQ(entry_dates(rows, date(2025, 12, 31)),
            (std::vector<Date>{date(2023, 10, 11), date(2023, 10, 9)}));
}

TEST(EntryDate, AcrossNewYearTheNearerYearWins) {
  const std::string rows =
      "<li><a href='/tzgg/202612/t20261228_1.html'>关于年终安全检查的通知</a><span>12-28</span></li>"
      "<li><a href='/tzgg/show.jsp?id=77'>关于元旦假期值班安排的通知</a><span>01-03</span></li>";
  EXPECT_EQ(entry_dates(rows, date(2027, 1, 5)),
            (std::vector<Date>{date(2026, 12, 28), date(2027, 1, 3)}));
}

TEST(EntryDate, WithoutAnyYearInTheAddressesTodaysYear) {
  EXPECT_EQ(entry_dates("<li><a href='/a.jsp?id=1'>关于做好道路运输安全工作的通知</a><span>10-09</span></li>",
                        date(2025, 12, 31)),
            (std::vector<Date>{date(2025, 10, 9)}));
}

}  // namespace
}  // namespace sitepatrol::checks
