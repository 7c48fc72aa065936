// The whole command line of sitepatrol as one CLI11 definition: the global options, every
// subcommand with its options (defaults shown in --help), and each command's --help footer
// with its exit codes and the environment it reads (app/help_text.h).
//
// `main` parses with it; the generator of the man page and the bash completion
// (app/docgen_main.cpp, run at build time) walks the same definition, so the three cannot
// drift apart. The options write into `log` and the chosen command's closure into `*run`;
// both must outlive `cli`. Single-threaded, built once per process.
#pragma once

#include "app/commands.h"

namespace sitepatrol::app {

void define_cli(CLI::App& cli, LogOptions& log, Command* run);

}  // namespace sitepatrol::app
