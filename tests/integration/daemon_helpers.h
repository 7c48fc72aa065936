// Helpers of the daemon's end-to-end tests: waiting for a condition, reading /metrics and
// the database. The endpoint's port is in daemon_receivers.h.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
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

// The [patrol] table of the daemon tests' configurations, without its resolve line: a
// database in the test's folder, no delays, only the sites' own links.
inline constexpr std::string_view kDaemonPatrol = R"([patrol]
database = "daemon.db"
timeout_s = 5
per_host_delay_ms = 0
check_external_links = false
respect_robots = false
)";

// "NAME:PORT:127.0.0.1", an entry of [patrol] resolve for a fixture server.
inline std::string resolve_entry(std::string_view name, const testsupport::FixtureServer& s) {
  return std::string(name) + ":" + std::to_string(s.port()) + ":127.0.0.1";
}

// `format` (strftime) of `t` in UTC (the tests run the daemon with TZ=UTC).
inline std::string utc_at(std::time_t t, const char* format) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

// The same of now + `offset`.
inline std::string utc_text(std::chrono::seconds offset, const char* format) {
  return utc_at(std::time(nullptr) + offset.count(), format);
}

// "YYYY-MM-DDTHH:MM" of now + `offset`, as a maintenance window's from and to are written.
inline std::string utc_minute(std::chrono::seconds offset) {
  return utc_text(offset, "%Y-%m-%dT%H:%M");
}

// The daemon's /metrics read strictly (tests/support/prometheus_text.h), as served by
// default: without the deprecated families ([http] legacy_metrics).
inline testsupport::PromText parse_metrics(const std::string& text) {
  return testsupport::parse_prometheus(text);
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
