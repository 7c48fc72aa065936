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

// "*.cdn.example" and ".cdn.example" mean what "cdn.example" means: host_within() already
// covers subdomains.
std::string_view domain_of_entry(std::string_view entry) {
  if (entry.starts_with("*.")) entry.remove_prefix(2);
  if (entry.starts_with('.')) entry.remove_prefix(1);
  return entry;
}

}  // namespace

bool script_host_approved(const SiteContext& ctx, std::string_view host) {
  if (!ctx.security) return false;
  return std::ranges::any_of(ctx.security->approved_script_hosts, [&](const std::string& e) {
    return host_within(host, domain_of_entry(e));
  });
}

void check_foreign_script(const SiteContext& ctx, const LinkResult& link, Findings& out) {
  if (link.internal || !loads_code_or_page(link.kind)) return;
  if (!link.url.starts_with("http://") && !link.url.starts_with("https://")) return;
  const std::string_view host = host_of(link.url);
  if (host.empty() || host_approved(ctx, host) || script_host_approved(ctx, host)) return;
  emit(ctx, out, "SEC-FOREIGN-SCRIPT", Severity::error, link.url, link.found_on,
       link.kind + " from " + std::string(host) + " (not the site's, not approved)");
}

}  // namespace sitepatrol::checks
