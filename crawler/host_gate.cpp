#include "crawler/host_gate.h"

#include <algorithm>

#include <boost/asio/post.hpp>

namespace sitepatrol::crawler {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

HostGate::HostGate(asio::io_context& io, int global_limit, int per_host_limit,
                   std::chrono::milliseconds per_host_delay)
    : io_(io),
      global_limit_(global_limit < 1 ? 1 : global_limit),
      per_host_limit_(per_host_limit < 1 ? 1 : per_host_limit),
      delay_(per_host_delay) {}

void HostGate::acquire(const std::string& host, std::function<void()> start) {
  Host& h = hosts_[host];
  if (h.waiting.empty()) ready_.push_back(host);
  h.waiting.push_back(std::move(start));
  ++queued_;
  pump();
}

void HostGate::slow_down(const std::string& host, std::chrono::milliseconds delay) {
  hosts_[host].delay = delay;
}

void HostGate::release(const std::string& host) {
  auto it = hosts_.find(host);
  if (it != hosts_.end() && it->second.active > 0) --it->second.active;
  if (active_ > 0) --active_;
  pump();
}

// Starts as many waiting requests as the limits allow, one host at a time in turn.
void HostGate::pump() {
  const auto now = Clock::now();
  std::size_t scanned = 0;
  while (active_ < global_limit_ && !ready_.empty() && scanned < ready_.size()) {
    std::string host = std::move(ready_.front());
    ready_.pop_front();
    Host& h = hosts_[host];
    if (h.waiting.empty()) continue;
    const bool slot = h.active < per_host_limit_;
    const bool rested = h.next_start <= now;
    if (!slot || !rested) {
      if (slot && !rested) wake_at(host, h.next_start);
      ready_.push_back(std::move(host));
      ++scanned;
      continue;
    }
    scanned = 0;
    auto start = std::move(h.waiting.front());
    h.waiting.pop_front();
    --queued_;
    ++h.active;
    ++active_;
    h.next_start = now + std::max(delay_, h.delay);
    if (!h.waiting.empty()) ready_.push_back(host);
    asio::post(io_, std::move(start));
  }
}

void HostGate::wake_at(const std::string& host, Clock::time_point when) {
  Host& h = hosts_[host];
  if (h.timer_armed) return;
  h.timer_armed = true;
  auto timer = std::make_shared<asio::steady_timer>(io_, when);
  std::weak_ptr<bool> alive = alive_;
  timer->async_wait([this, host, timer, alive](const boost::system::error_code&) {
    if (alive.expired()) return;
    hosts_[host].timer_armed = false;
    pump();
  });
}

}  // namespace sitepatrol::crawler
