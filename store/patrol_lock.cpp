// The per-database patrol lock (see patrol_lock.h).
#include "store/patrol_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

#include "store/database_uri.h"
#include "store/db.h"
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

PatrolLock::PatrolLock(int fd) : fd_(fd) {}

PatrolLock::PatrolLock(std::unique_ptr<Db> session) : session_(std::move(session)) {}

// The lock's key: (7361, hash of the schema), so each schema of a database has its own.
std::expected<PatrolLock, LockFailure> PatrolLock::acquire_postgresql(const std::string& database,
                                                                      const std::string& holder) {
  auto failed = [&](const StoreError& e) {
    return std::unexpected(
        LockFailure{LockError::io, str_cat("cannot take the lock: ", e.message)});
  };
  auto db = Db::connect(database);
  if (!db) return failed(db.error());
  auto session = std::make_unique<Db>(std::move(*db));
  {
    auto name = session->prepare("SELECT set_config('application_name', ?1, false)");
    if (!name) return failed(name.error());
    if (auto ok = name->bind_text(1, holder.substr(0, 63)).run(); !ok) return failed(ok.error());
  }
  auto take = session->prepare("SELECT pg_try_advisory_lock(7361, hashtext(current_schema()))");
  if (!take) return failed(take.error());
  auto row = take->step();
  if (!row) return failed(row.error());
  if (*row && take->column_int(0) == 1) return PatrolLock(std::move(session));
  auto who = session->prepare(
      "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
      "WHERE l.locktype = 'advisory' AND l.classid = 7361 AND l.granted "
      "AND l.objid = CAST(hashtext(current_schema()) AS oid) LIMIT 1");
  std::string name;
  if (who && who->step().value_or(false)) name = who->column_text(0);
  return std::unexpected(LockFailure{
      LockError::busy, str_cat("another patrol is running on this database",
                               name.empty() ? std::string() : str_cat(" (", name, ")"))});
}

std::expected<PatrolLock, LockFailure> PatrolLock::acquire(const std::filesystem::path& database,
                                                           const std::string& started_at) {
  if (is_database_uri(database.native())) {
    return acquire_postgresql(database.native(),
                              str_cat("sitepatrol pid ", static_cast<long>(getpid()), " on ",
                                      host_name(), " since ", started_at));
  }
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

PatrolLock::PatrolLock(PatrolLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), session_(std::move(other.session_)) {}

PatrolLock& PatrolLock::operator=(PatrolLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    session_ = std::move(other.session_);
  }
  return *this;
}

PatrolLock::~PatrolLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace sitepatrol::store
