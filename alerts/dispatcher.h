// The alert outbox: queueing alerts once per channel, delivering them with retries.
//
// enqueue() writes one history row per channel that wants the alert (its events and sites);
// the history is unique on (alert key, channel), so an event noticed twice is queued once.
// deliver() sends the rows that are due. A failed send is retried after the channel's
// retry_after, doubling each time up to an hour, until max_attempts; then the row is marked
// failed. Alerts due during a channel's quiet hours wait until they end. A row whose channel
// is no longer configured (after a reload) is marked failed.
//
// Time comes in as arguments (`now`), so tests drive it; `local_minute` is the minute of the
// local day at `now` (quiet hours are local). A Dispatcher uses its Store from one thread.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <span>
#include <string>

#include "alerts/alert.h"
#include "alerts/sender.h"
#include "config/alerts.h"
#include "store/store.h"

namespace sitepatrol::alerts {

struct DeliveryReport {
  int sent = 0;
  int failed_attempts = 0;   // sends that failed (and will be retried or gave up)
  int given_up = 0;          // rows marked failed this time
  std::string store_error;   // the store could not be read or written; "" when fine
};

// Called after each attempt (metrics, logs): channel, event, error ("" when sent).
using AttemptObserver = std::function<void(const std::string& channel, const std::string& event,
                                           const std::string& error)>;

// What `channel` is sent of `alert`: nullopt when it does not want it or nothing is left.
// `told`: what the channel already has of the same site and run (earlier_alerts). A dead link
// is told once per channel and run: a homepage_links alert leaves out the links told before
// (the daemon scans a running patrol's homepage again and again) and takes a follow-up key,
// `key:2`, `key:3`...; the dead_links digest leaves out what homepage_links told.
std::optional<Alert> for_channel(const Alert& alert, const config::AlertChannel& channel,
                                 std::span<const Alert> told = {});

// The homepage_links and dead_links alerts `channel` already has for the site and run of
// `alert` (keyed "<event>:<site>:run<N>"); none for other events.
store::Result<std::vector<Alert>> earlier_alerts(store::Store& store, const Alert& alert,
                                                 const config::AlertChannel& channel);

// Queues `alert` for every channel that wants it; returns how many rows were new.
store::Result<int> enqueue(store::Store& store, const Alert& alert,
                           std::span<const config::AlertChannel> channels,
                           std::chrono::system_clock::time_point now);

class Dispatcher {
 public:
  Dispatcher(store::Store& store, Sender& sender) : store_(store), sender_(sender) {}

  DeliveryReport deliver(std::span<const config::AlertChannel> channels,
                         std::chrono::system_clock::time_point now,
                         const std::atomic<bool>* stop = nullptr,
                         const AttemptObserver& observer = {});

 private:
  store::Store& store_;
  Sender& sender_;
};

// The local minute of day (0..1439) at `t`.
int local_minute_of_day(std::chrono::system_clock::time_point t);

// When an alert due at `now` may go out on `channel`: now, or the end of its quiet hours.
std::chrono::system_clock::time_point release_time(const config::AlertChannel& channel,
                                                   std::chrono::system_clock::time_point now);

// The delay before retry number `attempts` (1 = the first retry).
std::chrono::seconds retry_delay(const config::AlertChannel& channel, int attempts);

}  // namespace sitepatrol::alerts
