#include "app/progress.h"

#include <chrono>
#include <cstdio>

namespace sitepatrol::app {

ProgressLine::ProgressLine(const crawler::PatrolProgress& progress) : progress_(progress) {
  thread_ = std::thread([this] {
    const auto start = std::chrono::steady_clock::now();
    while (!stop_) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      draw(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
  });
}

ProgressLine::~ProgressLine() {
  stop_ = true;
  thread_.join();
}

void ProgressLine::draw(double seconds) const {
  const int pages = progress_.pages;
  const double rate = seconds > 0 ? pages / seconds : 0;
  std::fprintf(stderr,
               "\r\033[Ksites %d/%d  pages %d  links %d  queue %d  %.0f pages/s  %.1f MB  "
               "findings %d",
               progress_.sites_done.load(), progress_.sites_total.load(), pages,
               progress_.links_checked.load(), progress_.queued.load(), rate,
               progress_.bytes.load() / 1e6, progress_.findings.load());
  std::fflush(stderr);
}

}  // namespace sitepatrol::app
