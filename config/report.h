// The `[report]` section: who issues the monthly notification (通报) and to whom, how many
// working days the sites get to fix what it lists, and the time zone its times are shown in.
// Dates are "YYYY-MM-DD" strings, checked when the configuration is read.
// Plain values; any thread.
#pragma once

#include <string>
#include <vector>

namespace sitepatrol::config {

struct ReportConfig {
  std::string issuer;                      // 落款: the issuing office ("" leaves only the date)
  std::vector<std::string> recipients;     // 主送 ("" : the sites' responsible units)
  int deadline_working_days = 10;          // 整改期限, counted from the report's date
  std::string timezone = "Asia/Shanghai";  // tz database name, for every time shown
  std::vector<std::string> holidays;       // extra days off (YYYY-MM-DD)
  std::vector<std::string> working_weekends;  // Saturdays/Sundays worked (调休上班)
};

}  // namespace sitepatrol::config
