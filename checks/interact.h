// The interactive-feature checks (issue 4; docs/codes.md): INTERACT-MISSING,
// INTERACT-BROKEN, INTERACT-UNANSWERED, INTERACT-TOO-FEW, and FRESH-COLUMN on a stale mailbox
// statistics column. One SiteCheck over what the crawler gathered (checks/interact_facts.h).
//
// Per feature kind: the configured [[site.feature]] URLs when there are any, else the links
// whose text names the kind (config/features.toml), homepage links first; for search also the
// homepage's search form. A kind is usable when one of its pages answers 2xx and holds what
// it should (a message board, mailbox or disclosure request: a form that takes text, on the
// page or one click from it, or a dated list of messages; interviews and solicitations: a
// dated list; search: a search form) and the form's action answers HEAD/GET (no 404/410/5xx,
// no failed connection). A GET search must give a 2xx results page that is not an error page.
// Not found in a category that requires it: INTERACT-MISSING; so is a "channel" that is only
// a telephone number (no form, no list). Found but unusable: INTERACT-BROKEN. Pages the crawl
// did not reach (robots.txt, max_pages) are not judged.
//
// Messages (checks/message_board.h) unanswered more than unanswered_days after posting,
// posted within message_months: INTERACT-UNANSWERED, subject the message's URL. Online
// interviews dated this calendar year below interviews_per_year of the category:
// INTERACT-TOO-FEW. The newest entry of a mailbox statistics column (收件/办件统计) older than
// [thresholds] mailbox_stats (183 days): FRESH-COLUMN on that column's page.
#pragma once

#include <string_view>

#include "checks/registry.h"

namespace sitepatrol::checks {

void check_interaction(const SiteContext& ctx, const SiteResult& site, Findings& out);

// A results page that is an error page: a not-found page (checks/soft404.h), or a short page
// whose title or text says the system failed (系统错误, 服务器错误, Internal Server Error, ...).
bool looks_like_error_page(std::string_view title, std::string_view text);

}  // namespace sitepatrol::checks
