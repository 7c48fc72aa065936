#include "app/progress.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "app/terminal_line.h"
#include "reports/terminal_width.h"

namespace sitepatrol::app {

namespace {

// "1 m 05 s", "42 s": how long is left.
std::string short_duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld h %02ld m", s / 3600, s / 60 % 60);
  else if (s >= 60)
    std::snprintf(buf, sizeof buf, "%ld m %02ld s", s / 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld s", s);
  return buf;
}

}  // namespace

ProgressLine::ProgressLine(const crawler::PatrolProgress& progress) : progress_(progress) {
  thread_ = std::thread([this] {
    const auto start = std::chrono::steady_clock::now();
    while (!stop_) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      draw(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    TerminalLine::stderr_line().erase();
  });
}

ProgressLine::~ProgressLine() {
  stop_ = true;
  thread_.join();
}

std::string progress_text(const crawler::PatrolProgress& progress, double seconds) {
  const int pages = progress.pages;
  const int done = progress.sites_done;
  const int total = progress.sites_total;
  char counts[200];
  std::snprintf(counts, sizeof counts, "sites %d/%d  pages %d  links %d  %.0f pages/s  findings %d",
                done, total, pages, progress.links_checked.load(),
                seconds > 0 ? pages / seconds : 0.0, progress.findings.load());
  std::string text = counts;
  // Time left from the sites done so far: sites are walked side by side, so this is rough
  // until a few have ended, and unknown before the first.
  if (done > 0 && done < total)
    text += "  ~" + short_duration(seconds / done * (total - done)) + " left";
  const auto active = progress.in_progress();
  if (!active.empty()) {
    text += "  now: ";
    for (std::size_t i = 0; i < active.size() && i < 3; ++i) text += (i ? ", " : "") + active[i];
    if (active.size() > 3) text += " +" + std::to_string(active.size() - 3);
  }
  return text;
}

void ProgressLine::draw(double seconds) const {
  // Never wider than the terminal: a wrapped line could not be erased by "\r\033[K".
  const int columns = reports::terminal_columns(2);
  TerminalLine::stderr_line().draw(
      reports::truncate_to_width(progress_text(progress_, seconds), std::max(20, columns - 1)));
}

}  // namespace sitepatrol::app
