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
  Entry& entry = *hosts_.try_emplace(host).first;
  Host& h = entry.second;
  if (h.waiting.empty()) ready_.push_back(&entry);
  h.waiting.push_back(Waiting{std::move(start), Clock::now()});
  ++queued_;
  pump();
}

void HostGate::slow_down(const std::string& host, std::chrono::milliseconds delay) {
  hosts_[host].delay = delay;
}

void HostGate::hold(bool on) {
  if (on) {
    ++holds_;
  } else if (holds_ > 0 && --holds_ == 0) {
    pump();
  }
}

void HostGate::release(const std::string& host) {
  auto it = hosts_.find(host);
  if (it != hosts_.end() && it->second.active > 0) --it->second.active;
  if (active_ > 0) --active_;
  pump();
}

// A host's place in the order of starts; the greater rank goes first. A host with nothing
// running whose first request has waited `kPatience` goes first, so a small site never waits
// long behind big ones (of two such hosts, the one met first). Then a host with nothing
// running goes before one with requests running: its walk waits on that one request (a site
// just started knows no page but its homepage until it is read), where a running host's walk
// goes on. Then the host with the most requests waiting, so that the sites in flight end
// together instead of one long site running alone at the end of the patrol. Without the
// second rule the sites started last read their first pages behind the queues of the others
// and ran alone at the end (docs/performance.md, thirteenth session).
HostGate::Rank HostGate::rank(const Host& h, Clock::time_point now) {
  const bool idle = h.active == 0;
  if (idle && now - h.waiting.front().queued >= kPatience) return {true, false, 0};
  return {false, idle, h.waiting.size()};
}

// Starts as many waiting requests as the limits allow, to the host that goes first (of those
// under their own limit and rested; rank). Ties go round-robin.
void HostGate::pump() {
  const auto now = Clock::now();
  while (holds_ == 0 && active_ < global_limit_ && !ready_.empty()) {
    auto chosen = ready_.end();
    Rank best{};
    for (auto it = ready_.begin(); it != ready_.end(); ++it) {
      Host& h = (*it)->second;
      if (h.waiting.empty() || h.active >= per_host_limit_) continue;
      if (h.next_start > now) {
        wake_at((*it)->first, h.next_start);
        continue;
      }
      const Rank r = rank(h, now);
      if (chosen == ready_.end() || r > best) {
        chosen = it;
        best = r;
      }
    }
    if (chosen == ready_.end()) return;
    Entry* entry = *chosen;
    ready_.erase(chosen);
    Host& h = entry->second;
    auto start = std::move(h.waiting.front().start);
    h.waiting.pop_front();
    --queued_;
    ++h.active;
    ++active_;
    h.next_start = now + std::max(delay_, h.delay);
    if (!h.waiting.empty()) ready_.push_back(entry);
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
