// A limit on the requests in flight to one host, shared by every worker of a run on any
// machine (issue 16, docs/workers.md): per_host_concurrency for www.gov.cn holds for the
// whole patrol, not for each of its workers.
//
// PostgreSQL session advisory locks as counting semaphores: a host has `limit` locks (the key
// pair hashtext(schema + host), 0 .. limit-1); a request holds one while it is in flight. The
// server frees a dead worker's locks with its session, so a killed worker holds nothing. A
// session may take one advisory lock twice, so the locks this process holds are also kept
// here, for its slots to share the limit among themselves too.
//
// One thread and one connection of its own; `acquire` and `forget` are called from any
// thread. Grants are handed out under the lock, so that once `forget(owner)` returned no grant
// reaches that owner. When the database cannot be asked, requests are let through (with a
// warning): a patrol is not stopped for politeness' sake.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "store/db.h"

namespace sitepatrol::store {

class HostPermits {
 public:
  // Held while a request is in flight; gives the lock back when destroyed (any thread).
  class Permit {
   public:
    Permit(HostPermits* owner, std::string host, int slot)
        : owner_(owner), host_(std::move(host)), slot_(slot) {}
    ~Permit();
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;

   private:
    HostPermits* owner_;
    std::string host_;
    int slot_;  // -1: let through without a lock
  };
  using Granted = std::function<void(std::shared_ptr<Permit>)>;

  // A connection of its own to `database` (a postgresql:// URI); `limit` requests per host.
  static Result<std::unique_ptr<HostPermits>> connect(const std::string& database, int limit);
  ~HostPermits();
  HostPermits(const HostPermits&) = delete;
  HostPermits& operator=(const HostPermits&) = delete;

  // `granted` is called, on this object's thread, once a permit for `host` is free.
  void acquire(const std::string& host, const void* owner, Granted granted);
  // Drops the owner's waiting requests; no grant reaches it after this returns.
  void forget(const void* owner);

 private:
  struct Waiting {
    std::string host;
    const void* owner;
    Granted granted;
  };
  HostPermits(Db db, int limit);
  void run();
  void give_back(std::string host, int slot);
  static constexpr int kNoneFree = -1;
  static constexpr int kUnreachable = -2;
  // With the mutex unlocked: a lock of `host` not held here, tried in the database; its slot,
  // kNoneFree, or kUnreachable when the database could not be asked.
  int try_lock(const std::string& host, const std::set<std::pair<std::string, int>>& held);

  Db db_;
  const int limit_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Waiting> waiting_;
  std::mutex returns_mutex_;  // guards returned_ only (Permit's destructor takes it)
  std::vector<std::pair<std::string, int>> returned_;  // to unlock on the thread
  std::atomic<bool> returned_any_{false};
  std::set<std::pair<std::string, int>> held_;  // (host, slot) held by this process
  bool changed_ = false;                        // a request or a returned lock since the last round
  bool stop_ = false;
  bool warned_ = false;  // the thread's own
  std::thread thread_;
};

}  // namespace sitepatrol::store
