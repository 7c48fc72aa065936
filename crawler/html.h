// Parsing a page with Gumbo: its title, visible text and every outgoing reference.
//
// Input is UTF-8 (see charset.h). References come from a/area[href], img/script/iframe/
// frame/embed/source/audio/video[src], img/source[srcset], link[href] (stylesheet, icon,
// alternate, ...), and <meta http-equiv=refresh>; they are resolved against <base href>
// when present, else the page URL, then normalised (url.h). Duplicates are kept once per
// (url, kind). A malformed page still yields whatever Gumbo recovers. Pure, thread-safe:
// runs on the parse pool, never on the I/O thread.
//
// What a reader cannot see is told apart (checks/visibility.h, fed by element_visibility.h):
// inline styles, the page's own <style> rules, the hidden attribute, legacy colour
// attributes and marquees decide; external stylesheets are not fetched. Such text goes to
// hidden_text, not text, and references inside get LinkRef::hidden and hidden_by; a
// reference counts as hidden only when all its occurrences are. Markup that inline scripts
// write with document.write is parsed where a browser would put it (document_write.h), so
// its links and text appear like the rest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checks/inputs.h"

namespace sitepatrol::crawler {

struct ParsedHtml {
  std::string title;
  std::string text;                       // visible text, whitespace collapsed, no script/style
  std::string hidden_text;                // text a reader cannot see (checks/visibility.h)
  std::vector<checks::LinkRef> links;     // with `hidden` set per checks/visibility.h
  std::vector<std::pair<std::string, std::string>> meta;  // <meta name|property, content>
  std::vector<std::string> tag_paths;     // only with ParseOptions::structure; see below
  std::vector<checks::ListRow> rows;      // list markup rows (crawler/list_rows.h)
  std::vector<checks::FormInfo> forms;    // issue 4: crawler/html_forms.h
};

struct ParseOptions {
  // Collect each element's tag path ("html>body>div.main>ul.list>li", class names sorted,
  // ids dropped) in document order, for the template fingerprint (checks/fingerprint.h).
  bool structure = false;
};

ParsedHtml parse_html(std::string_view utf8_html, std::string_view page_url,
                      const ParseOptions& options = {});

}  // namespace sitepatrol::crawler
