// A worker's store calls tried again while the database cannot be reached (issue 16,
// docs/workers.md): a PostgreSQL restart or failover takes seconds, and a worker that gave up
// at once would leave its slot idle until someone restarted it. The wait between tries
// doubles from 250 ms to 5 s; after `kOutage` without success the last error is returned.
#pragma once

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string_view>
#include <thread>

namespace sitepatrol::app {

inline constexpr std::chrono::seconds kOutage{300};

// `stop` ends the waiting early (a signal): the last result is returned.
template <class Call>
auto retry_store(std::string_view worker, std::string_view what, const std::atomic<bool>& stop,
                 Call&& call) -> decltype(call()) {
  using namespace std::chrono_literals;
  const auto give_up = std::chrono::steady_clock::now() + kOutage;
  auto pause = std::chrono::milliseconds(250);
  for (;;) {
    auto result = call();
    if (result || stop || std::chrono::steady_clock::now() >= give_up) return result;
    spdlog::warn("worker {}: {}: {}; trying again in {} ms", worker, what, result.error().message,
                 pause.count());
    for (auto slept = 0ms; slept < pause && !stop; slept += 50ms) std::this_thread::sleep_for(50ms);
    pause = std::min(pause * 2, std::chrono::milliseconds(5000));
  }
}

}  // namespace sitepatrol::app
