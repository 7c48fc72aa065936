// SEC-NO-HTTPS and SEC-HEADERS (docs/codes.md): how the site is delivered.
//
// check_transport looks at the homepage, once per site, and only when it answered (2xx, or a
// body over the size cap): an unanswered homepage is AVAIL-DOWN's business and carries no
// headers to judge.
//  - SEC-NO-HTTPS (warning) when the homepage was finally served over plain HTTP: its final
//    URL after redirects (the requested URL when there is none) is http://. A site configured
//    as http:// that redirects to https:// is served over HTTPS, which is the recommended
//    set-up, so it is not flagged; an https:// site that redirects down to http:// is.
//  - SEC-HEADERS (info) listing in one finding what the final answer lacks:
//    Strict-Transport-Security with max-age > 0 (only on HTTPS: browsers ignore it on HTTP),
//    X-Content-Type-Options: nosniff, and X-Frame-Options or a Content-Security-Policy with a
//    frame-ancestors directive (either stops clickjacking). Only response headers count:
//    browsers ignore frame-ancestors and X-Frame-Options in <meta>, and a
//    Content-Security-Policy-Report-Only header enforces nothing.
// Subject is the host of the homepage's final URL, as for TLS-CERT; page the homepage URL.
//
// check_mixed_content is the page half of SEC-NO-HTTPS: an HTTPS page that loads http://
// resources (img, script, link, iframe, frame, embed, source, audio, video, track, object;
// not a/area, which merely point somewhere). Browsers block or warn on these, so the page
// looks broken or "not secure". `link` covers every <link href>, including the rare
// rel=canonical/alternate that loads nothing: the parser does not keep rel. Subject the
// page's host (one finding per host and run), detail the first offender, active content
// (scripts, frames, stylesheets, objects) before passive, and how many more.
//
// Pure; runs on the patrol's I/O thread.
#pragma once

#include <string_view>

#include "checks/registry.h"

namespace sitepatrol::checks {

// True for reference kinds a browser loads into the page (see above).
bool is_subresource(std::string_view kind);

// SiteCheck: SEC-NO-HTTPS (warning) and SEC-HEADERS (info) on the homepage.
void check_transport(const SiteContext& ctx, const SiteResult& result, Findings& out);

// PageCheck: SEC-NO-HTTPS (warning) for mixed content on an HTTPS page.
void check_mixed_content(const SiteContext& ctx, const PageResult& page, Findings& out);

}  // namespace sitepatrol::checks
