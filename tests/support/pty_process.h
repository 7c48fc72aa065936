// Running a child process on a pseudo-terminal: what a person at a terminal sees.
//
// forkpty(3) starts the child in a session of its own whose controlling terminal is the
// pty: its stdin, stdout and stderr are all that terminal, so isatty() is true and TIOCGWINSZ
// answers with the size asked for. The test reads the master side until the child and its
// descendants have closed the terminal, then reaps the child; on timeout the child's process
// group (the session it leads) is killed. The terminal driver turns "\n" into "\r\n"; the
// result turns it back, so tests compare lines as they would from a pipe.
//
// (glibc 2.34 and later has forkpty in libc itself; no -lutil is needed.)
//
// Threads: one call belongs to the calling thread and shares nothing.
#pragma once

#include <csignal>
#include <string>
#include <vector>

#include "tests/support/run_process.h"

namespace sitepatrol::testsupport {

struct TerminalSize {
  unsigned short columns = 80;
  unsigned short rows = 24;
};

// Runs argv[0] (looked up in PATH when it has no slash) with its standard streams on a new
// pseudo-terminal of `size`. options.stdin_data is ignored (nothing is typed). The result's
// `out` holds stdout and stderr as the terminal showed them, interleaved; `err` is empty.
ProcessResult run_on_terminal(const std::vector<std::string>& argv,
                              const ProcessOptions& options = {}, TerminalSize size = {});

// As above, and once the terminal has shown `after`, `signal` goes to the child: what
// pressing Ctrl-C (SIGINT) in the middle of its output does.
struct TerminalSignal {
  std::string after;
  int signal = SIGINT;
};
ProcessResult run_on_terminal(const std::vector<std::string>& argv, const ProcessOptions& options,
                              TerminalSize size, const TerminalSignal& send);

}  // namespace sitepatrol::testsupport
