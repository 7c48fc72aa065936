// What --help says after the options: the exit codes of each command and the environment
// variables it reads, as "Exit codes:" and "Environment:" sections (CLI11 footers).
//
// One table (app/help_text.cpp) keyed by the command's path ("crawl", "config check"; ""
// for the program itself) holds them; docs/cli.md gives the same lists. Pure data and
// string building; single-threaded like the CLI definition.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace CLI {
class App;
}

namespace sitepatrol::app {

struct HelpNotes {
  std::vector<std::pair<std::string, std::string>> exit_codes;   // code, meaning
  std::vector<std::pair<std::string, std::string>> environment;  // variable, effect
};

// The notes of the command at `path` (names joined by one space, "" for the program).
HelpNotes help_notes(std::string_view path);

// "crawl", "config check", "" for the program: the names from the program down, without it.
std::string command_path(const CLI::App& app);

// Sets the footer of `app` and of every subcommand below it from help_notes().
void add_help_footers(CLI::App& app);

}  // namespace sitepatrol::app
