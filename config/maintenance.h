// Maintenance windows of a site (issue 12): times when the site is expected to be down.
//
// A window is either a fixed span (`from`, `to`) or a recurring one (a cron expression for
// its start, config/schedule_cron.h, and a duration). Both are read in the process's local
// time zone (TZ), like `[schedule] patrol`, so "2026-12-05T22:00" and "0 2 * * 0" mean the
// wall-clock times the operator reads on the daemon's host.
//
// During a window the daemon's probes of the site do not count toward availability, its
// alerts are held, and a patrol that finds the homepage down marks the site as in
// maintenance rather than down; reports list the windows of their month.
//
// Plain values and pure functions (apart from reading the time zone database); any thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/schedule_cron.h"

namespace sitepatrol::config {

struct MaintenanceWindow {
  using TimePoint = std::chrono::system_clock::time_point;
  // A fixed span: [from, to).
  TimePoint from{};
  TimePoint to{};
  // A recurring span: from each start of `cron`, for `duration`. Set when recurring.
  std::optional<CronExpr> cron;
  std::chrono::seconds duration{0};
  std::string text;  // as the operator wrote it, for messages and reports
};

// One occurrence of a window.
struct MaintenanceSpan {
  std::chrono::system_clock::time_point from;
  std::chrono::system_clock::time_point to;
  std::string text;  // the window's text
};

// The window `now` falls in, or nullptr.
const MaintenanceWindow* maintenance_at(const std::vector<MaintenanceWindow>& windows,
                                        std::chrono::system_clock::time_point now);

// The occurrences overlapping [begin, end), sorted by start; at most `limit` of them (a cron
// window every minute of a month would otherwise be thousands).
std::vector<MaintenanceSpan> maintenance_spans(const std::vector<MaintenanceWindow>& windows,
                                               std::chrono::system_clock::time_point begin,
                                               std::chrono::system_clock::time_point end,
                                               std::size_t limit = 100);

// "2026-12-05T22:00" or "2026-12-05T22:00:30" (local time); nullopt when malformed.
std::optional<std::chrono::system_clock::time_point> parse_local_time(std::string_view text);

// "2026-12-05 22:00" in local time, for reports and messages.
std::string local_minute(std::chrono::system_clock::time_point t);

}  // namespace sitepatrol::config
