// Sitemaps (sitemaps.org): the page URLs a site lists, or the sitemaps an index lists.
//
// A small scanner, not an XML parser: it reads the text of every <loc> element (CDATA and
// character references decoded), ignores comments and extension elements such as
// <image:loc>, and tells a <sitemapindex> from a <urlset>. A plain-text sitemap (one URL
// per line) is read too. Malformed input yields whatever <loc> values it holds. Pure,
// thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::crawler {

inline constexpr std::size_t kMaxSitemapUrls = 50'000;  // the protocol's own limit per file

struct Sitemap {
  bool is_index = false;          // the URLs are further sitemaps, not pages
  std::vector<std::string> urls;  // normalised http(s) URLs in document order; others dropped
  bool truncated = false;         // the file listed more than kMaxSitemapUrls
};

// `xml` is the decompressed body as UTF-8 (see charset.h).
Sitemap parse_sitemap(std::string_view xml);

}  // namespace sitepatrol::crawler
