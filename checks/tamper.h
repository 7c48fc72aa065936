// SEC-TAMPER (docs/codes.md): a page whose template departs from its accepted baseline.
//
// The crawler sketches the homepage and the column pages (checks/fingerprint.h), hands the
// site's accepted sketches in ctx.baselines (by page URL), and records a page's first sketch
// as its baseline; `sitepatrol baseline accept` replaces them after a deliberate redesign.
// A page with a sketch and a baseline is compared, and SEC-TAMPER (critical) is raised when
//  - the share of structure changed reaches ctx.security->tamper_threshold (default 0.35):
//    the body was replaced (defacement) or the page was redesigned without `baseline accept`;
//  - or a new block appeared: a structure pattern repeated kNewBlock (12) or more times that
//    the baseline repeated fewer than 4 times. Injected link blocks (30 hidden gambling
//    links in the footer) change too small a share of a page's structure for any threshold
//    that ordinary news updates stay under, but they are exactly this; a news list whose 20
//    items were replaced repeats the patterns the baseline already repeated;
//  - or a script or frame src (compared without query) appears that the baseline lacked.
// A changed title alone is not tampering (sites rename things): it only appears in the
// detail, as do new inline scripts. Known limit: links stuffed into an existing repeated
// pattern (30 more items in the navigation list) keep the structure; SEC-DARKLINK and
// SEC-SPAM look at those links themselves.
//
// Subject and page are the page URL; detail is SketchDiff::summary, e.g. "structure 72%
// changed; new script http://evil.example/x.js; title changed from 'A' to 'B'".
// Pure; runs on the patrol's I/O thread.
#pragma once

#include "checks/fingerprint.h"
#include "checks/registry.h"

namespace sitepatrol::checks {

inline constexpr double kDefaultTamperThreshold = 0.35;

// The rule above, on a comparison's outcome.
bool is_tampered(const SketchDiff& diff, double threshold);

// PageCheck.
void check_tamper(const SiteContext& ctx, const PageResult& page, Findings& out);

}  // namespace sitepatrol::checks
