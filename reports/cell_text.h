// The text of a report table cell as HTML that lays out well in a narrow A4 column:
// finding codes (LINK-BROKEN) never break inside (a nowrap span), and URLs break after
// `/`, `?`, `&` and `=` (a <wbr> there) rather than mid-word. Every piece is escaped
// (reports/html_escape.h). Pure function; any thread.
#pragma once

#include <string>
#include <string_view>

namespace sitepatrol::reports {

std::string cell_html(std::string_view text);

// True for a finding code: upper-case words joined by hyphens, e.g. INTERACT-UNANSWERED.
bool is_finding_code(std::string_view word);

}  // namespace sitepatrol::reports
