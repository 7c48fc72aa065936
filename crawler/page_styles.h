// The style sheet of a page's own <style> blocks, parsed once per thread for pages that
// repeat them. A site's pages carry the same <style> blocks (its template's), and parsing
// them was 2.3 % of a cold patrol's CPU (docs/performance.md, twelfth session). The last
// few sheets are kept per parse thread with their exact blocks (not a hash: a sheet that
// only collides would hide or show the wrong text); a page whose styles are larger than
// kMaxCachedStyleBytes is parsed for itself and not kept. Only the declarations of
// checks::is_visibility_property are kept, as the page walk needs nothing else.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>

#include "checks/css_rules.h"

namespace sitepatrol::crawler {

inline constexpr std::size_t kMaxCachedStyleBytes = std::size_t{64} << 10;

// The sheet of `styles` (each <style>'s content, in document order). The pointer stays
// valid while the caller holds it, whatever later pages do to the cache.
std::shared_ptr<const checks::Stylesheet> page_styles(std::span<const std::string_view> styles);

}  // namespace sitepatrol::crawler
