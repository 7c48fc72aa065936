// AVAIL-DOWN and AVAIL-SLOW (docs/codes.md): did the homepage answer, and how fast.
//
// Up means a 2xx answer (or 304 to a conditional request) with no fetch error; a status the
// site lists in accepted_status does not make the homepage up, that list is for links.
// A body over the size cap still counts as an answer; a homepage disallowed by robots.txt
// was not fetched, so nothing is said about it.
#pragma once

#include "checks/registry.h"

namespace sitepatrol::checks {

// True when the homepage outcome counts as "up" (see above).
bool homepage_up(const PageResult& homepage);

// SiteCheck. AVAIL-DOWN (critical) or AVAIL-SLOW (warning), subject and page the homepage URL.
void check_availability(const SiteContext& ctx, const SiteResult& result, Findings& out);

}  // namespace sitepatrol::checks
