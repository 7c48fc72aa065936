// What the console shows of each site, read from the store in a handful of queries whatever
// the number of sites (issue 17): this month's verdict (the monthly report's own model, so
// the console and the 通报 agree), the open findings by severity, availability from the
// probes' daily rollup, the homepage certificate, the last patrol, and the findings of the
// recent runs as a trend. One thread (the store's).
#pragma once

#include <array>
#include <chrono>
#include <expected>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/config.h"
#include "reports/report_model.h"
#include "store/store.h"

namespace sitepatrol::app::console {

inline constexpr int kTrendRuns = 30;  // points of a site's trend line
inline constexpr int kProbeDays = 30;  // days of the availability chart

struct SiteState {
  const config::SiteConfig* site = nullptr;
  std::optional<reports::SiteReport> month;  // nullopt: no run covered the site this month
  std::array<int, 4> open{};                 // current findings that count, by severity
  int reviewed = 0;                          // current findings a review sets aside
  std::optional<double> avail7;              // up share over the last 7 and 30 days
  std::optional<double> avail30;
  std::vector<std::optional<double>> daily;  // kProbeDays shares, oldest first
  std::optional<int> cert_days;              // homepage certificate: days left
  store::RunInfo last_run;                   // the newest finished run that covered it
  store::SiteCoverage last_coverage;
  std::vector<int> trend;               // findings listed by its recent runs, oldest first
  std::vector<store::FindingRow> rows;  // its current findings (a site's own page only)
};

struct Estate {
  std::string month;  // YYYY-MM, the viewer's zone
  std::vector<SiteState> sites;
  reports::Report report;  // this month's report model (its zone formats times)
};

// The month the console shows (YYYY-MM) at `now` in `zone`; the second reads the configured
// [report] timezone first.
std::string estate_month(const config::TimeZone& zone, std::chrono::system_clock::time_point now);
std::string load_estate_month(const config::Config& config,
                              std::chrono::system_clock::time_point now);

// `sites`: the configured sites to show, in the order wanted. `database` is the store's
// file or URI (the certificate memory is read from it).
std::expected<Estate, std::string> load_estate(store::Store& store, const config::Config& config,
                                               const std::filesystem::path& database,
                                               const std::vector<const config::SiteConfig*>& sites,
                                               std::chrono::system_clock::time_point now,
                                               reports::Lang lang);

// Reads availability (the probes' daily rollup) and certificates again: they change between
// runs, the rest of an Estate does not.
void refresh_availability(Estate& estate, store::Store& store,
                          const std::filesystem::path& database,
                          std::chrono::system_clock::time_point now);

// Computes the state of `sites` (ids) again and puts it in place: after a run of a few sites
// (a re-check) or a review, cheaper than the whole estate.
std::expected<void, std::string> patch_estate(Estate& estate, store::Store& store,
                                              const config::Config& config,
                                              const std::filesystem::path& database,
                                              const std::set<std::string>& sites,
                                              std::chrono::system_clock::time_point now,
                                              reports::Lang lang);

}  // namespace sitepatrol::app::console
