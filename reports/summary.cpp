#include "reports/summary.h"

#include "reports/rfc3339.h"

#include <chrono>
#include <cstdint>
#include <string_view>

namespace sitepatrol::reports {
namespace {

std::string counted(int n, std::string_view singular, std::string_view plural) {
  std::string out = std::to_string(n);
  out += ' ';
  out += n == 1 ? singular : plural;
  return out;
}

std::string two_digits(std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

void SeverityCounts::add(checks::Severity severity, int n) {
  switch (severity) {
    case checks::Severity::critical:
      critical += n;
      break;
    case checks::Severity::error:
      error += n;
      break;
    case checks::Severity::warning:
      warning += n;
      break;
    case checks::Severity::info:
      info += n;
      break;
  }
}

SeverityCounts count_by_severity(std::span<const store::FindingRow> rows) {
  SeverityCounts counts;
  for (const store::FindingRow& row : rows) counts.add(row.finding.severity);
  return counts;
}

ChangeCounts count_changes(std::span<const store::FindingRow> rows) {
  ChangeCounts changes;
  for (const store::FindingRow& row : rows) {
    if (row.status == "new") ++changes.new_findings;
    if (row.status == "resolved") ++changes.resolved;
  }
  return changes;
}

std::string totals_line(const SeverityCounts& counts) {
  return counted(counts.total(), "finding", "findings") + ": " + std::to_string(counts.critical) +
         " critical, " + std::to_string(counts.error) + " error, " +
         std::to_string(counts.warning) + " warning, " + std::to_string(counts.info) + " info";
}

std::optional<std::string> run_duration(const std::string& started_at,
                                        const std::string& finished_at) {
  auto start = parse_rfc3339(started_at);
  auto end = parse_rfc3339(finished_at);
  if (!start || !end || *end < *start) return std::nullopt;
  return format_duration(*end - *start);
}

std::string format_duration(std::int64_t s) {
  if (s < 60) return std::to_string(s) + "s";
  if (s < 3600) return std::to_string(s / 60) + "m " + two_digits(s % 60) + "s";
  return std::to_string(s / 3600) + "h " + two_digits(s % 3600 / 60) + "m";
}

std::string run_summary(const store::RunInfo& run, const SeverityCounts& counts,
                        std::optional<ChangeCounts> changes,
                        std::optional<std::int64_t> wall_seconds) {
  std::string out = "Run " + std::to_string(run.id);
  if (run.status == "running") {
    out += " is still running";
  } else if (run.status == "aborted") {
    out += " was aborted";
  } else if (wall_seconds) {
    out += " finished in " + format_duration(*wall_seconds);
  } else if (auto duration = run_duration(run.started_at, run.finished_at)) {
    out += " finished in " + *duration;
  } else {
    out += " finished";
  }
  out += ": " + counted(run.sites, "site", "sites") + ", " + counted(run.pages, "page", "pages") +
         ", " + counted(run.links_checked, "link checked", "links checked") + ". ";
  out += counts.total() == 0 ? std::string("No findings") : totals_line(counts);
  if (changes) {
    out += "; " + std::to_string(changes->new_findings) + " new, " +
           std::to_string(changes->resolved) + " resolved since the previous run";
  }
  out += '.';
  return out;
}

}  // namespace sitepatrol::reports

namespace sitepatrol::reports {

std::string site_summary_line(const SiteSummary& site) {
  std::string out = site.id;
  if (!site.name.empty()) out += " " + site.name;
  out += ": ";
  if (site.coverage == "down") {
    out += "DOWN";
    if (!site.reason.empty()) out += " (" + site.reason + ")";
    out += ", ";
  } else if (site.coverage == "partial") {
    out += "partial";
    if (!site.reason.empty()) out += " (" + site.reason + ")";
    out += ", ";
  }
  out +=
      counted(site.pages, "page", "pages") + ", " + counted(site.findings, "finding", "findings");
  if (site.seconds) out += ", " + format_duration(*site.seconds);
  return out;
}

std::string down_sites_line(std::span<const SiteSummary> sites) {
  std::string out;
  for (const SiteSummary& site : sites) {
    if (site.coverage != "down") continue;
    out += out.empty() ? "Down: " : ", ";
    out += site.id;
    if (!site.reason.empty()) out += " (" + site.reason + ")";
  }
  return out;
}

}  // namespace sitepatrol::reports
