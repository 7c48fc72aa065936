// One call from the store to a written report: load the month (report_load.h), compute
// (report_model.h), write (report_writer.h). What `sitepatrol report` and `sitepatrol demo`
// use. Reads through the Store only; one thread.
#pragma once

#include <expected>
#include <ostream>
#include <string>

#include "config/config.h"
#include "reports/report_load.h"
#include "reports/report_writer.h"
#include "store/store.h"

namespace sitepatrol::reports {

// The store's error message on failure (nothing written then).
std::expected<void, std::string> generate_report(store::Store& store, const config::Config& config,
                                                 const LoadOptions& options, ReportFormat format,
                                                 std::ostream& out);

// Now as RFC 3339 UTC, or SOURCE_DATE_EPOCH's instant when set (reproducible output).
std::string report_timestamp();

}  // namespace sitepatrol::reports
