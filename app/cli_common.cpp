#include "app/cli_common.h"

#include "store/database_uri.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "app/terminal_line.h"
#include "crawler/clock.h"
#include "reports/findings_csv.h"
#include "reports/findings_json.h"
#include "reports/findings_table.h"
#include "reports/terminal_width.h"

namespace sitepatrol::app {

bool setup_logging(const LogOptions& options) {
  // A log file is a record (one line per run and per site at info); stderr is for a person
  // watching, who wants warnings only.
  const std::string name = !options.level.empty() ? options.level
                           : options.file.empty() ? "warn"
                                                  : "info";
  auto level = spdlog::level::from_str(name);
  if (level == spdlog::level::off && name != "off") {
    std::cerr << "sitepatrol: --log-level: unknown level '" << options.level
              << "' (trace, debug, info, warn, error, critical, off)\n";
    return false;
  }
  std::shared_ptr<spdlog::logger> logger;
  if (!options.file.empty()) {
    logger = spdlog::rotating_logger_mt("sitepatrol", options.file, 10u << 20, 5);
  } else {
    // Log lines are written above the progress line, never onto it (terminal_line.h).
    logger = std::make_shared<spdlog::logger>(
        "sitepatrol", line_aware_sink(std::make_shared<spdlog::sinks::stderr_color_sink_mt>()));
    // --quiet: errors only on the terminal; a log file keeps its record.
    if (options.quiet && level < spdlog::level::err) level = spdlog::level::err;
  }
  logger->set_level(level);
  logger->set_pattern("%Y-%m-%dT%H:%M:%S%z %^%l%$ %v");
  spdlog::set_default_logger(logger);
  return true;
}

std::expected<config::Config, int> load_config_or_report(const std::string& file) {
  auto config = config::load_config(file);
  if (!config) {
    std::cerr << "sitepatrol: " << config.error().to_string() << "\n";
    return std::unexpected(kExitUsage);
  }
  return std::move(*config);
}

std::filesystem::path database_path(const config::Config& config, const std::string& db_flag) {
  if (!db_flag.empty()) return db_flag;
  return config.patrol.database;
}

std::expected<std::unique_ptr<store::Store>, int> open_store_or_report(
    const std::filesystem::path& path) {
  auto store = store::open_store(path.string());
  if (!store) {
    std::cerr << "sitepatrol: database " << store::without_password(path.string()) << ": "
              << store.error().message << "\n";
    return std::unexpected(kExitRuntime);
  }
  return std::move(*store);
}

std::expected<store::PatrolLock, int> lock_database_or_report(const std::filesystem::path& path) {
  auto lock =
      store::PatrolLock::acquire(path, crawler::to_rfc3339(std::chrono::system_clock::now()));
  if (!lock) {
    std::cerr << "sitepatrol: database " << path.string() << ": " << lock.error().message
              << (lock.error().error == store::LockError::busy
                      ? "; not starting a second one (wait for it, or use another --db)"
                      : "")
              << "\n";
    return std::unexpected(lock.error().error == store::LockError::busy ? kExitBusy : kExitRuntime);
  }
  return std::move(*lock);
}

std::optional<checks::Severity> parse_fail_on(const std::string& level) {
  auto s = checks::parse_severity(level);
  if (!s) {
    std::cerr << "sitepatrol: --fail-on: unknown level '" << level
              << "' (info, warning, error, critical)\n";
  }
  return s;
}

bool sites_known_or_report(std::string_view command, const std::vector<std::string>& ids,
                           const std::vector<std::string>& known, std::string_view where) {
  for (const std::string& id : ids) {
    if (std::ranges::find(known, id) != known.end()) continue;
    std::cerr << "sitepatrol: " << command << ": --site: no site '" << id << "' in " << where;
    if (known.empty()) {
      std::cerr << "; it has none\n";
    } else {
      std::cerr << "; known sites:";
      for (std::size_t i = 0; i < known.size(); ++i) std::cerr << (i ? ", " : " ") << known[i];
      std::cerr << "\n";
    }
    return false;
  }
  return true;
}

void print_findings(const std::string& format, const store::RunInfo& run,
                    std::span<const store::FindingRow> rows, const PrintOptions& options) {
  if (format == "json") {
    reports::write_findings_json(std::cout, run, rows);
  } else if (format == "csv") {
    reports::write_findings_csv(std::cout, rows);
  } else {
    reports::TableOptions table;
    table.color = stdout_is_terminal() && !std::getenv("NO_COLOR");
    table.width = reports::terminal_columns(STDOUT_FILENO);
    // Cut only what a person reads on the screen: a pipe or a file (grep, a mail, a ticket)
    // gets every subject, page and detail whole.
    table.truncate = stdout_is_terminal() && !options.wide;
    table.earlier_runs = options.earlier_runs;
    table.sites = options.sites;
    reports::write_findings_table(std::cout, run, rows, table);
  }
}

std::vector<reports::SiteLabel> site_labels(const config::Config& config) {
  std::vector<reports::SiteLabel> labels;
  for (const auto& site : config.sites) labels.push_back({site.id, site.name, site.url});
  return labels;
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }
bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }

std::string acting_user(const std::string& given) {
  if (!given.empty()) return given;
  for (const char* name : {"SUDO_USER", "USER", "LOGNAME"}) {
    if (const char* value = std::getenv(name); value != nullptr && *value != '\0') return value;
  }
  return "unknown";
}

}  // namespace sitepatrol::app
