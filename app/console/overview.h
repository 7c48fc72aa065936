// The overview page (issue 17): every site the viewer may see, one row each, filtered by
// unit and category and sorted by any column — on the server, so it works without script.
// Pure function of the loaded Estate; any thread.
#pragma once

#include <string>
#include <vector>

#include "app/console/estate.h"
#include "app/console/page.h"

namespace sitepatrol::app::console {

struct OverviewQuery {
  std::string unit;           // "" = every unit
  std::string category;       // "" = every category
  std::string sort = "site";  // a column key (overview.cpp kColumns)
  bool descending = false;
  std::vector<std::string> allowed_units;  // the viewer's units; empty = every unit
};

// `units` and `categories`: the choices of the filter (the viewer's sites' own).
std::string overview_page(const Estate& estate, const Viewer& viewer, const OverviewQuery& query,
                          const std::vector<std::string>& units,
                          const std::vector<std::string>& categories);

}  // namespace sitepatrol::app::console
