// What the daemon's gauges show, read back from the database (issue 12), so a restarted
// daemon's /metrics says what the one before it said: per site, the latest finished run that
// covered it, when a run last examined it successfully, and its homepage certificate's
// expiry.
//
// The certificate expiry is kept in a table of its own (`site_certificates`, created here on
// first use: it is the daemon's memory, not part of a run). Each function opens a connection
// of its own on the file, so any thread may call them; they are called a few times a day.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "store/store.h"

namespace sitepatrol::store {

struct MetricsState {
  std::map<std::string, std::int64_t> latest_run;  // site -> newest finished run covering it
  // site -> finished_at (Unix seconds) of the newest finished run that examined it (coverage
  // complete or partial: not down, not in maintenance)
  std::map<std::string, std::int64_t> last_success;
  std::map<std::string, std::int64_t> cert_not_after;  // site -> Unix seconds
};

Result<MetricsState> load_metrics_state(const std::filesystem::path& database);
// Only the certificate expiries (site -> Unix seconds): what the console shows.
Result<std::map<std::string, std::int64_t>> load_cert_not_after(
    const std::filesystem::path& database);

// Remembers each site's homepage certificate expiry (Unix seconds), replacing the old value.
Result<void> save_cert_not_after(const std::filesystem::path& database,
                                 const std::map<std::string, std::int64_t>& not_after);

}  // namespace sitepatrol::store
