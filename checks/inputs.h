// The plain values checks look at. The crawler fills them in; checks only read them.
//
// Nothing here knows about curl, Gumbo or SQLite: a test builds these by hand (or from an
// HTML string with crawler/html.h) and calls a check directly.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/config.h"

namespace sitepatrol::checks {

// Why a fetch gave no HTTP answer (or why we stopped following it).
enum class FetchError {
  none,
  dns,                 // name did not resolve
  connect,             // refused, unreachable
  tls,                 // handshake or certificate failure
  timeout,             // no complete answer within timeout_s (or too slow)
  reset,               // connection reset / closed mid-answer
  too_large,           // body cap exceeded (the answer itself was fine)
  blocked_private,     // target resolved to a private address and that is not allowed
  redirect_loop,       // a redirect came back to a URL already in the chain
  too_many_redirects,  // more than max_redirects hops
  robots,              // disallowed by robots.txt (not fetched, not a problem)
  other,
};

std::string_view to_string(FetchError e);
// The error `to_string` names; `other` for a name it does not know.
FetchError fetch_error_named(std::string_view name);

// Certificate facts of an HTTPS answer (or failed handshake).
struct TlsInfo {
  bool https = false;
  std::optional<std::int64_t> not_before;  // unix seconds
  std::optional<std::int64_t> not_after;
  std::string verify_error;  // curl/OpenSSL message when verification failed
};

// One outgoing reference found in a page.
struct LinkRef {
  std::string url;        // absolute, normalised
  std::string kind;       // a, area, img, script, link, iframe, frame, embed, source, audio,
                          // video, track, object, meta-refresh, form (GET form targets),
                          // css (CSS url()), css-import (CSS @import)
  std::string text;       // anchor text (trimmed, may be empty)
  bool hidden = false;    // a reader cannot see it (checks/visibility.h decides)
  std::string hidden_by;  // the technique, e.g. "display:none on div#links"
  std::string title;      // anchors: the title attribute (dark links hide spam there too)
};

// One row of list markup: the unit a column's entries and a message board's messages are
// read from. A row is the element around one link that says more than the link: the li, tr
// or dl holding it, or the largest element holding that link and no other (a div with a
// span, a dd, a p). crawler/list_rows.h finds them; checks read the dates from `text`.
struct ListRow {
  std::string text;       // the row's text, whitespace collapsed (at most ~400 bytes)
  std::string url;        // the row's link, absolute and normalised
  std::string link_text;  // that link's text
  int list = 0;           // rows of one list share it (their parent element), in page order
  std::string region;     // "" in the page body; "nav", "footer" or "calendar" where
                          // entries are not read (header menus, copyright lines, date pickers)
};

// The template fingerprint of a page (SEC-TAMPER): its structure without its changing text.
// Built by checks/fingerprint.h from the page's tag paths; compared with a stored baseline.
struct PageSketch {
  std::vector<std::uint64_t> minhash;  // shingle hashes; see checks/fingerprint.h
  std::vector<std::string> scripts;    // script srcs, and "inline:<hash>" for inline scripts
  std::vector<std::string> iframes;    // iframe/frame srcs
  std::string title;
  std::size_t elements = 0;  // element count
};

// The outcome of checking one link target (once per run, however many pages carry it).
struct LinkResult {
  std::string url;       // normalised target
  std::string found_on;  // first page that carries it
  std::string kind;
  bool internal = false;  // on the site's own host or an alias
  std::string method;     // GET or HEAD (the last one used)
  int status = 0;         // final HTTP status, 0 when there was none
  FetchError error = FetchError::none;
  std::string error_text;
  std::vector<std::string> redirects;  // each hop's URL after the first, in order
  double elapsed_ms = 0;
};

// ---- interactive features (issue 4) -----------------------------------------------------
// Forms of a page (crawler/html_forms.h) and what the crawler learnt about the site's
// interactive features (checks/interact.h). Never submitted, except GET search forms.
struct FormField {
  std::string tag;   // input | select | textarea | button
  std::string type;  // lower case: text, search, hidden, submit, ...; "" for select
  std::string name;
  std::string value;  // the value attribute (the first selected option for select)
  std::string placeholder;
};

struct FormInfo {
  std::string action;  // absolute, normalised; the page URL when the form names none
  std::string method;  // "get" or "post" (anything but post is get, as browsers do)
  std::string hints;   // id, class, name and action attributes, lower case, for
                       // telling a search form (checks/feature_names.h)
  std::string text;    // the form's visible text and button labels, collapsed, short
  std::vector<FormField> fields;
};
// ---- end of issue 4 block ----

// A page of the site that was fetched and parsed (HTML only).
struct PageResult {
  std::string url;        // as requested (normalised)
  std::string final_url;  // after redirects
  std::string found_on;   // the page that linked here first ("" for seeds)
  int depth = 0;
  bool is_homepage = false;
  int status = 0;
  FetchError error = FetchError::none;
  std::string error_text;
  double elapsed_ms = 0;
  bool not_modified = false;  // answered 304 to a conditional request
  std::string charset;        // as detected, before conversion
  std::string title;          // UTF-8
  std::string text;           // visible text, UTF-8, whitespace collapsed
  std::vector<LinkRef> links;
  TlsInfo tls;
  std::vector<std::pair<std::string, std::string>> headers;  // response headers, lower-case names
  std::vector<std::pair<std::string, std::string>> meta;     // <meta> name/property -> content
  std::string hidden_text;           // text readers cannot see (same rules as hidden links)
  std::optional<PageSketch> sketch;  // homepage and depth-1 pages only
  std::vector<ListRow> rows;         // list markup rows (column entries, messages)
  std::vector<FormInfo> forms;       // issue 4: every <form>, see crawler/html_forms.h
  // References that cannot be parsed ("http://localhost]", "http://"): url is the reference
  // as written (trimmed), kind as in `links`. Never fetched; LINK-BROKEN "malformed URL".
  std::vector<LinkRef> malformed_links;
};

// What every check may know about the site being patrolled.
struct SiteContext {
  const config::SiteConfig* site = nullptr;
  const config::PatrolConfig* patrol = nullptr;
  const config::SecurityConfig* security = nullptr;
  std::set<std::string> own_hosts;  // the site's host and aliases
  // Hosts of every registered site: one set for the whole run, shared by every site's
  // context (a copy per site cost O(sites^2)). Null: none.
  const std::set<std::string>* registered_hosts = nullptr;
  std::chrono::system_clock::time_point now;                     // the run's start (injected clock)
  const std::map<std::string, PageSketch>* baselines = nullptr;  // url -> accepted sketch
  const config::Config* config = nullptr;  // thresholds and the column dictionary
};

}  // namespace sitepatrol::checks
