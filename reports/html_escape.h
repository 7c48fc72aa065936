// Escaping for the HTML and SVG of the reports: every string that came from the web (titles,
// URLs, details, subjects) and every configured name passes through here before it is
// written, so nothing a crawled page contains can run or change the report's markup.
// Pure functions; any thread.
#pragma once

#include <string>
#include <string_view>

namespace sitepatrol::reports {

// Text and attribute values: & < > " ' become entities; invalid UTF-8 becomes U+FFFD;
// control characters other than tab and newline are dropped.
std::string html_escape(std::string_view text);

// An href for a crawled URL: the escaped URL when it is http(s), else "" (so a
// `javascript:` URL never becomes a link).
std::string safe_href(std::string_view url);

}  // namespace sitepatrol::reports
