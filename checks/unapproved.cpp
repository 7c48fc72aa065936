#include "checks/unapproved.h"

#include <algorithm>
#include <array>

#include "checks/emit.h"
#include "checks/host.h"

namespace sitepatrol::checks {

bool is_navigational(std::string_view kind) {
  constexpr std::array<std::string_view, 6> kinds = {"a",     "area",  "iframe",
                                                     "frame", "embed", "meta-refresh"};
  return std::ranges::find(kinds, kind) != kinds.end();
}

void check_unapproved(const SiteContext& ctx, const LinkResult& link, Findings& out) {
  if (link.internal || !is_navigational(link.kind)) return;
  if (!link.url.starts_with("http://") && !link.url.starts_with("https://")) return;
  const std::string_view host = host_of(link.url);
  if (host.empty() || host_approved(ctx, host)) return;
  emit(ctx, out, "LINK-UNAPPROVED", Severity::warning, std::string(host), link.found_on,
       Detail{link.url, "link.unapproved", {{"url", link.url}}});
}

}  // namespace sitepatrol::checks
