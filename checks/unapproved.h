// LINK-UNAPPROVED (docs/codes.md): a link that takes the reader off the site to a domain
// nobody approved — the 错链 review of the self-inspection.
//
// Only navigational references count: a, area, iframe, frame, embed and meta-refresh, i.e.
// what shows the reader another site. Scripts, stylesheets and images from foreign hosts are
// SEC-FOREIGN-SCRIPT's business (or harmless). Approved is what host_approved() says: the
// site's own hosts, registered sites, allowed_domains, with subdomains. The subject is the
// target host, so a run reports each host once (the patrol keeps one finding per
// (site, code, subject)); the detail is the first such link.
//
// The check needs only the URL: it runs on links that were not fetched (status 0), so the
// crawler should pass external links through the link checks even when
// check_external_links is off.
#pragma once

#include <string_view>

#include "checks/registry.h"

namespace sitepatrol::checks {

// True for the reference kinds above.
bool is_navigational(std::string_view kind);

// LinkCheck.
void check_unapproved(const SiteContext& ctx, const LinkResult& link, Findings& out);

}  // namespace sitepatrol::checks
