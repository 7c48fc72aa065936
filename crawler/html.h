// Parsing a page with Gumbo: its title, visible text and every outgoing reference.
//
// Input is UTF-8 (see charset.h). References come from a/area[href], img/script/iframe/
// frame/embed/source/audio/video[src], img/source[srcset], link[href] (stylesheet, icon,
// alternate, ...), and <meta http-equiv=refresh>; they are resolved against <base href>
// when present, else the page URL, then normalised (url.h). Duplicates are kept once per
// (url, kind). A malformed page still yields whatever Gumbo recovers. Pure, thread-safe:
// runs on the parse pool, never on the I/O thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checks/inputs.h"

namespace sitepatrol::crawler {

struct ParsedHtml {
  std::string title;
  std::string text;                       // visible text, whitespace collapsed, no script/style
  std::vector<checks::LinkRef> links;
  std::vector<std::pair<std::string, std::string>> meta;  // <meta name|property, content>
};

ParsedHtml parse_html(std::string_view utf8_html, std::string_view page_url);

}  // namespace sitepatrol::crawler
