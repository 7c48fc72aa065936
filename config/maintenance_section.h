// Reading a site's `maintenance` key (config/maintenance.h) for load.cpp. Problems go to the
// reader's Problems with file, line and key. Internal to the config library.
#pragma once

#include <vector>

#include "config/maintenance.h"
#include "config/toml_reader.h"

namespace sitepatrol::config::detail {

// maintenance = [{ from = "2026-12-05T22:00", to = "2026-12-06T02:00" },
//                { cron = "0 2 * * 0", duration = "2h" }]
void read_maintenance(TableReader& site, std::vector<MaintenanceWindow>& out);

}  // namespace sitepatrol::config::detail
