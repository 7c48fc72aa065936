#include "app/terminal_line.h"

#include <cstdio>
#include <string>

namespace sitepatrol::app {

TerminalLine& TerminalLine::instance() {
  static TerminalLine line;
  return line;
}

void TerminalLine::show(std::string_view text) {
  std::lock_guard lock(mutex_);
  const std::string out = "\r\033[K" + std::string(text);
  std::fwrite(out.data(), 1, out.size(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

void TerminalLine::clear() {
  std::lock_guard lock(mutex_);
  erase_locked();
}

void TerminalLine::above(const std::function<void()>& write) {
  std::lock_guard lock(mutex_);
  erase_locked();
  write();
  std::fflush(stderr);
}

void TerminalLine::erase_locked() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

namespace {

class LineAwareSink final : public spdlog::sinks::sink {
 public:
  explicit LineAwareSink(std::shared_ptr<spdlog::sinks::sink> inner) : inner_(std::move(inner)) {}

  void log(const spdlog::details::log_msg& msg) override {
    TerminalLine::instance().above([&] {
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

std::shared_ptr<spdlog::sinks::sink> line_aware_sink(std::shared_ptr<spdlog::sinks::sink> inner) {
  return std::make_shared<LineAwareSink>(std::move(inner));
}

}  // namespace sitepatrol::app
