// The one date extractor of sitepatrol: every check that needs a date (column freshness,
// message boards, interviews, solicitations) reads it through here.
//
// Input is UTF-8 text after charset conversion. Recognised (README, docs/codes.md):
//  - 2026-11-25, 2026/11/25, 2026.11.25, 2026_11_25 (one- or two-digit month and day), with or
//    without a time after it;
//  - 2026年11月25日 (spaces allowed around the parts), and the month-day form 11月25日;
//  - Chinese numerals: 二〇二六年十一月二十五日 (〇, ○, О and 零 all read as zero);
//  - full-width digits (２０２６－１１－２５) read like ASCII ones;
//  - month and day without a year: [11-25], (11-25), 【11-25】, or bare 11-25 / 11/25 with
//    two-digit parts. Their year comes from DateContext::year when the page tells it
//    (the date of the page itself, or the year in its URL), else from "today"; a date that
//    would then lie in the future is taken to be from the year before.
// A date is only taken when it stands apart: no digit directly before or after it, so phone
// numbers (027-83460000), IDs (20261125001) and version strings are not read as dates. Year
// ranges (2012-2026) and lone years (© 2012) are no dates. Years outside 1990..2099 and
// impossible days (02-30) are ignored.
//
// Pure and thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::checks {

using Date = std::chrono::year_month_day;

struct DateContext {
  Date today;                    // the patrol's day (Beijing time, see today_in_china)
  std::optional<int> year;       // the year month-day forms belong to, when the page says
};

// Every date in `text`, in the order written.
std::vector<Date> find_dates(std::string_view text, const DateContext& context);

// The first date in `text`, if any.
std::optional<Date> first_date(std::string_view text, const DateContext& context);

// A date in a URL path as CMSs write it: /2026/11/25/, /202611/t20261125_123.html,
// /2026-11-25/, art_2026_11_25. Only full dates (year, month and day) count.
std::optional<Date> date_in_url(std::string_view url);
// The year a URL path names: a full date as above, or /202611/, or a /2026/ segment.
std::optional<int> year_in_url(std::string_view url);

// The day a patrol starting at `now` happens on in China (UTC+8, no daylight saving):
// government sites date their pages in Beijing time.
Date today_in_china(std::chrono::system_clock::time_point now);

// Whole days from `date` to `today` (negative when the date lies ahead).
int days_between(Date date, Date today);

// "2026-11-25".
std::string to_string(Date date);
// Reads "2026-11-25" as written by to_string; nullopt for anything else.
std::optional<Date> parse_iso_date(std::string_view text);

}  // namespace sitepatrol::checks
