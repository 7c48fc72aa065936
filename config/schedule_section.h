// Reading [schedule], [http] and [[alert]] (config/schedule.h, config/alerts.h) for load.cpp.
// Problems go to the reader's Problems with file, line and key. Internal to the config library.
#pragma once

#include <chrono>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "config/toml_reader.h"

namespace sitepatrol::config::detail {

// `sites` are the configured sites, for checking [schedule.site.<id>] and alert `sites`.
void read_schedule(TableReader& r, ScheduleConfig& out, const std::vector<SiteConfig>& sites);
void read_http(TableReader& r, HttpConfig& out);
void read_alert(TableReader& r, AlertChannel& out, std::size_t index,
                const std::vector<SiteConfig>& sites);
// Two [[alert]] with the same name would share one alert history: a problem at the second.
void check_alert_names(const toml::table& root, const std::vector<AlertChannel>& alerts,
                       Problems& problems);
// A duration such as "20m", "90s" or "1h" at `key`; false (a problem noted) when malformed.
bool read_duration(TableReader& r, std::string_view key, std::chrono::seconds& out);
// The defaults when [schedule] is absent.
ScheduleConfig default_schedule();

}  // namespace sitepatrol::config::detail
