// Gathering ReportData (report_data.h) for a month from the store and the configuration.
//
// A month's data for a site comes from the finished runs that started in that month (UTC)
// and covered the site: the last of them gives the findings at the month's end and the page
// and link counts; each of them says whether the homepage was down; the resolutions of all
// of them, minus findings that came back, are the month's resolved findings. Sites are the
// configured ones, in configuration order; a site no run of the month covered is left out.
// Months before the reported one (up to `history_months`) give the trends, the previous
// month's comparison and, twelve months back, the index baselines.
//
// This is where the lead plugs in the optional statistics of later check families (column
// history, interaction statistics, probe availability): see `fill_site_month`.
// Reads through the Store only; one thread (the store's).
#pragma once

#include <expected>
#include <optional>
#include <string>

#include "config/config.h"
#include "reports/report_data.h"
#include "store/store.h"

namespace sitepatrol::reports {

struct LoadOptions {
  std::string month;                // YYYY-MM
  std::optional<std::string> site;  // self-inspection report of this site
  std::string lang = "zh";
  std::string generated_at;  // RFC 3339 UTC; the caller's clock
  int history_months = 12;   // months before `month` searched for trends
};

// Checks "YYYY-MM" (month 01-12) and returns [first instant, first instant of next month) as
// RFC 3339 strings; nullopt when malformed.
std::optional<std::pair<std::string, std::string>> month_bounds(const std::string& month);
// "2026-01" -> "2025-12" (assumes a valid month).
std::string month_before(const std::string& month, int months = 1);

// The store's error message on failure.
std::expected<ReportData, std::string> load_report_data(store::Store& store,
                                                        const config::Config& config,
                                                        const LoadOptions& options);

// One month (nullopt-free: an empty MonthData when no run covered the sites).
std::expected<MonthData, std::string> load_month(store::Store& store, const config::Config& config,
                                                 const std::string& month,
                                                 const std::optional<std::string>& site);

}  // namespace sitepatrol::reports
