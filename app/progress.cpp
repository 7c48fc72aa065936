#include "app/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "app/terminal_line.h"
#include "reports/summary.h"
#include "reports/terminal_width.h"

namespace sitepatrol::app {

namespace {

// "hb-jtt, hn-jtt +3": the first two ids, then how many more.
std::string running_sites(const std::vector<std::string>& ids) {
  std::string out;
  const std::size_t shown = std::min<std::size_t>(ids.size(), 2);
  for (std::size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > shown) out += " +" + std::to_string(ids.size() - shown);
  return out;
}

}  // namespace

std::string progress_text(const ProgressSnapshot& s, double seconds, int columns,
                          double time_left_cap) {
  const double rate = seconds > 0 ? s.pages / seconds : 0;
  char counters[200];
  std::snprintf(counters, sizeof counters,
                "sites %d/%d  pages %d  links %d  queue %d  %.0f pages/s  %.1f MB  findings %d",
                s.sites_done, s.sites_total, s.pages, s.links_checked, s.queued, rate,
                s.bytes / 1e6, s.findings);
  std::string text = counters;
  // Only once pages have been read for a few seconds is the rate worth an estimate.
  if (rate > 0 && seconds >= 3) {
    double left = s.queued / rate;
    if (time_left_cap > 0) left = std::min(left, std::max(0.0, time_left_cap - seconds));
    text += "  ~" + reports::format_duration(static_cast<std::int64_t>(left + 0.5)) + " left";
  }
  if (!s.running.empty()) text += "  crawling " + running_sites(s.running);
  return reports::truncate_to_width(reports::sanitize_for_terminal(text),
                                    std::max(columns - 1, 10));
}

ProgressLine::ProgressLine(const crawler::PatrolProgress& progress,
                           std::chrono::seconds max_run_time)
    : progress_(progress), max_run_time_(max_run_time) {
  thread_ = std::thread([this] {
    const auto start = std::chrono::steady_clock::now();
    while (!stop_) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      if (stop_) break;
      draw(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    TerminalLine::instance().clear();
  });
}

ProgressLine::~ProgressLine() {
  stop_ = true;
  thread_.join();
}

void ProgressLine::draw(double seconds) const {
  ProgressSnapshot s;
  s.sites_total = progress_.sites_total;
  s.sites_done = progress_.sites_done;
  s.pages = progress_.pages;
  s.links_checked = progress_.links_checked;
  s.queued = progress_.queued;
  s.findings = progress_.findings;
  s.bytes = progress_.bytes;
  for (const auto& site : progress_.sites())
    if (site.running) s.running.push_back(site.id);
  // Read each time: the user may resize the terminal while the patrol runs.
  const int columns = reports::terminal_columns(STDERR_FILENO);
  TerminalLine::instance().show(
      progress_text(s, seconds, columns, static_cast<double>(max_run_time_.count())));
}

}  // namespace sitepatrol::app
