// LINK-BROKEN for references that cannot be parsed (issue 11): an href such as
// "http://localhost]", "http://" or "http://exa mple.com/" leads every reader nowhere, so it
// is reported with the detail "malformed URL" instead of disappearing. The crawler finds
// them (crawler/html.h, PageResult::malformed_links); nothing is fetched. A page check, so a
// page answered 304 keeps its finding with the page's other findings. Pure.
#pragma once

#include "checks/finding.h"
#include "checks/inputs.h"
#include "checks/registry.h"

namespace sitepatrol::checks {

void check_malformed_links(const SiteContext& ctx, const PageResult& page, Findings& out);

}  // namespace sitepatrol::checks
