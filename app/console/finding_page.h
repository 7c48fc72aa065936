// A finding's page (issue 17): what the run saw — severity, subject, page, the detail and its
// values (status, the URL asked for, the snippet) — the pages that carry a link, the
// finding's history across runs, its review notes, and for operators the review form and
// the re-check button (a patrol of its site; the page then shows what it found of this finding).
// Pure function of the loaded FindingView; any thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/console/page.h"
#include "store/store.h"

namespace sitepatrol::app::console {

struct FindingView {
  std::string site_name;
  checks::Finding key;                          // site, code, subject
  std::optional<store::FindingRow> row;         // its current row; nullopt when not current
  std::vector<store::FindingSighting> history;  // newest first
  std::vector<store::ReviewRecord> reviews;     // of this finding, newest first
  std::optional<store::RecheckRequest> recheck;  // its site's newest re-check request
  config::TimeZone zone;
};

std::string finding_page(const FindingView& view, const Viewer& viewer);

}  // namespace sitepatrol::app::console
