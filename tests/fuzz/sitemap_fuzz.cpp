// Fuzzes sitemap parsing (crawler/sitemap.h): sitemaps and sitemap indexes are the site's.
// Every URL kept must be a normalised http(s) URL, and at most kMaxSitemapUrls of them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "crawler/sitemap.h"
#include "tests/fuzz/fuzz_input.h"

using namespace sitepatrol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto sitemap = crawler::parse_sitemap(fuzz::as_text(data, size));
  for (const auto& url : sitemap.urls)
    if (!url.starts_with("http://") && !url.starts_with("https://")) std::abort();
  if (sitemap.urls.size() > crawler::kMaxSitemapUrls) std::abort();
  return 0;
}
