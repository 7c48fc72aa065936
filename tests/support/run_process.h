// Running a real child process from a test: the `sitepatrol` binary, mostly.
//
// fork/exec with pipes for stdin, stdout and stderr. The child gets its own process group
// and no descriptor of the test process except the three pipes, so a fixture server's
// sockets are never kept open by it. Output is drained by a reader thread from the start,
// so a chatty child never blocks on a full pipe. On timeout the whole process group is
// killed (SIGKILL).
//
// Threads: a ChildProcess belongs to one test thread; out(), err() and wait_for_output()
// may be called from any thread while the reader runs.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace sitepatrol::testsupport {

struct ProcessOptions {
  std::chrono::milliseconds timeout{60'000};  // run_process(), and wait() without argument
  std::filesystem::path working_dir;          // empty: the test's current directory
  std::vector<std::pair<std::string, std::string>> env;  // set or override
  std::vector<std::string> unset_env;
  std::string stdin_data;  // written to the child's stdin, which is then closed
};

struct ProcessResult {
  int exit_code = -1;       // the exit status; -1 when ended by a signal or never started
  int term_signal = 0;      // the signal that ended it, 0 when it exited
  bool timed_out = false;   // killed because the timeout passed
  std::string out;          // everything written to stdout
  std::string err;          // everything written to stderr
  std::string start_error;  // non-empty when exec failed (exit_code is then 127)
};

class ChildProcess {
 public:
  // Starts argv[0] (looked up in PATH when it has no slash). Throws std::system_error
  // when pipes or fork fail; a failed exec is reported by wait() in start_error.
  explicit ChildProcess(const std::vector<std::string>& argv, ProcessOptions options = {});
  // Kills the process group if the child still runs, and reaps it.
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // Sends `sig` to the child (not its group), e.g. SIGTERM to test a clean shutdown.
  void signal(int sig) const;

  std::string out() const;
  std::string err() const;
  // Waits until stdout or stderr contains `needle`; false on timeout or when the child
  // closed both streams without writing it.
  bool wait_for_output(std::string_view needle, std::chrono::milliseconds timeout) const;

  // Waits for the child to end, at most `timeout` (default: what is left of the options'
  // timeout, counted from the start), then kills it. Returns the result; call once.
  ProcessResult wait(std::optional<std::chrono::milliseconds> timeout = std::nullopt);

 private:
  void read_loop();

  ProcessOptions options_;
  std::chrono::steady_clock::time_point started_;
  pid_t pid_ = -1;
  bool reaped_ = false;
  std::string start_error_;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  int stderr_fd_ = -1;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::string out_;
  std::string err_;
  bool streams_closed_ = false;
  bool stop_reader_ = false;
  std::thread reader_;
};

// Runs a command to completion (or to options.timeout) and returns what it did.
ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// The environment a child gets: ours, without options.unset_env, with options.env set, as
// "NAME=value" strings. Built before fork: nothing may allocate after it.
std::vector<std::string> child_environment(const ProcessOptions& options);

// The path of the `sitepatrol` binary built alongside the tests.
std::string sitepatrol_binary();

}  // namespace sitepatrol::testsupport
