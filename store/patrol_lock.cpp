// The per-database patrol lock (see patrol_lock.h).
#include "store/patrol_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

#include "store/str_cat.h"

namespace sitepatrol::store {
namespace {

std::string host_name() {
  std::array<char, 256> buf{};
  if (gethostname(buf.data(), buf.size() - 1) != 0) return "?";
  return buf.data();
}

// What the holder wrote: "pid 123 on host h since 2026-12-04T02:00:00Z", or "" if unreadable.
std::string holder(int fd) {
  std::array<char, 512> buf{};
  ssize_t n = pread(fd, buf.data(), buf.size() - 1, 0);
  if (n <= 0) return {};
  std::string text(buf.data(), static_cast<std::size_t>(n));
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

std::filesystem::path PatrolLock::file_for(const std::filesystem::path& database) {
  std::filesystem::path file = database;
  file += ".lock";
  return file;
}

std::expected<PatrolLock, LockFailure> PatrolLock::acquire(const std::filesystem::path& database,
                                                           const std::string& started_at) {
  const auto file = file_for(database);
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return std::unexpected(
        LockFailure{LockError::io,
                    str_cat("cannot open lock file ", file.string(), ": ", std::strerror(errno))});
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    LockFailure failure;
    if (err == EWOULDBLOCK) {
      std::string who = holder(fd);
      failure.error = LockError::busy;
      failure.message = str_cat("another patrol is running on this database",
                                who.empty() ? std::string() : str_cat(" (", who, ")"),
                                "; lock file ", file.string());
    } else {
      failure.message = str_cat("cannot lock ", file.string(), ": ", std::strerror(err));
    }
    ::close(fd);
    return std::unexpected(std::move(failure));
  }
  // Who holds it, for the message a second patrol shows. Best effort: a failed write does
  // not weaken the lock itself.
  const std::string text = str_cat("pid ", static_cast<long>(getpid()), " on host ", host_name(),
                                   " since ", started_at, "\n");
  if (ftruncate(fd, 0) == 0) {
    [[maybe_unused]] ssize_t n = pwrite(fd, text.data(), text.size(), 0);
  }
  return PatrolLock(fd);
}

PatrolLock::PatrolLock(PatrolLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

PatrolLock& PatrolLock::operator=(PatrolLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

PatrolLock::~PatrolLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace sitepatrol::store
