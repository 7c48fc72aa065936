#include "checks/dates.h"

#include <gtest/gtest.h>

namespace sitepatrol::checks {
namespace {

using namespace std::chrono;

const DateContext kNov25{year{2026} / 11 / 25, std::nullopt};

std::vector<std::string> dates(std::string_view text, const DateContext& ctx = kNov25) {
  std::vector<std::string> out;
  for (Date d : find_dates(text, ctx)) out.push_back(to_string(d));
  return out;
}

using V = std::vector<std::string>;

TEST(Dates, IsoFormsWithAnySeparator) {
  EXPECT_EQ(dates("2026-11-20"), V{"2026-11-20"});
  EXPECT_EQ(dates("发布于 2026/11/20 10:30"), V{"2026-11-20"});
  EXPECT_EQ(dates("2026.1.5"), V{"2026-01-05"});
  EXPECT_EQ(dates("2026_11_02"), V{"2026-11-02"});
  EXPECT_EQ(dates("发布时间:2026-11-20"), V{"2026-11-20"});
  EXPECT_EQ(dates("发布时间：2026-11-20 09:00:00"), V{"2026-11-20"});
}

TEST(Dates, ChineseYearMonthDay) {
  EXPECT_EQ(dates("2026年11月20日"), V{"2026-11-20"});
  EXPECT_EQ(dates("2026 年 1 月 5 日发布"), V{"2026-01-05"});
  EXPECT_EQ(dates("二〇二六年十一月二十五日"), V{"2026-11-25"});
  EXPECT_EQ(dates("二○一九年三月十日"), V{"2019-03-10"});
  EXPECT_EQ(dates("二零二五年十二月三十一日"), V{"2025-12-31"});
  EXPECT_EQ(dates("二〇二六年二月一日"), V{"2026-02-01"});
}

// Every numeral, each in a date, and what only looks like one: the Cyrillic О some pages
// type for 〇, characters one byte off a numeral, a numeral cut short at the end of the text.
TEST(Dates, EveryNumeralAndNearMisses) {
  EXPECT_EQ(dates("二О二六年四月八日"), V{"2026-04-08"});
  EXPECT_EQ(dates("一九九九年七月六日"), V{"1999-07-06"});
  EXPECT_EQ(dates("二〇〇五年九月二十九日"), V{"2005-09-29"});
  EXPECT_EQ(dates("二〇二六年十月三十日"), V{"2026-10-30"});
  // 丁 (U+4E01) is 一's neighbour, 亍 (U+4E8D) 二's: no date.
  EXPECT_EQ(dates("二〇二丁年十月三十日"), V{});
  EXPECT_EQ(dates("亍〇二六年十月三十日"), V{});
  // The Cyrillic Р (D0 A0) is not О (D0 9E).
  EXPECT_EQ(dates("二Р二六年四月八日"), V{});
  // 六 cut to its first two bytes, then invalid bytes: no date, and no reading past the end.
  EXPECT_EQ(dates(std::string("二〇二\xE5\x85")), V{});
  EXPECT_EQ(dates(std::string("\xE5\x85\x41二〇二六年十月三十日")), V{"2026-10-30"});
}

// Numeral dates are tried only where a 年 follows four numerals: a text with 年 everywhere
// else, and dates one right after another, lose none of them.
TEST(Dates, NumeralDatesAmongOtherYears) {
  EXPECT_EQ(dates("二〇二五年二〇二六年十一月二十五日"), V{"2026-11-25"});
  EXPECT_EQ(dates("一九九九年七月六日二О二六年四月八日"), (V{"1999-07-06", "2026-04-08"}));
  EXPECT_EQ(dates("今年、去年、明年，二〇〇五年九月二十九日，2026年11月20日"),
            (V{"2005-09-29", "2026-11-20"}));
  EXPECT_EQ(dates(std::string(5000, 'x') + "二〇二六年十月三十日"), V{"2026-10-30"});
  EXPECT_EQ(dates("二〇二六 年十月三十日"), V{});  // the 年 must follow the numerals
}

TEST(Dates, FullWidthDigits) {
  EXPECT_EQ(dates("２０２６－１１－２０"), V{"2026-11-20"});
  EXPECT_EQ(dates("２０２６年１１月２０日"), V{"2026-11-20"});
}

// A text is read as it is unless it holds a full-width digit or separator somewhere (other
// full-width characters, like its punctuation, change nothing), and not read at all without
// a digit or 年 (menus, link texts).
TEST(Dates, FullWidthFormsAnywhereAndTextsWithoutAnyDigit) {
  EXPECT_EQ(dates("（通知）发布时间：2026-11-20！"), V{"2026-11-20"});
  EXPECT_EQ(dates("发布：2026／11／20"), V{"2026-11-20"});
  EXPECT_EQ(dates("2026-11-19，" + std::string(3000, 'x') + "２０２６年１１月２０日"),
            (V{"2026-11-19", "2026-11-20"}));
  EXPECT_EQ(dates("首页 政务公开 通知公告 （）："), V{});
  EXPECT_EQ(dates(""), V{});
}

TEST(Dates, MonthDayTakesTheContextYear) {
  EXPECT_EQ(dates("关于开展安全检查的通知 [11-20]"), V{"2026-11-20"});
  EXPECT_EQ(dates("(11-20)"), V{"2026-11-20"});
  EXPECT_EQ(dates("【3-5】"), V{"2026-03-05"});
  EXPECT_EQ(dates("11月20日"), V{"2026-11-20"});
  EXPECT_EQ(dates("11-20"), V{"2026-11-20"});
  DateContext page_of_2024{year{2026} / 11 / 25, 2024};
  EXPECT_EQ(dates("[03-01]", page_of_2024), V{"2024-03-01"});
}

TEST(Dates, MonthDayIsNeverInTheFuture) {
  // On 2026-11-25, "[12-20]" was written last December.
  EXPECT_EQ(dates("[12-20]"), V{"2025-12-20"});
  EXPECT_EQ(dates("[11-25]"), V{"2026-11-25"});
  EXPECT_EQ(dates("[11-26]"), V{"2025-11-26"});
}

TEST(Dates, NumbersThatAreNoDates) {
  EXPECT_EQ(dates("© 2012 湖北省交通运输厅"), V{});
  EXPECT_EQ(dates("Copyright 2012-2026 版权所有"), V{});
  EXPECT_EQ(dates("电话：027-83460000"), V{});
  EXPECT_EQ(dates("编号 20261125001"), V{});
  EXPECT_EQ(dates("版本 1.2.3"), V{});
  EXPECT_EQ(dates("2026-02-30"), V{});
  EXPECT_EQ(dates("1-5"), V{});              // bare one-digit parts are too loose
  EXPECT_EQ(dates("10/25/2026"), V{});       // US order is not read as 10-25
  EXPECT_EQ(dates("时间 10:11-12"), V{});
  EXPECT_EQ(dates("1989-06-01"), V{});       // outside the years sites can carry
  EXPECT_EQ(dates("2026年11月"), V{});        // a month is not a day
}

TEST(Dates, SeveralInOrder) {
  EXPECT_EQ(dates("留言时间：2026-01-02 回复时间：2026-03-04"),
            (V{"2026-01-02", "2026-03-04"}));
}

TEST(Dates, DateInUrl) {
  auto s = [](std::string_view url) {
    auto d = date_in_url(url);
    return d ? to_string(*d) : std::string("none");
  };
  EXPECT_EQ(s("http://a.example/tzgg/202611/t20261120_123.html"), "2026-11-20");
  EXPECT_EQ(s("http://a.example/2026/11/20/art.html"), "2026-11-20");
  EXPECT_EQ(s("http://a.example/news/2026-11-20/1.html"), "2026-11-20");
  EXPECT_EQ(s("http://a.example/art.jsp?id=20261120"), "none");  // the query is no path
  EXPECT_EQ(s("http://a.example/id/202611201.html"), "none");
  EXPECT_EQ(year_in_url("http://a.example/tzgg/202611/index.html"), 2026);
  EXPECT_EQ(year_in_url("http://a.example/tzgg/2025/index.html"), 2025);
  EXPECT_EQ(year_in_url("http://a.example/tzgg/index_2.html"), std::nullopt);
}

TEST(Dates, TodayInChinaIsUtcPlusEight) {
  // 2026-11-24 18:30 UTC is 02:30 on the 25th in Beijing.
  const auto t = sys_days{year{2026} / 11 / 24} + hours{18} + minutes{30};
  EXPECT_EQ(to_string(today_in_china(t)), "2026-11-25");
  EXPECT_EQ(days_between(year{2026} / 11 / 11, year{2026} / 11 / 25), 14);
  EXPECT_EQ(parse_iso_date("2026-11-25"), Date{year{2026} / 11 / 25});
  EXPECT_EQ(parse_iso_date("2026-13-25"), std::nullopt);
}

}  // namespace
}  // namespace sitepatrol::checks
