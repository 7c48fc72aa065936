// The references a piece of CSS makes: url(...) values (background images, fonts, cursors,
// list markers, ...) and @import targets, in the order written.
//
// Used on style="" attributes and <style> blocks (crawler/html.h) and on the site's own
// stylesheets (stylesheet_links, for crawler/site_crawl_css.cpp). A small tokenizer, not a CSS
// parser: comments and strings are skipped, so a url( inside either is not taken; CSS escapes in a
// url are decoded. data: URIs and bare fragments (url(#filter), SVG references within the document)
// are left out: there is nothing to fetch. Relative references are returned as written; the
// caller resolves them against the document (or, in a stylesheet, the stylesheet's URL).
// Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::crawler {

struct CssRef {
  std::string ref;      // as written, escapes decoded, white space trimmed
  bool import = false;  // an @import target: itself a stylesheet
};

std::vector<CssRef> css_references(std::string_view css);

// Whether a reference of this kind may be a stylesheet the crawler reads (the site's own
// only): <link href> (stylesheets, but also icons: the answer's type decides) and @import.
bool reads_stylesheet(std::string_view kind);

// Whether a fetched answer of that kind is a stylesheet to read: text/css, or no type at
// all for an @import target.
bool is_stylesheet(std::string_view kind, std::string_view content_type);

// The references of a fetched stylesheet, resolved against its URL (CSS resolves url()s
// against the stylesheet, not the page) and normalised: kind "css" for url()s, "css-import"
// for @imports. The body is decoded by its charset (BOM, Content-Type, else UTF-8 or
// GB18030). References that do not resolve to http(s) URLs are left out.
struct CssLink {
  std::string url;
  std::string kind;
};
std::vector<CssLink> stylesheet_links(std::string_view body, std::string_view content_type,
                                      std::string_view sheet_url);

}  // namespace sitepatrol::crawler
