// SEC-FOREIGN-SCRIPT (docs/codes.md): a script or frame loaded from a host nobody approved.
//
// A compromised government site typically gains a <script src> that redirects visitors
// arriving from search engines, or an <iframe> to a gambling page. References of kind script,
// iframe and frame count; their host is fine when host_approved() says so (the site's own
// hosts, registered sites, allowed_domains, the regulatory conac.cn/beian hosts) or when
// infrastructure_host() says so (checks/host.h: the built-in config/infrastructure_hosts.toml
// — 找错 service, 无障碍 toolbars, CMS vendors' analytics, statistics services, CDNs — plus
// the user's [security] approved_hosts). Subject is the script/frame URL, page the first page
// carrying it.
//
// Like LINK-UNAPPROVED it needs only the URL, so it runs on links that were not fetched.
// Pure; runs on the patrol's I/O thread.
#pragma once

#include "checks/registry.h"

namespace sitepatrol::checks {

// LinkCheck. Error, detail e.g. "script from evil.example (not the site's, not approved)".
void check_foreign_script(const SiteContext& ctx, const LinkResult& link, Findings& out);

}  // namespace sitepatrol::checks
