// LINK-BROKEN, LINK-TIMEOUT and LINK-REDIRECT-LOOP (docs/codes.md): the outcome of checking
// one link target, whatever kind of reference (a, img, script, link, iframe, ...) it was.
//
// Broken: an HTTP status >= 400 that the site does not list in accepted_status (429 and 503
// included: they are what the reader got after the crawler's retries), or a DNS, connect,
// TLS, reset or other failure. Nothing is raised for 1xx/2xx/3xx answers (304 included),
// for targets not fetched on purpose (blocked private address, robots.txt), for a body over
// the size cap (judged by its status alone), or for links never fetched (status 0, no error,
// as when check_external_links is off). Subject is the target, page the first page
// carrying it.
#pragma once

#include "checks/registry.h"

namespace sitepatrol::checks {

// LinkCheck.
void check_link_status(const SiteContext& ctx, const LinkResult& link, Findings& out);

}  // namespace sitepatrol::checks
