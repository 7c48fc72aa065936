// Documents made from the command line definition (app/cli_definition.h): the man page
// sitepatrol(1) and the bash completion script. Both are generated at build time by
// sitepatrol_docgen (app/docgen_main.cpp) and installed by `cmake --install`, so they say
// exactly what --help says. Pure string building over a finished CLI::App; any thread that
// owns the app.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace sitepatrol::app {

// roff source of sitepatrol(1): NAME, SYNOPSIS, then each command's --help text (options
// with defaults, exit codes, environment) as its own subsection.
std::string man_page(const CLI::App& program, const std::string& version);

// A bash script defining `complete -F _sitepatrol sitepatrol`: commands, then each
// command's options (and the global ones, which may follow a command); file names after an
// option that takes a value.
std::string bash_completion(const CLI::App& program);

}  // namespace sitepatrol::app
