// The last line of a terminal's stderr, shared by the live progress line and the log: a log
// line first erases the progress line, so the two never end up glued on one line; the
// progress line is drawn again at its next tick. One per process (stderr is one terminal).
#pragma once

#include <memory>
#include <mutex>
#include <string_view>

#include <spdlog/sinks/sink.h>

namespace sitepatrol::app {

class TerminalLine {
 public:
  static TerminalLine& stderr_line();

  void draw(std::string_view text);  // replaces the line with `text` (no newline)
  void erase();                      // the line is empty again
  // Runs `write` (which prints whole lines to stderr) with the line erased first.
  template <class Write>
  void above(Write&& write) {
    std::lock_guard lock(mutex_);
    erase_locked();
    write();
  }

 private:
  void erase_locked();

  std::mutex mutex_;
  bool drawn_ = false;
};

// A sink that writes through `inner` (stderr) with the progress line erased first.
std::shared_ptr<spdlog::sinks::sink> make_terminal_safe(std::shared_ptr<spdlog::sinks::sink> inner);

}  // namespace sitepatrol::app
