#include "tests/support/run_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <stdexcept>
#include <system_error>

extern char** environ;

namespace sitepatrol::testsupport {

namespace {

void make_pipe(int fds[2]) {
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw std::system_error(errno, std::generic_category(), "pipe2");
  }
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// Closes every descriptor from `first` up, except `keep`. Async-signal-safe.
void close_descriptors_from(int first, int keep) {
  auto close_range_or_loop = [](unsigned lo, unsigned hi) {
    if (lo > hi) return;
    if (::syscall(SYS_close_range, lo, hi, 0) == 0) return;
    const long max = ::sysconf(_SC_OPEN_MAX);
    const unsigned limit = max > 0 && max < 65536 ? static_cast<unsigned>(max) : 65536u;
    for (unsigned fd = lo; fd <= hi && fd < limit; ++fd) ::close(static_cast<int>(fd));
  };
  close_range_or_loop(static_cast<unsigned>(first), static_cast<unsigned>(keep) - 1);
  close_range_or_loop(static_cast<unsigned>(keep) + 1, ~0u);
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

std::vector<std::string> child_environment(const ProcessOptions& options) {
  std::map<std::string, std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string entry(*e);
    const auto eq = entry.find('=');
    if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& name : options.unset_env) env.erase(name);
  for (const auto& [name, value] : options.env) env[name] = value;
  std::vector<std::string> out;
  for (const auto& [name, value] : env) out.push_back(name + "=" + value);
  return out;
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv, ProcessOptions options)
    : options_(std::move(options)), started_(std::chrono::steady_clock::now()) {
  if (argv.empty()) throw std::invalid_argument("run_process: empty argv");
  std::vector<std::string> args = argv;
  std::vector<std::string> env = child_environment(options_);
  std::vector<char*> c_args = c_strings(args);
  std::vector<char*> c_env = c_strings(env);
  const std::string dir = options_.working_dir.string();

  int in[2], out[2], errp[2], exec_status[2];
  make_pipe(in);
  make_pipe(out);
  make_pipe(errp);
  make_pipe(exec_status);

  pid_ = ::fork();
  if (pid_ < 0) {
    const int e = errno;
    for (int fd :
         {in[0], in[1], out[0], out[1], errp[0], errp[1], exec_status[0], exec_status[1]}) {
      ::close(fd);
    }
    throw std::system_error(e, std::generic_category(), "fork");
  }
  if (pid_ == 0) {
    // Child: only async-signal-safe calls from here to exec.
    ::setpgid(0, 0);
    ::dup2(in[0], STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(errp[1], STDERR_FILENO);
    close_descriptors_from(3, exec_status[1]);
    int e = 0;
    if (!dir.empty() && ::chdir(dir.c_str()) != 0) {
      e = errno;
    } else {
      ::execvpe(c_args[0], c_args.data(), c_env.data());
      e = errno;
    }
    [[maybe_unused]] auto n = ::write(exec_status[1], &e, sizeof e);
    ::_exit(127);
  }

  ::close(in[0]);
  ::close(out[1]);
  ::close(errp[1]);
  ::close(exec_status[1]);
  stdin_fd_ = in[1];
  ::fcntl(stdin_fd_, F_SETFL, ::fcntl(stdin_fd_, F_GETFL) | O_NONBLOCK);
  stdout_fd_ = out[0];
  stderr_fd_ = errp[0];
  // EOF means exec succeeded (the pipe is close-on-exec); an int is the child's errno.
  int child_errno = 0;
  ssize_t n;
  do {
    n = ::read(exec_status[0], &child_errno, sizeof child_errno);
  } while (n < 0 && errno == EINTR);
  ::close(exec_status[0]);
  if (n == sizeof child_errno) {
    start_error_ = "cannot start " + argv[0] + ": " + std::strerror(child_errno);
  }
  if (options_.stdin_data.empty()) close_fd(stdin_fd_);
  reader_ = std::thread([this] { read_loop(); });
}

ChildProcess::~ChildProcess() {
  if (!reaped_) wait(std::chrono::milliseconds(0));
  {
    std::lock_guard lock(mutex_);
    stop_reader_ = true;
  }
  if (reader_.joinable()) reader_.join();
  close_fd(stdin_fd_);
  close_fd(stdout_fd_);
  close_fd(stderr_fd_);
}

void ChildProcess::signal(int sig) const {
  if (pid_ > 0 && !reaped_) ::kill(pid_, sig);
}

std::string ChildProcess::out() const {
  std::lock_guard lock(mutex_);
  return out_;
}

std::string ChildProcess::err() const {
  std::lock_guard lock(mutex_);
  return err_;
}

bool ChildProcess::wait_for_output(std::string_view needle,
                                   std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] {
    return out_.find(needle) != std::string::npos || err_.find(needle) != std::string::npos ||
           streams_closed_;
  }) && (out_.find(needle) != std::string::npos || err_.find(needle) != std::string::npos);
}

void ChildProcess::read_loop() {
  // A child that exits before reading its stdin must give EPIPE here, not kill the test.
  sigset_t pipe_signal;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);

