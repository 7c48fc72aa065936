// The re-check section of a site's page and of a finding's page (issue 17): the state of the
// site's newest re-check request (queued, running, done with its run, failed and why) and,
// for operators, the button that queues one. A finding's re-check is a patrol of its site:
// only a whole walk settles what the site checks judge (docs/console.md). Pure; any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/console/page.h"
#include "store/store.h"

namespace sitepatrol::app::console {

struct RecheckSection {
  std::string site;                             // the site's id
  std::optional<store::RecheckRequest> latest;  // its newest re-check request
  std::string back;    // where the button's answer leads ("": the site's page)
  std::string button;  // the button's label (plain text)
  std::string result;  // HTML after the state line: what the re-check found (may be "")
};

std::string recheck_section(const RecheckSection& section, const config::TimeZone& zone,
                            const Viewer& viewer);

// Whether a re-check is still waiting or running (the page then reloads itself).
bool recheck_pending(const std::optional<store::RecheckRequest>& latest);

}  // namespace sitepatrol::app::console
