// SEC-DARKLINK (docs/codes.md): a link readers cannot see that is a dark link (暗链) — the
// hidden gambling, pornography, lottery, loan and 代开发票 link blocks injected into
// compromised government pages — judged the way a commercial 暗链 detector judges it: hidden
// and off-site is not enough.
//
// The parser has already decided which links are hidden and how (LinkRef::hidden and
// hidden_by, per checks/visibility.h). Of the hidden a/area links to http(s) URLs:
//  - nothing for the site's own and approved hosts (host_approved(): own hosts, registered
//    sites, allowed_domains, the regulatory domains), the approved infrastructure hosts
//    (infrastructure_host(): the 党政机关 mark, the 找错 service, 无障碍 toolbars, CMS
//    vendors such as the Hanweb template's hidden "Produced By 大汉网络" credit, CDNs, central
//    media), and government infrastructure (infrastructure_link(): gov.cn hosts, the 找错
//    service linked by IP address) — hidden drop-down menus and tab panes raise nothing;
//  - critical when there is evidence (checks/darklink_evidence.h): spam terms in the link's
//    text or URL, a suspicious host name, or a link farm: kLinkFarmHosts or more distinct
//    unrelated registrable domains among the page's hidden foreign links, counting only
//    hidden blocks that hold no link of the site or an approved host;
//  - nothing, without such evidence, for a link in a hidden block of the template: one that
//    also holds the site's own or approved links (a 友情链接 drop-down, a tab pane; blocks are
//    told apart by LinkRef::hidden_by);
//  - warning, for review, for any other hidden link to a foreign host. A warning does not
//    fail the 暗链 single veto (reports/verdicts.h counts critical SEC-DARKLINK only).
// Hidden iframes and scripts are not links a reader could follow; foreign ones are
// SEC-FOREIGN-SCRIPT's.
//
// Subject the link's URL, page the page carrying it, detail the technique, the anchor text
// and the evidence: "hidden by display:none on div#hid; text 澳门赌场; spam terms 澳门赌场,
// bet365; host name says bet"; a warning ends "no spam term, suspicious host or link farm:
// review". Runs on the patrol's thread; pure (the spam matcher is shared, see checks/spam.h).
#pragma once

#include <cstddef>

#include "checks/registry.h"

namespace sitepatrol::checks {

// Distinct unrelated registrable domains among a page's hidden links that make a link farm.
inline constexpr std::size_t kLinkFarmHosts = 3;

// PageCheck.
void check_darklinks(const SiteContext& ctx, const PageResult& page, Findings& out);

}  // namespace sitepatrol::checks
