#include "reports/report_generate.h"

#include <chrono>
#include <cstdlib>
#include <ctime>

namespace sitepatrol::reports {

std::expected<void, std::string> generate_report(store::Store& store, const config::Config& config,
                                                 const LoadOptions& options, ReportFormat format,
                                                 std::ostream& out) {
  auto data = load_report_data(store, config, options);
  if (!data) return std::unexpected(data.error());
  write_report(out, build_report(*data), format);
  return {};
}

std::string report_timestamp() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != 0) {
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (end != nullptr && *end == 0) now = static_cast<std::time_t>(seconds);
  }
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace sitepatrol::reports
