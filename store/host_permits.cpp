#include "store/host_permits.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <map>

namespace sitepatrol::store {

namespace {

// The key pair's first half: the host within this schema (tests share a cluster, one schema
// each). Two int keys, so they never meet the patrol lock's single bigint key.
constexpr std::string_view kTryLock =
    "SELECT CASE WHEN pg_try_advisory_lock(hashtext(current_schema() || ' host ' || ?1), "
    "CAST(?2 AS integer)) THEN 1 ELSE 0 END";
constexpr std::string_view kUnlock =
    "SELECT pg_advisory_unlock(hashtext(current_schema() || ' host ' || ?1), "
    "CAST(?2 AS integer))";

}  // namespace

HostPermits::Permit::~Permit() {
  if (slot_ >= 0) owner_->give_back(std::move(host_), slot_);
}

Result<std::unique_ptr<HostPermits>> HostPermits::connect(const std::string& database, int limit) {
  auto db = Db::connect(database);
  if (!db) return std::unexpected(db.error());
  return std::unique_ptr<HostPermits>(new HostPermits(std::move(*db), std::max(1, limit)));
}

HostPermits::HostPermits(Db db, int limit) : db_(std::move(db)), limit_(limit) {
  thread_ = std::thread([this] { run(); });
}

HostPermits::~HostPermits() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void HostPermits::acquire(const std::string& host, const void* owner, Granted granted) {
  {
    std::lock_guard lock(mutex_);
    waiting_.push_back(Waiting{host, owner, std::move(granted)});
    changed_ = true;
  }
  wake_.notify_all();
}

void HostPermits::forget(const void* owner) {
  std::lock_guard lock(mutex_);
  std::erase_if(waiting_, [owner](const Waiting& w) { return w.owner == owner; });
}

// Not under mutex_: a permit may be dropped inside a grant, which runs under it.
void HostPermits::give_back(std::string host, int slot) {
  {
    std::lock_guard lock(returns_mutex_);
    returned_.emplace_back(std::move(host), slot);
  }
  returned_any_ = true;
  wake_.notify_all();
}

int HostPermits::try_lock(const std::string& host,
                          const std::set<std::pair<std::string, int>>& held) {
  for (int slot = 0; slot < limit_; ++slot) {
    if (held.contains({host, slot})) continue;
    auto stmt = db_.prepare(kTryLock);
    if (!stmt) return kUnreachable;
    stmt->bind_text(1, host).bind_int(2, slot);
    auto row = stmt->step();
    if (!row || !*row) return kUnreachable;
    if (stmt->column_int(0) == 1) return slot;
  }
  return kNoneFree;
}

// Each round: gives the returned locks back, then takes as many locks of each host as it has
// waiting requests (up to its limit) and hands them out in the order asked. Requests left
// waiting are tried again in the next round: at once when something changed here, else
// after 50 ms (another worker's lock may have come free).
void HostPermits::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait_for(lock, std::chrono::milliseconds(50),
                   [this] { return stop_ || changed_ || returned_any_; });
    if (stop_) return;
    changed_ = false;
    returned_any_ = false;
    std::vector<std::pair<std::string, int>> returned;
    {
      std::lock_guard returns(returns_mutex_);
      returned.swap(returned_);
    }
    for (const auto& entry : returned) held_.erase(entry);
    std::map<std::string, long> wanted;
    for (const Waiting& w : waiting_) ++wanted[w.host];
    auto held = held_;
    lock.unlock();

    for (const auto& [host, slot] : returned) {
      if (auto stmt = db_.prepare(kUnlock)) (void)stmt->bind_text(1, host).bind_int(2, slot).step();
    }
    std::vector<std::pair<std::string, int>> got;
    for (const auto& [host, count] : wanted) {
      for (long i = 0; i < count; ++i) {
        const int slot = try_lock(host, held);
        if (slot == kNoneFree) break;
        if (slot == kUnreachable && !warned_) {
          warned_ = true;
          spdlog::warn(
              "host limits shared by the workers: the database cannot be asked; "
              "requests go ahead without them until it can");
        }
        if (slot >= 0) held.insert({host, slot});
        got.emplace_back(host, slot);
      }
    }

    lock.lock();
    for (const auto& grant : got) {
      const std::string& host = grant.first;  // not a structured binding: a lambda uses it
      const int slot = grant.second;
      if (slot >= 0) held_.insert({host, slot});
      auto at = std::find_if(waiting_.begin(), waiting_.end(),
                             [&](const Waiting& w) { return w.host == host; });
      if (at == waiting_.end()) {  // forgotten meanwhile: given back next round
        if (slot >= 0) {
          std::lock_guard returns(returns_mutex_);
          returned_.emplace_back(host, slot);
        }
        changed_ = true;
        continue;
      }
      Waiting w = std::move(*at);
      waiting_.erase(at);
      w.granted(std::make_shared<Permit>(this, host, std::max(slot, -1)));
    }
  }
}

}  // namespace sitepatrol::store
