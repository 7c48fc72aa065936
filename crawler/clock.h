// The clock seam: patrols read "now" only through a Clock, so tests can fix today.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sitepatrol::crawler {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now();
  }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::chrono::system_clock::time_point t) : t_(t) {}
  std::chrono::system_clock::time_point now() const override { return t_; }

 private:
  std::chrono::system_clock::time_point t_;
};

// "2026-11-25T02:00:03Z"
std::string to_rfc3339(std::chrono::system_clock::time_point t);

// Reads "2026-11-25T02:00:03Z" (UTC, as to_rfc3339 writes it) or "2026-11-25T10:00:03+08:00";
// nullopt for anything else.
std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view text);

}  // namespace sitepatrol::crawler
