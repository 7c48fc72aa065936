#include "checks/host.h"

#include <algorithm>

#include "config/find_any.h"
#include "config/security.h"

namespace sitepatrol::checks {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view without_www(std::string_view host) {
  if (host.size() > 4 && iequal(host.substr(0, 4), "www.")) host.remove_prefix(4);
  return host;
}

// Hosts every government site must link to by regulation: the 党政机关网站 mark (conac.cn)
// and the two filing registries named in the footer. Always approved.
constexpr std::string_view kRegulatoryDomains[] = {"conac.cn", "beian.gov.cn", "beian.miit.gov.cn"};

// "*.cdn.example" and ".cdn.example" mean what "cdn.example" means: host_within() already
// covers subdomains.
std::string_view domain_of_entry(std::string_view entry) {
  if (entry.starts_with("*.")) entry.remove_prefix(2);
  if (entry.starts_with('.')) entry.remove_prefix(1);
  return entry;
}

}  // namespace

std::string_view host_of(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, find_any(rest, "/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (rest.starts_with('[')) {
    const auto close = rest.find(']');
    return close == std::string_view::npos ? std::string_view() : rest.substr(1, close - 1);
  }
  return rest.substr(0, rest.find(':'));
}

bool host_within(std::string_view host, std::string_view domain) {
  if (host.empty() || domain.empty()) return false;
  if (iequal(host, domain)) return true;
  return host.size() > domain.size() && host[host.size() - domain.size() - 1] == '.' &&
         iequal(host.substr(host.size() - domain.size()), domain);
}

bool host_approved(const SiteContext& ctx, std::string_view host) {
  const auto within = [&](std::string_view domain) { return host_within(host, domain); };
  const auto within_site = [&](const std::string& h) { return within(without_www(h)); };
  if (std::ranges::any_of(kRegulatoryDomains, within)) return true;
  if (std::ranges::any_of(ctx.own_hosts, within_site)) return true;
  if (ctx.registered_hosts && std::ranges::any_of(*ctx.registered_hosts, within_site)) return true;
  return ctx.site && std::ranges::any_of(ctx.site->allowed_domains, within);
}

bool infrastructure_host(const SiteContext& ctx, std::string_view host) {
  const std::vector<std::string>& hosts =
      ctx.security ? ctx.security->approved_hosts : config::default_approved_hosts();
  return std::ranges::any_of(
      hosts, [&](const std::string& e) { return host_within(host, domain_of_entry(e)); });
}

}  // namespace sitepatrol::checks
