// ID-MISSING (docs/codes.md): the homepage footer lacks one of
// the identifiers every government site must show. Subjects are the identifier kinds:
//  - site_code: 网站标识码 and its 10-character code, ten digits for local sites
//    ("网站标识码：4300000077") or two letters and eight digits for departments
//    ("网站标识码 bm55000001"), an optional ":" or "：" and spaces between. A letter may
//    follow the code (inline elements are not separated in the text), a digit may not; a
//    placeholder such as XXXXXXXXXX is not a code. The misspellings 网站识别码 and 网站标示码 are
//    common in real footers and count as present: the code is there, and "missing" would tell the
//    site owner something false. (A wrong label is not what this finding reports.)
//  - icp: a province abbreviation, "ICP备" (any case), the number ("京ICP备19014889号-1").
//  - police_record: a province abbreviation, "公网安备", the number
//    ("京公网安备 11010202008000号").
//    For both, spaces may stand around the keyword and the number must have at least five
//    digits; the closing 号 is not required, since the check asks whether the filing number
//    is shown, not whether it is typeset by the rules. The abbreviations include the
//    variants the two registries use (川/蜀, 贵/黔, 云/滇, 陕/秦, 甘/陇).
//  - party_gov_mark: the 党政机关网站 mark, any reference of the homepage (link, image, or the
//    conac.cn script that draws it) whose host is within conac.cn.
//
// Why "the footer" is the last 3000 bytes of the visible text: checks see plain values, not
// the DOM, and the visible text is in document order, so the footer is at its end; 3000 bytes
// (about 1000 Chinese characters) hold a long footer with room to spare, while the window
// keeps a 网站标识码 quoted in a news article out of the decision. The cut is moved forward to
// a character boundary. The matching is plain byte search on UTF-8 (every label is a fixed
// string), linear in the window and without std::regex.
//
// Judged only when the homepage answered (2xx or 304) and its text was parsed: an empty text
// (not HTML, not parsed, rendered by script) proves nothing, so nothing is raised.
// Pure; runs on the patrol's I/O thread.
#pragma once

#include <string_view>

#include "checks/registry.h"

namespace sitepatrol::checks {

// The end of `text` where identifiers are looked for (see above).
std::string_view footer_of(std::string_view text);

// The text tests, on any UTF-8 text (the caller picks the footer).
bool has_site_code(std::string_view text);
bool has_icp_number(std::string_view text);
bool has_police_record(std::string_view text);

// SiteCheck. ID-MISSING (warning) per identifier kind not found, page the homepage URL.
void check_identifiers(const SiteContext& ctx, const SiteResult& result, Findings& out);

}  // namespace sitepatrol::checks
