// One patrol at a time per database: an exclusive flock(2) on "<database>.lock".
//
// Whoever runs a patrol (`sitepatrol crawl`, `demo`, the daemon's scheduled patrol) takes
// the lock before begin_run and keeps it until the run is finished or the process ends. The
// kernel drops the lock when its holder dies, however it dies, so a run left `running` in
// the database while nobody holds the lock belongs to a process that is gone: that is the
// only case in which begin_run marks a run `aborted`. A second patrol on the same database
// is refused up front, with the holder's pid, host and start time read from the file.
//
// On PostgreSQL the lock is a session advisory lock instead, keyed by the schema, held on a
// connection of its own; the server drops it when that connection ends, however the holder
// died. The holder's pid, host and start time are its session's application_name.
//
// The file is never removed (removing it would let two processes lock two different
// inodes). flock works between processes on one host, the set-up the documentation
// describes; it is not meant for a database on a network file system. Moveable, not
// copyable; one owner, any thread.
#pragma once

#include <expected>
#include <filesystem>
#include <memory>
#include <string>

namespace sitepatrol::store {

class Db;

enum class LockError { busy, io };

struct LockFailure {
  LockError error = LockError::io;
  std::string message;  // for the user: who holds it, or why the file could not be locked
};

class PatrolLock {
 public:
  // Takes the lock for `database` without waiting. `started_at` is written into the lock
  // file with our pid and host name, for the message a second patrol shows.
  static std::expected<PatrolLock, LockFailure> acquire(const std::filesystem::path& database,
                                                        const std::string& started_at);

  PatrolLock(PatrolLock&& other) noexcept;
  PatrolLock& operator=(PatrolLock&& other) noexcept;
  PatrolLock(const PatrolLock&) = delete;
  PatrolLock& operator=(const PatrolLock&) = delete;
  ~PatrolLock();

  // The lock file's path for a database: "<database>.lock".
  static std::filesystem::path file_for(const std::filesystem::path& database);

 private:
  explicit PatrolLock(int fd);
  explicit PatrolLock(std::unique_ptr<Db> session);
  static std::expected<PatrolLock, LockFailure> acquire_postgresql(const std::string& database,
                                                                   const std::string& holder);
  int fd_ = -1;
  std::unique_ptr<Db> session_;  // PostgreSQL: the connection holding the advisory lock
};

}  // namespace sitepatrol::store
