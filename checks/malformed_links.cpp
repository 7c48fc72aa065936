#include "checks/malformed_links.h"

#include "checks/emit.h"

namespace sitepatrol::checks {

void check_malformed_links(const SiteContext& ctx, const PageResult& page, Findings& out) {
  for (const LinkRef& link : page.malformed_links) {
    emit(ctx, out, "LINK-BROKEN", Severity::error, link.url, page.url,
         Detail{"malformed URL", "link.malformed"});
  }
}

}  // namespace sitepatrol::checks
