#include "checks/foreign_script.h"

#include <algorithm>
#include <string>

#include "checks/emit.h"
#include "checks/host.h"

namespace sitepatrol::checks {
namespace {

bool loads_code_or_page(std::string_view kind) {
  return kind == "script" || kind == "iframe" || kind == "frame";
}

}  // namespace

void check_foreign_script(const SiteContext& ctx, const LinkResult& link, Findings& out) {
  if (link.internal || !loads_code_or_page(link.kind)) return;
  if (!link.url.starts_with("http://") && !link.url.starts_with("https://")) return;
  const std::string_view host = host_of(link.url);
  if (host.empty() || host_approved(ctx, host) || infrastructure_host(ctx, host)) return;
  emit(ctx, out, "SEC-FOREIGN-SCRIPT", Severity::error, link.url, link.found_on,
       Detail{link.kind + " from " + std::string(host) + " (not the site's, not approved)",
              "sec.foreign_script",
              {{"element", link.kind}, {"host", std::string(host)}}});
}

}  // namespace sitepatrol::checks
