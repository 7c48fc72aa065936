// SEC-DARKLINK (CONTRACT.md §3): a link readers cannot see, to a host nobody approved — the
// hidden gambling and pornography link blocks injected into compromised government pages.
//
// The parser has already decided which links are hidden and how (LinkRef::hidden and
// hidden_by, per checks/visibility.h). This check keeps the hidden a/area links to http(s)
// hosts that host_approved() does not cover (the site's own hosts, registered sites,
// allowed_domains, the regulatory domains): hidden drop-down menus and tab panes of the
// site's own pages, and hidden links to approved hosts, raise nothing. Hidden iframes and
// scripts are not links a reader could follow; foreign ones are SEC-FOREIGN-SCRIPT's.
//
// Subject the link's URL, page the page carrying it, detail the technique and anchor text:
// "hidden by display:none on div#hid; text 澳门赌场". Runs on the patrol's thread; pure.
#pragma once

#include "checks/registry.h"

namespace sitepatrol::checks {

// PageCheck.
void check_darklinks(const SiteContext& ctx, const PageResult& page, Findings& out);

}  // namespace sitepatrol::checks
