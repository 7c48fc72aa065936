// A link's URL as a reader sees it. Government sites name attachments in Chinese, and the
// crawler keeps URLs percent-encoded ("/files/%E5%85%B3%E4%BA%8E.pdf"), which no site owner
// can match to the file on their server. display_url decodes what is safe to decode for
// display: runs of %XX that form valid, visible, non-ASCII UTF-8 ("/files/关于.pdf"). It never
// decodes ASCII (%2F, %25, %3F, %23, %00-%1F, %20 ...), invalid UTF-8, overlong forms, C1
// controls, or invisible and bidirectional format characters, since any of those would make
// the shown text ambiguous or misleading; they stay encoded. The host is shown as stored.
// The real URL stays the link target (href); this is only the text. Pure, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "reports/report_terms.h"
#include "store/store.h"

namespace sitepatrol::reports {

std::string display_url(std::string_view url);

// The text of a link finding's link: as written on the finding's page when that page carries
// it, else on the first carrier; "" when unknown (other codes, older rows, an empty anchor).
std::string link_text(const store::FindingRow& row);

// The link's text quoted to stand before its URL or detail: "「办事指南」" (zh) or
// "“办事指南” " (en); "" when the text is unknown.
std::string quoted_link_text(const store::FindingRow& row, Lang lang);

// "12 个页面：/a.html、/b.html、/c.html 等" (en: "12 pages: ..."): how many pages carry the link
// and the first `shown` of them, display URLs; "" when no carrier is known.
std::string carriers_summary(const store::FindingRow& row, Lang lang, std::size_t shown = 3);

}  // namespace sitepatrol::reports
