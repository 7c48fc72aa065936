// What `crawl` says about each site when the run ends: a line per site on the terminal (after
// the run's summary; the log has the crawler's own line per site), and the sites that were down
// named together, so the reader of a night's output sees at once which sites could not be checked.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "crawler/patrol.h"

namespace sitepatrol::app {

// "  hb-jtt  湖北省交通运输厅   1840 pages   12 findings   41m 07s  down: HTTP 503", one per
// site in the order given (that of the configuration), aligned by display width.
std::vector<std::string> site_summary_lines(const std::vector<crawler::SiteOutcome>& outcomes,
                                            const std::vector<const config::SiteConfig*>& sites);

// "Down: hb-jtt (HTTP 503), js-jtt (timeout)", or "" when every site answered.
std::string down_sites_line(const std::vector<crawler::SiteOutcome>& outcomes);

}  // namespace sitepatrol::app
