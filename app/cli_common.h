// What every subcommand shares: exit codes, logging set-up, loading the configuration and
// opening the store with the user-facing messages the contract asks for.
#pragma once

#include <expected>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "checks/finding.h"
#include "config/config.h"
#include "reports/findings_table.h"
#include "store/patrol_lock.h"
#include "store/store.h"

namespace sitepatrol::app {

enum ExitCode : int {
  kExitOk = 0,
  kExitFindings = 1,  // only with --fail-on
  kExitUsage = 2,     // usage or configuration error
  kExitRuntime = 3,   // database unwritable, ...
  kExitBusy = 4,      // another patrol is running on the same database
  kExitSiteDown = 5,  // `check`: a site's homepage did not answer (it was down)
};

struct LogOptions {
  std::string level;  // "": warn on stderr, info in a --log-file
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

// Checks `--site` ids against the sites `where` knows (a configuration file, a database);
// on an unknown one prints "sitepatrol: COMMAND: --site: no site 'x' in WHERE; known sites:
// a, b" and returns false (the command then exits kExitUsage).
bool sites_known_or_report(std::string_view command, const std::vector<std::string>& ids,
                           const std::vector<std::string>& known, std::string_view where);

struct PrintOptions {
  // The table: no cell cut to the terminal's width (`--wide`). A table written to a pipe or
  // a file is never cut.
  bool wide = false;
  // The table: the runs other than `run` that some sites' rows come from (`findings`).
  std::vector<store::PeriodRun> earlier_runs = {};
  // The table: sites' names for the headings, and homepages their URLs are shown relative to.
  std::vector<reports::SiteLabel> sites = {};
};

// The labels of the configured sites, for PrintOptions::sites.
std::vector<reports::SiteLabel> site_labels(const config::Config& config);

// Prints findings to stdout as json, csv or a table sized and coloured for the terminal
// (no colour when stdout is not one, or NO_COLOR is set): what findings, check and demo show.
void print_findings(const std::string& format, const store::RunInfo& run,
                    std::span<const store::FindingRow> rows, const PrintOptions& options = {});

bool stderr_is_terminal();
bool stdout_is_terminal();

// Who is acting, for the logs of reviews and re-checks: `given` (--by) when set, else the
// login that ran the command (the real one under sudo: SUDO_USER, then USER, LOGNAME).
std::string acting_user(const std::string& given);

}  // namespace sitepatrol::app
