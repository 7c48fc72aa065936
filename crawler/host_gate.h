// HostGate: who may start a request now. Enforces the global concurrency limit, the
// per-host limit and the per-host delay between request starts (politeness).
//
// Thread rules: used only on the io_context's thread. `acquire` queues a start function;
// it runs (posted, never inline) once a slot is free; the caller must `release` the host
// when its request is done. A free slot goes to a host with nothing running first, then to the
// host with the most requests waiting, but never past a host with nothing running that has
// waited kPatience: sites end together, and no small site waits long behind big ones
// (host_gate.cpp, pump).
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

namespace sitepatrol::crawler {

class HostGate {
 public:
  HostGate(boost::asio::io_context& io, int global_limit, int per_host_limit,
           std::chrono::milliseconds per_host_delay);

  void acquire(const std::string& host, std::function<void()> start);
  void release(const std::string& host);
  // A longer delay for one host (robots.txt Crawl-delay); never shorter than the default.
  void slow_down(const std::string& host, std::chrono::milliseconds delay);

  // While held, no waiting request starts; those running go on (ParseBacklog holds the gate
  // while the parse pool is behind, StoreWriter while the store is). Each hold(true) is
  // undone by one hold(false); when the last is, the gate starts what the limits allow.
  void hold(bool on);
  static constexpr std::chrono::milliseconds kPatience{1000};

  std::size_t queued() const { return queued_; }
  int active() const { return active_; }

 private:
  struct Waiting {
    std::function<void()> start;
    std::chrono::steady_clock::time_point queued;
  };
  struct Host {
    int active = 0;
    std::chrono::steady_clock::time_point next_start{};
    std::deque<Waiting> waiting;
    bool timer_armed = false;
    std::chrono::milliseconds delay{0};  // 0: the gate's default
  };

  void pump();
  // (patient, idle, requests waiting), compared as a tuple; host_gate.cpp says why.
  using Rank = std::tuple<bool, bool, std::size_t>;
  static Rank rank(const Host& h, std::chrono::steady_clock::time_point now);
  void wake_at(const std::string& host, std::chrono::steady_clock::time_point when);

  boost::asio::io_context& io_;
  int global_limit_;
  int per_host_limit_;
  std::chrono::milliseconds delay_;
  int active_ = 0;
  std::size_t queued_ = 0;
  int holds_ = 0;  // hold(true) not yet undone by hold(false)
  std::unordered_map<std::string, Host> hosts_;
  // Hosts with waiters, in round-robin order: pointers into hosts_ (stable across rehashing;
  // hosts_ never erases an entry, and must drop it from here first if it ever does), so that
  // pump's scan does not hash every host's name on each start.
  using Entry = std::pair<const std::string, Host>;
  std::deque<Entry*> ready_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace sitepatrol::crawler