  std::size_t stdin_written = 0;
  char buf[8192];
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (stop_reader_) break;
    }
    pollfd fds[3];
    int count = 0;
    if (stdout_fd_ >= 0) fds[count++] = {stdout_fd_, POLLIN, 0};
    if (stderr_fd_ >= 0) fds[count++] = {stderr_fd_, POLLIN, 0};
    if (count == 0) break;
    if (stdin_fd_ >= 0) fds[count++] = {stdin_fd_, POLLOUT, 0};
    if (::poll(fds, count, 50) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == stdin_fd_) {
        const std::string& data = options_.stdin_data;
        const ssize_t w =
            ::write(stdin_fd_, data.data() + stdin_written, data.size() - stdin_written);
        if (w > 0) stdin_written += static_cast<std::size_t>(w);
        if (w < 0 && errno != EINTR && errno != EAGAIN) stdin_written = data.size();
        if (stdin_written >= data.size()) close_fd(stdin_fd_);
        continue;
      }
      const ssize_t r = ::read(fds[i].fd, buf, sizeof buf);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) {
        close_fd(fds[i].fd == stdout_fd_ ? stdout_fd_ : stderr_fd_);
        continue;
      }
      std::lock_guard lock(mutex_);
      (fds[i].fd == stdout_fd_ ? out_ : err_).append(buf, static_cast<std::size_t>(r));
      changed_.notify_all();
    }
  }
  std::lock_guard lock(mutex_);
  streams_closed_ = true;
  changed_.notify_all();
}

ProcessResult ChildProcess::wait(std::optional<std::chrono::milliseconds> timeout) {
  using clock = std::chrono::steady_clock;
  const auto deadline = timeout ? clock::now() + *timeout : started_ + options_.timeout;
  ProcessResult result;
  int status = 0;
  while (!reaped_) {
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_ || (r < 0 && errno != EINTR)) {
      reaped_ = true;
      break;
    }
    if (clock::now() >= deadline) {
      result.timed_out = true;
      ::kill(-pid_, SIGKILL);
      ::kill(pid_, SIGKILL);
      while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
      reaped_ = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  // The output is complete when both streams closed; a grandchild that holds them open
  // is given a moment, then killed with the rest of the group.
  {
    std::unique_lock lock(mutex_);
    if (!changed_.wait_for(lock, std::chrono::seconds(2), [this] { return streams_closed_; })) {
      lock.unlock();
      ::kill(-pid_, SIGKILL);
      lock.lock();
      changed_.wait_for(lock, std::chrono::seconds(1), [this] { return streams_closed_; });
    }
    stop_reader_ = true;
  }
  if (reader_.joinable()) reader_.join();

  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.term_signal = WTERMSIG(status);
  std::lock_guard lock(mutex_);
  result.out = out_;
  result.err = err_;
  result.start_error = start_error_;
  return result;
}

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ChildProcess child(argv, options);
  return child.wait();
}

std::string sitepatrol_binary() {
#ifdef SITEPATROL_BINARY
  return SITEPATROL_BINARY;
#else
  return "sitepatrol";
#endif
}

}  // namespace sitepatrol::testsupport
