#include "app/daemon_scheduler.h"

#include <algorithm>

namespace sitepatrol::app {

namespace {

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::optional<TimePoint> earliest(const std::vector<config::CronExpr>& crons, TimePoint after) {
  std::optional<TimePoint> best;
  for (const auto& cron : crons) {
    auto t = cron.next(after);
    if (t && (!best || *t < *best)) best = t;
  }
  return best;
}

}  // namespace

TimePoint next_probe_slot(const std::string& site, std::chrono::seconds interval, TimePoint after) {
  using namespace std::chrono;
  const std::int64_t period = duration_cast<milliseconds>(interval).count();
  const std::int64_t offset = static_cast<std::int64_t>(fnv1a(site) % static_cast<std::uint64_t>(period));
  const std::int64_t t = duration_cast<milliseconds>(after.time_since_epoch()).count();
  // Smallest k * period + offset > t.
  std::int64_t k = (t - offset) / period;
  std::int64_t slot = k * period + offset;
  while (slot <= t) slot += period;
  return TimePoint(milliseconds(slot));
}

Scheduler::Scheduler(const config::Config& config, TimePoint now) { plan(config, now, false); }

void Scheduler::reconfigure(const config::Config& config, TimePoint now) {
  plan(config, now, true);
}

void Scheduler::plan(const config::Config& config, TimePoint now, bool keep_probes) {
  const auto old_intervals = intervals_;
  const auto old_probes = next_probe_;
  order_.clear();
  crons_.clear();
  intervals_.clear();
  next_probe_.clear();
  next_patrol_.clear();
  for (const auto& site : config.sites) {
    order_.push_back(site.id);
    crons_[site.id] = config.schedule.patrol_for(site.id);
    if (auto t = earliest(crons_[site.id], now)) next_patrol_[site.id] = *t;
    if (auto interval = config.schedule.probe_interval_for(site.id)) {
      intervals_[site.id] = *interval;
      // Keep a site's slot across a reload unless its interval changed; new sites at once.
      auto old = old_intervals.find(site.id);
      if (keep_probes && old != old_intervals.end() && old->second == *interval) {
        next_probe_[site.id] = old_probes.at(site.id);
      } else if (keep_probes && old != old_intervals.end()) {
        next_probe_[site.id] = next_probe_slot(site.id, *interval, now);
      } else {
        next_probe_[site.id] = now;
      }
    }
  }
  // Sites removed from the configuration leave the queue (a running patrol finishes them).
  std::erase_if(queued_, [&](const std::string& id) { return !crons_.contains(id); });
}

std::vector<std::string> Scheduler::take_due_probes(TimePoint now) {
  std::vector<std::string> due;
  for (const auto& id : order_) {
    auto it = next_probe_.find(id);
    if (it == next_probe_.end() || it->second > now) continue;
    due.push_back(id);
    it->second = next_probe_slot(id, intervals_.at(id), now);
  }
  return due;
}

bool Scheduler::request(const std::string& site) {
  if (std::find(order_.begin(), order_.end(), site) == order_.end()) return false;
  if (!running_.contains(site)) queued_.insert(site);
  return true;
}

std::vector<std::string> Scheduler::take_patrol(TimePoint now) {
  for (const auto& id : order_) {
    auto it = next_patrol_.find(id);
    if (it == next_patrol_.end() || it->second > now) continue;
    if (queued_.contains(id) || running_.contains(id)) {
      ++skipped_;
    } else {
      queued_.insert(id);
    }
    if (auto t = earliest(crons_[id], now)) {
      it->second = *t;
    } else {
      next_patrol_.erase(it);
    }
  }
  if (!running_.empty() || queued_.empty()) return {};
  std::vector<std::string> start;
  for (const auto& id : order_)
    if (queued_.contains(id)) start.push_back(id);
  running_ = std::move(queued_);
  queued_.clear();
  return start;
}

void Scheduler::patrol_finished() { running_.clear(); }

std::optional<TimePoint> Scheduler::next_event() const {
  std::optional<TimePoint> best;
  for (const auto* times : {&next_probe_, &next_patrol_}) {
    for (const auto& [id, t] : *times)
      if (!best || t < *best) best = t;
  }
  return best;
}

std::optional<TimePoint> Scheduler::next_patrol(const std::string& site) const {
  auto it = next_patrol_.find(site);
  return it == next_patrol_.end() ? std::nullopt : std::optional(it->second);
}

std::optional<TimePoint> Scheduler::next_probe(const std::string& site) const {
  auto it = next_probe_.find(site);
  return it == next_probe_.end() ? std::nullopt : std::optional(it->second);
}

}  // namespace sitepatrol::app
