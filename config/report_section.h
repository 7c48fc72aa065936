// Reading `[report]` (config/report.h) for load.cpp: issuer, recipients,
// deadline_working_days (1..365), timezone (a zone of the system's tz database), holidays and
// working_weekends (lists of real dates, working weekends on a Saturday or Sunday).
// Problems go to the reader's Problems with file, line and key. Internal to the config library.
#pragma once

#include "config/report.h"
#include "config/toml_reader.h"

namespace sitepatrol::config::detail {

void read_report(TableReader& r, ReportConfig& out);

}  // namespace sitepatrol::config::detail
