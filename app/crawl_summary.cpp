#include "app/crawl_summary.h"

#include <algorithm>

#include "reports/summary.h"
#include "reports/terminal_width.h"

namespace sitepatrol::app {

namespace {

std::string state_of(const crawler::SiteOutcome& o) {
  if (o.coverage.state == "complete" || o.coverage.state.empty()) return "";
  return o.coverage.reason.empty() ? o.coverage.state : o.coverage.state + ": " + o.coverage.reason;
}

std::string counted(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::vector<std::string> site_summary_lines(const std::vector<crawler::SiteOutcome>& outcomes,
                                            const std::vector<const config::SiteConfig*>& sites) {
  struct Row {
    std::string id, name, pages, findings, took, state;
  };
  std::vector<Row> rows;
  for (const auto* site : sites) {
    auto it = std::ranges::find(outcomes, site->id, &crawler::SiteOutcome::id);
    if (it == outcomes.end()) continue;  // not reached (the run was cut short)
    rows.push_back(
        {site->id, reports::sanitize_for_terminal(site->name), counted(it->pages, "page", "pages"),
         counted(it->findings, "finding", "findings"),
         reports::format_duration(static_cast<std::int64_t>(it->seconds + 0.5)), state_of(*it)});
  }
  int widths[5] = {};
  for (const Row& r : rows) {
    const std::string* cells[5] = {&r.id, &r.name, &r.pages, &r.findings, &r.took};
    for (int i = 0; i < 5; ++i) widths[i] = std::max(widths[i], reports::display_width(*cells[i]));
  }
  std::vector<std::string> lines;
  for (const Row& r : rows) {
    std::string line = "  " + reports::pad_to_width(r.id, widths[0]) + "  " +
                       reports::pad_to_width(r.name, widths[1]) + "  ";
    // Counts are right-aligned so their digits line up.
    for (auto [cell, width] :
         {std::pair{&r.pages, widths[2]}, {&r.findings, widths[3]}, {&r.took, widths[4]}}) {
      line += std::string(width - reports::display_width(*cell), ' ') + *cell + "  ";
    }
    line += r.state;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string down_sites_line(const std::vector<crawler::SiteOutcome>& outcomes) {
  std::string line;
  for (const auto& o : outcomes) {
    if (o.coverage.state != "down") continue;
    line += (line.empty() ? "Down: " : ", ") + o.id;
    if (!o.coverage.reason.empty()) line += " (" + o.coverage.reason + ")";
  }
  return line;
}

}  // namespace sitepatrol::app
