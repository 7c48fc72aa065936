// SEC-FOREIGN-SCRIPT (CONTRACT.md §3): a script or frame loaded from a host nobody approved.
//
// A compromised government site typically gains a <script src> that redirects visitors
// arriving from search engines, or an <iframe> to a gambling page. References of kind script,
// iframe and frame count; their host is fine when host_approved() says so (the site's own
// hosts, registered sites, allowed_domains, the regulatory conac.cn/beian hosts) or when it is
// within one of ctx.security->approved_script_hosts (CDNs, statistics services, the 我为政府
// 网站找错 widget; without ctx.security no extra host is approved). Entries of that list may
// be written "cdn.example", ".cdn.example" or "*.cdn.example": each covers the domain and its
// subdomains. Subject is the script/frame URL, page the first page carrying it.
//
// Like LINK-UNAPPROVED it needs only the URL, so it runs on links that were not fetched.
// Pure; runs on the patrol's I/O thread.
#pragma once

#include <string_view>

#include "checks/registry.h"

namespace sitepatrol::checks {

// True when `host` is within an entry of ctx.security->approved_script_hosts.
bool script_host_approved(const SiteContext& ctx, std::string_view host);

// LinkCheck. Error, detail e.g. "script from evil.example (not the site's, not approved)".
void check_foreign_script(const SiteContext& ctx, const LinkResult& link, Findings& out);

}  // namespace sitepatrol::checks
