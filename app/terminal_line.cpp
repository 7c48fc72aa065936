#include "app/terminal_line.h"

#include <cstdio>
#include <string>

namespace sitepatrol::app {

TerminalLine& TerminalLine::stderr_line() {
  static TerminalLine line;
  return line;
}

void TerminalLine::draw(std::string_view text) {
  std::lock_guard lock(mutex_);
  std::fputs("\r\033[K", stderr);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void TerminalLine::erase() {
  std::lock_guard lock(mutex_);
  erase_locked();
}

void TerminalLine::erase_locked() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

namespace {

class TerminalSafeSink final : public spdlog::sinks::sink {
 public:
  explicit TerminalSafeSink(std::shared_ptr<spdlog::sinks::sink> inner)
      : inner_(std::move(inner)) {}
  void log(const spdlog::details::log_msg& msg) override {
    TerminalLine::stderr_line().above([&] {
      inner_->log(msg);
      inner_->flush();
    });
  }
  void flush() override { inner_->flush(); }
  void set_pattern(const std::string& pattern) override { inner_->set_pattern(pattern); }
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override {
    inner_->set_formatter(std::move(formatter));
  }

 private:
  std::shared_ptr<spdlog::sinks::sink> inner_;
};

}  // namespace

std::shared_ptr<spdlog::sinks::sink> make_terminal_safe(
    std::shared_ptr<spdlog::sinks::sink> inner) {
  return std::make_shared<TerminalSafeSink>(std::move(inner));
}

}  // namespace sitepatrol::app
