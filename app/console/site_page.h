// A site's page (issue 17): its verdict this month, its open findings (filtered by code
// family and severity) with where each is and since when, the re-check form and progress, its
// columns, its features, its availability over 30 days, its monthly reports and CSV, and the
// reviews of its findings. Pure function of the loaded SiteView; any thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/console/estate.h"
#include "app/console/page.h"

namespace sitepatrol::app::console {

struct SiteView {
  const config::Config* config = nullptr;
  Estate estate;                                 // of this one site
  std::vector<store::FindingRow> rows;           // its current findings
  std::vector<store::ReviewRecord> reviews;      // newest first
  std::optional<store::RecheckRequest> recheck;  // its newest re-check request
  std::vector<std::string> months;               // months with a run covering it, newest first
};

struct SiteQuery {
  std::string family;    // "LINK", "FRESH", ...; "" = all
  std::string severity;  // critical | error | warning | info; "" = all
};

std::string site_page(const SiteView& view, const Viewer& viewer, const SiteQuery& query,
                      std::chrono::system_clock::time_point now);

// The path of a finding's page, and the same escaped for an href.
std::string finding_path(const checks::Finding& f);
std::string finding_href(const checks::Finding& f);

}  // namespace sitepatrol::app::console
