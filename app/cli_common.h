// What every subcommand shares: exit codes, logging set-up, loading the configuration and
// opening the store with the user-facing messages the contract asks for.
#pragma once

#include <expected>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "checks/finding.h"
#include "config/config.h"
#include "store/patrol_lock.h"
#include "store/store.h"

namespace sitepatrol::app {

enum ExitCode : int {
  kExitOk = 0,
  kExitFindings = 1,  // only with --fail-on
  kExitUsage = 2,     // usage or configuration error
  kExitRuntime = 3,   // database unwritable, ...
  kExitBusy = 4,      // another patrol is running on the same database
};

struct LogOptions {
  std::string level = "warn";
  bool quiet = false;
  std::string file;  // rotating log file; "" for stderr
};

// Sets up spdlog; returns false (after printing why) on an unknown level.
bool setup_logging(const LogOptions& options);

// Loads FILE, printing "FILE:LINE:COL: KEY: MESSAGE" to stderr on failure.
std::expected<config::Config, int> load_config_or_report(const std::string& file);

// The database path: --db when given, else the configuration's.
std::filesystem::path database_path(const config::Config& config, const std::string& db_flag);

// Opens the store; on failure prints the reason and returns kExitRuntime.
std::expected<std::unique_ptr<store::Store>, int> open_store_or_report(
    const std::filesystem::path& path);

// Takes the database's patrol lock (store/patrol_lock.h); when another patrol holds it,
// prints who and returns kExitBusy, on any other failure kExitRuntime.
std::expected<store::PatrolLock, int> lock_database_or_report(const std::filesystem::path& path);

// Parses a --fail-on level; nullopt (after printing) when it is not a severity.
std::optional<checks::Severity> parse_fail_on(const std::string& level);

// Prints findings to stdout as json, csv or a table sized and coloured for the terminal
// (no colour when stdout is not one, or NO_COLOR is set): what findings, check and demo show.
void print_findings(const std::string& format, const store::RunInfo& run,
                    std::span<const store::FindingRow> rows);

bool stderr_is_terminal();
bool stdout_is_terminal();

}  // namespace sitepatrol::app
