// A run's page (issue 17): when it ran and for how long, its sites with pages read, links
// checked and how completely, and what it found (new, still open) and resolved on each.
// Pure function of the loaded RunView; any thread.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/console/page.h"
#include "store/store.h"

namespace sitepatrol::app::console {

struct RunView {
  store::RunInfo run;
  std::map<std::string, store::SiteRunCounts> sites;  // the viewer's sites only
  std::map<std::string, std::string> names;           // site id -> name
  std::vector<store::FindingCount> counts;            // the viewer's sites only
  config::TimeZone zone;
};

std::string run_page(const RunView& view, const Viewer& viewer);

}  // namespace sitepatrol::app::console
