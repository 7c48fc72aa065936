// The built-in configuration of `sitepatrol check URL...`: defaults plus one site per URL.
#include <set>

#include "config/columns.h"
#include "config/config.h"
#include "config/features.h"
#include "config/security.h"
#include "config/toml_reader.h"

namespace sitepatrol::config {
namespace {

std::string host_of(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string::npos) rest.erase(0, at + 1);
  if (!rest.empty() && rest.front() == '[') return rest.substr(1, rest.find(']') - 1);
  return rest.substr(0, rest.rfind(':') == std::string::npos ? rest.size() : rest.rfind(':'));
}

// "www.Site.example" -> "www-site-example"; anything outside [a-z0-9] becomes one '-'.
std::string id_from_host(std::string_view host) {
  std::string id;
  for (char c : host) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep)
      id += c;
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "site" : id;
}

}  // namespace

std::expected<Config, ConfigError> config_for_urls(
    const std::vector<std::string>& urls, const std::vector<std::string>& allowed_domains) {
  std::vector<std::string> domains;
  for (std::string domain : allowed_domains) {
    if (auto why = detail::check_domain(domain); !why.empty())
      return std::unexpected(ConfigError{"command line", 0, 0, "--allowed-domain", why});
    domains.push_back(std::move(domain));
  }
  Config config;
  config.patrol.database.clear();
  config.thresholds = default_thresholds();
  config.security = default_security();
  config.column_kinds = builtin_column_kinds();
  config.features = default_features();
  std::set<std::string> ids;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    const std::string& given = urls[i];
    auto url =
        normalize_site_url(given.find("://") == std::string::npos ? "http://" + given : given);
    if (!url) {
      return std::unexpected(ConfigError{"command line", 0, 0, "url[" + std::to_string(i + 1) + "]",
                                         "'" + given + "' is not an absolute http(s) URL"});
    }
    SiteConfig site;
    site.url = *url;
    site.name = host_of(site.url);
    site.allowed_domains = domains;
    const std::string base = id_from_host(site.name);
    site.id = base;
    for (int n = 2; !ids.insert(site.id).second; ++n) site.id = base + "-" + std::to_string(n);
    config.sites.push_back(std::move(site));
  }
  return config;
}

}  // namespace sitepatrol::config
