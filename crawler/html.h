// Parsing a page with Gumbo: its title, visible text and every outgoing reference.
//
// Input is UTF-8 (see charset.h). References come from a/area[href], img/script/iframe/
// frame/embed/source/audio/video/track[src], object[data], img/source[srcset], link[href]
// (stylesheet, icon, alternate, ...), <meta http-equiv=refresh>, GET form targets (form
// action, button/input formaction) and CSS url()/@import in style attributes and <style>
// blocks (css_refs.h); they are resolved against <base href> when present, else the page
// URL, with the query in the page's charset (ParseOptions::charset), then normalised
// (url.h). Duplicates are kept once per (url, kind). References that cannot be parsed go to
// `malformed`, as written. The list is docs/crawling.md, "Which references are checked". A
// malformed page still yields whatever Gumbo recovers. Pure, thread-safe: runs on the parse
// pool, never on the I/O thread.
//
// What a reader cannot see is told apart (checks/visibility.h, fed by element_visibility.h):
// inline styles, the page's own <style> rules, the hidden attribute, legacy colour
// attributes and marquees decide; external stylesheets are not fetched. Such text goes to
// hidden_text, not text, and references inside get LinkRef::hidden and hidden_by; a
// reference counts as hidden only when all its occurrences are. Markup that inline scripts
// write with document.write is parsed where a browser would put it (document_write.h), so
// its links and text appear like the rest.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checks/inputs.h"

namespace sitepatrol::crawler {

struct ParsedHtml {
  std::string title;
  std::string text;                    // visible text, whitespace collapsed, no script/style
  std::string hidden_text;             // text a reader cannot see (checks/visibility.h)
  std::vector<checks::LinkRef> links;  // with `hidden` set per checks/visibility.h
  std::vector<std::pair<std::string, std::string>> meta;  // <meta name|property, content>
  std::vector<std::uint64_t> tag_paths;    // hashed (checks::PathHash); ParseOptions::structure
  std::vector<checks::ListRow> rows;       // list markup rows (crawler/list_rows.h)
  std::vector<checks::FormInfo> forms;     // issue 4: crawler/html_forms.h
  std::vector<checks::LinkRef> malformed;  // references that cannot be parsed, as written
  // The page was larger than kMaxParseBytes and was not parsed: everything above is empty.
  bool too_large = false;
};

// The most HTML (as UTF-8, after what inline scripts write) handed to Gumbo. Gumbo needs
// about eight bytes of memory per input byte and aborts the process past its own internal
// limits (issue 12: an 8.2 GB body ended in `loop_count < 1000000000` and a run left
// `running`); a larger page is data, reported as not read, never parsed.
inline constexpr std::size_t kMaxParseBytes = std::size_t{32} << 20;

struct ParseOptions {
  // Collect the hash of each element's tag path ("html>body>div.main>ul.list>li", class
  // names sorted, at most three, ids dropped) in document order, for the template
  // fingerprint (checks/fingerprint.h).
  bool structure = false;
  // The charset the page was written in (charset.h): queries of its references are encoded
  // in it, as browsers do (encode_query). Empty or "utf-8": UTF-8.
  std::string charset;
  // Raised when the patrol is cancelled (SIGTERM): the walk and the style matching stop at
  // once and the result is incomplete (the caller drops it). Null: never.
  const std::atomic<bool>* stop = nullptr;
};

ParsedHtml parse_html(std::string_view utf8_html, std::string_view page_url,
                      const ParseOptions& options = {});

}  // namespace sitepatrol::crawler
