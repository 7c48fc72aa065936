// sitepatrol: patrols government websites and reports what the inspections would find.
#include <CLI/CLI.hpp>
#include <curl/curl.h>

#include <csignal>
#include <iostream>
#include <optional>
#include <string>

#include "app/cli_common.h"
#include "app/cli_definition.h"
#include "app/commands.h"

namespace {

// `sitepatrol foo`, `sitepatrol config chek`: CLI11 answers "A subcommand is required" and
// keeps the word it did not know among its leftovers. Returns that word when the parse
// stopped at a command group (the program, `config`, `baseline`, `alert`) whose subcommand
// was not one of its own; `*group` is then that group.
std::optional<std::string> unknown_command(const CLI::App& cli, const CLI::App** group) {
  const CLI::App* at = &cli;
  while (!at->get_subcommands().empty()) at = at->get_subcommands().front();
  if (at->get_subcommands({}).empty()) return std::nullopt;  // a leaf: its own errors apply
  // With fallthrough, a word a subcommand does not take goes back up to its parent.
  for (const CLI::App* app = at; app != nullptr; app = app->get_parent()) {
    for (const std::string& word : app->remaining()) {
      if (word.empty() || word.front() == '-') continue;
      *group = at;
      return word;
    }
  }
  return std::nullopt;
}

void report_unknown_command(const CLI::App& group, const std::string& word) {
  std::string path;
  for (const CLI::App* app = &group; app != nullptr; app = app->get_parent())
    path = app->get_name() + (path.empty() ? "" : " " + path);
  std::cerr << path << ": unknown command '" << word << "'\nCommands:";
  const char* separator = " ";
  for (const CLI::App* sub : group.get_subcommands({})) {
    std::cerr << separator << sub->get_name();
    separator = ", ";
  }
  std::cerr << "\nRun '" << path << " --help' for what each does.\n";
}

}  // namespace

int main(int argc, char** argv) {
  // A file-size limit (ulimit -f) must not kill a patrol half way (SIGXFSZ, exit 153): the
  // write fails instead, the store reports it and the command exits 3 with the database
  // consistent.
  std::signal(SIGXFSZ, SIG_IGN);
  using namespace sitepatrol::app;
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CLI::App cli;
  LogOptions log;
  Command run;
  define_cli(cli, log, &run);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const CLI::App* group = nullptr;
    if (auto word = unknown_command(cli, &group)) {
      report_unknown_command(*group, *word);
      return kExitUsage;
    }
    const int code = cli.exit(e);  // prints help, version or the error
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (!setup_logging(log)) return kExitUsage;
  const int code = run ? run() : kExitUsage;
  curl_global_cleanup();
  return code;
}
