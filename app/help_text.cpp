#include "app/help_text.h"

#include <CLI/CLI.hpp>

#include <algorithm>

namespace sitepatrol::app {

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

const Entries& kConfigEnvironment() {
  static const Entries e = {
      {"(named in the file)",
       "variables named by password_env, url_env and secret_env keys, read when the "
       "configuration loads; one that is not set is a configuration error"}};
  return e;
}

const Entries& kTableEnvironment() {
  static const Entries e = {{"NO_COLOR", "set (to anything): no colours in the findings table"},
                            {"COLUMNS",
                             "width of the findings table when stdout is a terminal (default: the "
                             "terminal's, else 120)"}};
  return e;
}

const Entries& kFetchEnvironment() {
  static const Entries e = {
      {"http_proxy, https_proxy, all_proxy, no_proxy",
       "ignored: a proxy is only used when given (--proxy, or proxy in [patrol] or a site)"}};
  return e;
}

Entries join(std::initializer_list<const Entries*> parts) {
  Entries out;
  for (const Entries* p : parts) out.insert(out.end(), p->begin(), p->end());
  return out;
}

const std::pair<std::string, std::string> kOk{"0", "done"};
const std::pair<std::string, std::string> kUsage{
    "2", "usage or configuration error (the message names the file, line and key)"};
const std::pair<std::string, std::string> kRuntime{
    "3", "runtime error: the database cannot be opened, read or written"};
const std::pair<std::string, std::string> kBusy{"4",
                                                "another patrol is running on the same database"};
const std::pair<std::string, std::string> kInterrupted{
    "130", "interrupted (Ctrl-C, SIGTERM): the run is left unfinished"};

// "  NAME  meaning" lines, meanings aligned; a name too long for the column gets a line of
// its own, so one long name does not push every meaning to the right.
std::string section(std::string_view title, const Entries& entries) {
  constexpr std::size_t kMaxColumn = 20;
  std::size_t width = 0;
  for (const auto& [name, _] : entries)
    if (name.size() <= kMaxColumn) width = std::max(width, name.size());
  std::string out = std::string(title) + ":\n";
  for (const auto& [name, meaning] : entries) {
    if (name.size() > width)
      out += "  " + name + "\n" + std::string(width + 4, ' ') + meaning + "\n";
    else
      out += "  " + name + std::string(width - name.size() + 2, ' ') + meaning + "\n";
  }
  return out;
}

}  // namespace

HelpNotes help_notes(std::string_view path) {
  static const Entries none = {{"(none)", "this command reads no environment variable"}};
  static const Entries kEpoch = {
      {"SOURCE_DATE_EPOCH",
       "seconds since 1970: the report's generation time (reproducible reports)"}};
  static const Entries kTz = {
      {"TZ", "the time zone of the schedule and quiet hours (default: the system's)"}};
  if (path == "crawl")
    return {{kOk, {"1", "findings at or above --fail-on"}, kUsage, kRuntime, kBusy, kInterrupted},
            join({&kConfigEnvironment(), &kFetchEnvironment()})};
  if (path == "check")
    return {{{"0", "done; every site answered (and nothing at or above --fail-on)"},
             {"1", "findings at or above --fail-on"},
             kUsage,
             kRuntime,
             {"5",
              "a site was down: its homepage gave no answer or an error status "
              "(before 1)"},
             kInterrupted},
            join({&kTableEnvironment(), &kFetchEnvironment()})};
  if (path == "findings")
    return {{kOk, kUsage, kRuntime}, join({&kConfigEnvironment(), &kTableEnvironment()})};
  if (path == "demo") return {{kOk, kUsage, kRuntime, kInterrupted}, kTableEnvironment()};
  if (path == "report") return {{kOk, kUsage, kRuntime}, join({&kConfigEnvironment(), &kEpoch})};
  if (path == "daemon")
    return {{{"0", "stopped by SIGTERM or Ctrl-C"}, kUsage, kRuntime, kBusy},
            join({&kConfigEnvironment(), &kFetchEnvironment(), &kTz})};
  if (path == "config check")
    return {{{"0", "the configuration is valid"}, kUsage}, kConfigEnvironment()};
  if (path == "baseline accept" || path == "baseline show" || path == "alert history" ||
      path.starts_with("review "))
    return {{kOk, kUsage, kRuntime}, kConfigEnvironment()};
  if (path == "recheck")
    return {{kOk,
             kUsage,
             {"3",
              "database error; with --wait: the patrol failed, was cut short, "
              "or did not end within --timeout"}},
            kConfigEnvironment()};
  if (path == "hash-password")
    return {
        {kOk, {"2", "no password on standard input"}, {"3", "libsodium failed (out of memory)"}},
        none};
  if (path == "run start" || path == "db migrate" || path == "db copy")
    return {{kOk, kUsage, kRuntime}, kConfigEnvironment()};
  if (path == "worker")
    return {{{"0", "the queue is empty (without --wait)"},
             kUsage,
             {"3", "runtime error (database)"},
             {"130", "stopped by SIGTERM or Ctrl-C; its site goes back to the queue"}},
            join({&kConfigEnvironment(), &kFetchEnvironment()})};
  if (path == "alert test")
    return {{{"0", "every channel took the test message"},
             kUsage,
             {"3", "a channel failed (each failure is printed), or the database failed"}},
            kConfigEnvironment()};
  if (path.empty())
    return {{kOk,
             {"1", "crawl, check: findings at or above --fail-on"},
             kUsage,
             {"3", "runtime error (database, a failed alert channel)"},
             kBusy,
             {"5", "check: a site was down"},
             kInterrupted},
            join({&kConfigEnvironment(), &kTableEnvironment(), &kFetchEnvironment()})};
  // A command group (config, baseline, alert): it only picks one of its commands.
  return {{{"0", "as the command run"}, {"2", "no command, or an unknown one"}}, none};
}

std::string command_path(const CLI::App& app) {
  std::string path;
  for (const CLI::App* a = &app; a->get_parent() != nullptr; a = a->get_parent())
    path = a->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

void add_help_footers(CLI::App& app) {
  const HelpNotes notes = help_notes(command_path(app));
  app.footer("\n" + section("Exit codes", notes.exit_codes) + "\n" +
             section("Environment", notes.environment));
  for (CLI::App* sub : app.get_subcommands({})) add_help_footers(*sub);
}

}  // namespace sitepatrol::app
