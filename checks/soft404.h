// LINK-SOFT404 (docs/codes.md): a 200 answer whose page says the page does not exist.
//
// Government CMSs answer deleted articles with 200 and a "页面不存在" template. The hard part
// is not flagging real pages that merely talk about it ("网站页面不存在问题整改", an article
// about HTTP 404), so two narrow tests, either enough:
//  - the title: some part of it (split at " - ", "|", "_", ...) consists only of a
//    not-found phrase plus filler ("对不起，", "Error", "404", punctuation). A title that
//    contains a phrase inside other words ("网站页面不存在问题整改") does not count.
//  - the text, only for short pages (under 2000 characters): a not-found phrase that stands
//    on its own, not glued to other Chinese words nor quoted, e.g. "对不起，您访问的页面不存在！"
//    counts, "开展“页面不存在”问题整治" does not.
//    Long pages are articles or full templates; a phrase in them is content, not a verdict.
//    A not-found page wrapped in a long template and a generic title is therefore missed,
//    which is the right side to err on for a warning.
#pragma once

#include <string_view>

#include "checks/registry.h"

namespace sitepatrol::checks {

// The test above, for the crawler too (title and visible text in UTF-8).
bool looks_like_not_found(std::string_view title, std::string_view text);

// PageCheck. Subject the page's URL (the link target), page where it was found.
void check_soft404(const SiteContext& ctx, const PageResult& page, Findings& out);

}  // namespace sitepatrol::checks
