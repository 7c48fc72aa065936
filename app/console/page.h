// The console's pages share one frame: the header with the navigation, who is signed in, the
// language switch and sign-out, and the security headers every answer carries
// (Content-Security-Policy without inline script or style, no framing, no caching).
// Every string that came from a crawled page or from a person goes through esc() (the
// reports' html_escape). Pure functions; any thread.
#pragma once

#include <string>
#include <string_view>

#include "app/http_message.h"
#include "config/time_zone.h"
#include "reports/html_escape.h"
#include "reports/report_terms.h"

namespace sitepatrol::app::console {

using reports::Lang;

// Who is looking, and what the page may offer them.
struct Viewer {
  std::string name;
  bool can_act = false;  // operator: re-check and review forms are shown (and accepted)
  std::string csrf;      // the session's CSRF token; "" behind a trusted header (no cookie)
  Lang lang = Lang::zh;
  std::string path;  // the page's own path and query, for the language switch
};

inline std::string esc(std::string_view text) { return reports::html_escape(text); }
inline std::string tr(Lang lang, std::string_view zh, std::string_view en) {
  return std::string(reports::pick(lang, zh, en));
}

// <input type="hidden" name="csrf" value="...">.
std::string csrf_field(const Viewer& viewer);

// A whole page: `title` (plain text, escaped here) and `body` (HTML, escaped by its maker).
// `refresh_s` > 0 reloads the page after that many seconds (a re-check in progress; works
// without script).
std::string layout(const Viewer& viewer, std::string_view title, std::string_view body,
                   int refresh_s = 0);

// Answers with the console's headers: CSP, nosniff, no framing, no caching.
HttpReply html_reply(std::string body, int status = 200);
HttpReply text_reply(int status, std::string body);
// 303 See Other to a path of the console.
HttpReply redirect(std::string_view location);
// CSP, nosniff, no framing, and no caching unless the reply sets its own Cache-Control.
void add_security_headers(HttpReply& reply);

// "2026-12-06 08:03" in the viewer's zone (Asia/Shanghai unless [report] timezone says else).
std::string when(std::string_view rfc3339, const config::TimeZone& zone);

}  // namespace sitepatrol::app::console
