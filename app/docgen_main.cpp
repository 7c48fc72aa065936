// sitepatrol_docgen: writes sitepatrol(1) and the bash completion script from the command
// line definition, at build time (app/CMakeLists.txt). Usage: sitepatrol_docgen MAN_FILE
// COMPLETION_FILE. Exit 0, or 1 when a file cannot be written.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "app/cli_common.h"
#include "app/cli_definition.h"
#include "app/cli_docs.h"

int main(int argc, char** argv) {
  using namespace sitepatrol::app;
  if (argc != 3) {
    std::cerr << "usage: sitepatrol_docgen MAN_FILE COMPLETION_FILE\n";
    return 2;
  }
  CLI::App cli;
  LogOptions log;
  Command run;
  define_cli(cli, log, &run);
  std::ofstream man(argv[1]);
  man << man_page(cli, SITEPATROL_VERSION);
  std::ofstream completion(argv[2]);
  completion << bash_completion(cli);
  man.close();
  completion.close();
  if (!man || !completion) {
    std::cerr << "sitepatrol_docgen: cannot write " << argv[1] << " or " << argv[2] << "\n";
    return 1;
  }
  return 0;
}
