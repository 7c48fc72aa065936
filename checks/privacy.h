// CONTENT-PRIVACY (issue 13): a published page shows unmasked personal data — resident ID
// numbers, bank card numbers, or a list of mobile numbers beside personal names
// (checks/personal_data.h says what counts). Leaking protected information is a single-veto
// item of the national indicators, so the finding is critical.
//
// One finding per page: subject and page are the page's URL; the detail counts each kind and
// shows the first few masked (110101********1234): the full numbers are never stored, so no
// report, export or alert can print them.
//
// Pure and linear in the page's visible text (scripts, styles and hidden elements are not
// in it).
#pragma once

#include "checks/registry.h"

namespace sitepatrol::checks {

// PageCheck. Detail e.g. "unmasked personal data: 2 resident ID numbers (110101********1234,
// 320102********0018), 4 mobile numbers beside names (138****5678, …)".
void check_privacy(const SiteContext& ctx, const PageResult& page, Findings& out);

}  // namespace sitepatrol::checks
