#include "tests/support/pty_process.h"

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace sitepatrol::testsupport {

namespace {

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// "\r\n" (the terminal's ONLCR) back to "\n".
std::string without_carriage_returns(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

}  // namespace

ProcessResult run_on_terminal(const std::vector<std::string>& argv, const ProcessOptions& options,
                              TerminalSize size) {
  return run_on_terminal(argv, options, size, TerminalSignal{"", 0});
}

ProcessResult run_on_terminal(const std::vector<std::string>& argv, const ProcessOptions& options,
                              TerminalSize size, const TerminalSignal& send) {
  if (argv.empty()) throw std::invalid_argument("run_on_terminal: empty argv");
  std::vector<std::string> args = argv;
  std::vector<std::string> env = child_environment(options);
  std::vector<char*> c_args = pointers_to(args);
  std::vector<char*> c_env = pointers_to(env);
  const std::string dir = options.working_dir.string();

  winsize ws{};
  ws.ws_col = size.columns;
  ws.ws_row = size.rows;
  int master = -1;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, &ws);
  if (pid < 0) throw std::system_error(errno, std::generic_category(), "forkpty");
  if (pid == 0) {
    // Child: only async-signal-safe calls from here to exec. forkpty made it a session
    // leader with the pty as stdin, stdout and stderr. Nothing else of the test's (a fixture
    // server's sockets) stays open in it.
    ::syscall(SYS_close_range, 3u, ~0u, 0u);
    if (dir.empty() || ::chdir(dir.c_str()) == 0) ::execvpe(c_args[0], c_args.data(), c_env.data());
    static constexpr char kFailed[] = "run_on_terminal: cannot start the program\n";
    [[maybe_unused]] auto n = ::write(STDERR_FILENO, kFailed, sizeof kFailed - 1);
    ::_exit(127);
  }

  ProcessResult result;
  std::string raw;
  bool sent = false;
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      ::kill(-pid, SIGKILL);
      break;
    }
    pollfd p{master, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    char buffer[4096];
    const ssize_t n = ::read(master, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    // Linux answers EIO once no process holds the terminal any more: the end of the output.
    if (n <= 0) break;
    raw.append(buffer, static_cast<std::size_t>(n));
    if (!sent && send.signal != 0 && raw.find(send.after) != std::string::npos) {
      ::kill(pid, send.signal);
      sent = true;
    }
  }
  ::close(master);

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.term_signal = WTERMSIG(status);
  }
  result.out = without_carriage_returns(raw);
  if (result.exit_code == 127 && result.out.find("run_on_terminal: cannot start") == 0)
    result.start_error = "cannot start " + argv[0];
  return result;
}

}  // namespace sitepatrol::testsupport
