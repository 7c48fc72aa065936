#include "checks/darklink.h"

#include "checks/emit.h"
#include "checks/host.h"

namespace sitepatrol::checks {

void check_darklinks(const SiteContext& ctx, const PageResult& page, Findings& out) {
  for (const LinkRef& link : page.links) {
    if (!link.hidden || (link.kind != "a" && link.kind != "area")) continue;
    if (!link.url.starts_with("http://") && !link.url.starts_with("https://")) continue;
    const std::string_view host = host_of(link.url);
    if (host.empty() || host_approved(ctx, host)) continue;
    std::string detail = "hidden by " + (link.hidden_by.empty() ? "style" : link.hidden_by);
    if (!link.text.empty()) detail += "; text " + link.text;
    emit(ctx, out, "SEC-DARKLINK", Severity::critical, link.url, page.url, std::move(detail));
  }
}

}  // namespace sitepatrol::checks
