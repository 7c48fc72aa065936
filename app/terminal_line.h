// TerminalLine: the one live status line at the bottom of a terminal's stderr (the crawl's
// progress line) and the log lines that must never be glued onto it.
//
// Whoever draws the status line calls `show`; whoever writes anything else to stderr while
// it may be up goes through `above`, which erases the line first (the next `show` redraws
// it). `line_aware_sink` wraps an spdlog sink so every log record does that. One instance
// per process; every member takes its mutex, so any thread may call any of them.
#pragma once

#include <spdlog/sinks/sink.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string_view>

namespace sitepatrol::app {

class TerminalLine {
 public:
  static TerminalLine& instance();

  // Replaces the status line with `text` (which must fit the terminal's width).
  void show(std::string_view text);
  // Erases the status line, if one is up.
  void clear();
  // Erases the status line, then runs `write` (which writes whole lines to stderr).
  void above(const std::function<void()>& write);

 private:
  void erase_locked();

  std::mutex mutex_;
  bool shown_ = false;
};

// A sink that writes through `inner` (a stderr sink) by TerminalLine::above.
std::shared_ptr<spdlog::sinks::sink> line_aware_sink(std::shared_ptr<spdlog::sinks::sink> inner);

}  // namespace sitepatrol::app
