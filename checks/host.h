// Host helpers for checks, on already normalised absolute URLs (crawler/url.h normalises;
// checks do not link curl). Also the one notion of "approved host" every check that asks
// "does this leave the site?" shares (LINK-UNAPPROVED, SEC-FOREIGN-SCRIPT, SEC-DARKLINK), and
// the approved infrastructure hosts the two security checks add to it. Pure functions.
#pragma once

#include <string_view>

#include "checks/inputs.h"

namespace sitepatrol::checks {

// "http://user@Www.A.example:8080/x" -> "Www.A.example"; "[::1]" -> "::1"; "" without "://".
std::string_view host_of(std::string_view url);

// `host` equals `domain` or is a subdomain of it: "www.gov.cn" is within "gov.cn",
// "evilgov.cn" is not. ASCII case-insensitive.
bool host_within(std::string_view host, std::string_view domain);

// True when `host` belongs to the site or is approved for it: within one of its own hosts or a
// registered site's host (a leading "www." is dropped first, so "www.a.gov.cn" covers
// "a.gov.cn" and "xxgk.a.gov.cn"), or within one of the site's allowed_domains.
bool host_approved(const SiteContext& ctx, std::string_view host);

// True when `host` is within an entry of ctx.security->approved_hosts (the built-in
// config/infrastructure_hosts.toml plus the user's `approved_hosts`; the built-in list alone
// without ctx.security): the 党政机关 mark, the 找错 service, 无障碍 toolbars, CMS vendors,
// statistics services, CDNs. Entries "x", ".x" and "*.x" all cover x and its subdomains.
bool infrastructure_host(const SiteContext& ctx, std::string_view host);

}  // namespace sitepatrol::checks
