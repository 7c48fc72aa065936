// `sitepatrol hash-password`: the Argon2id hash of a console password, for a [[console.user]]'s
// password_hash (docs/console.md). The password is read from standard input (without echo on
// a terminal), never from the command line, where other users could see it.
#include <termios.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "app/cli_common.h"
#include "app/commands.h"
#include "app/console/auth.h"

namespace sitepatrol::app {

namespace {

std::string read_password() {
  const bool tty = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (tty) {
    std::cerr << "Password: " << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int run_hash_password() {
  const std::string password = read_password();
  if (password.empty()) {
    std::cerr << "sitepatrol: hash-password: no password given on standard input\n";
    return kExitUsage;
  }
  try {
    std::cout << console::hash_password(password) << "\n";
  } catch (const std::exception& e) {
    std::cerr << "sitepatrol: hash-password: " << e.what() << "\n";
    return kExitRuntime;
  }
  return kExitOk;
}

}  // namespace

CLI::App* add_hash_password_command(CLI::App& cli, Command* run) {
  auto* cmd = cli.add_subcommand(
      "hash-password", "Print the Argon2id hash of a console password read from standard input");
  cmd->callback([run] { *run = [] { return run_hash_password(); }; });
  return cmd;
}

}  // namespace sitepatrol::app
