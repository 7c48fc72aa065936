// Helpers of the daemon's end-to-end tests: waiting for a condition, reading /metrics and
// the database. The endpoint's port is in daemon_receivers.h.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>

#include "app/daemon_metrics.h"
#include "tests/integration/patrol_harness.h"
#include "tests/support/prometheus_text.h"

namespace sitepatrol::integration {

using Clock = std::chrono::steady_clock;

// Polls `ready` every 50 ms up to `limit`; true once it holds.
template <class Pred>
bool eventually(Pred ready, std::chrono::milliseconds limit = 15s) {
  const auto end = Clock::now() + limit;
  while (Clock::now() < end) {
    if (ready()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return ready();
}

// The daemon's /metrics read strictly (tests/support/prometheus_text.h); only its deprecated
// families keep their old names.
inline testsupport::PromText parse_metrics(const std::string& text) {
  return testsupport::parse_prometheus(text, app::DaemonMetrics::kDeprecatedFamilies);
}

// The sum of the samples whose line starts with `prefix` (a name, or a name with the first
// labels: `x{site="a"` sums x over the other labels), or -1 when there is none.
inline double metric(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  double sum = -1;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) != 0 || line.size() <= prefix.size()) continue;
    const char next = line[prefix.size()];
    if (prefix.back() != '}' && next != ' ' && next != '{' && next != ',') continue;
    sum = (sum < 0 ? 0 : sum) + std::stod(line.substr(line.rfind(' ') + 1));
  }
  return sum;
}

inline std::string query(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  std::string out;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW) {
      if (const auto* t = sqlite3_column_text(s, 0)) out = reinterpret_cast<const char*>(t);
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return out;
}

}  // namespace sitepatrol::integration
