// The [security] section's built-in defaults and the spam term file format.
//
// The built-in spam list is config/spam_terms.toml, embedded into the library at build time
// (config/CMakeLists.txt) and parsed on first use; a `spam_terms_file` replaces it. The
// format, documented at the top of that file: one table per category, each key a term (quoted,
// as TOML wants for Chinese keys) and its integer weight:
//
//     [gambling]
//     "百家乐" = 5
//     [innocent]
//     "体育彩票" = -1
//
// A positive weight adds to a page's score; a negative one marks an innocent phrase that masks
// the terms inside it (the magnitude does not matter). Terms are matched ASCII
// case-insensitively, so two terms differing only in ASCII case are one term (an error).
//
// Everything here is pure or initialised once thread-safely; results are freely shared.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"

namespace sitepatrol::config {

// config/spam_terms.toml as built into the binary, and its terms in file order.
std::string_view builtin_spam_terms_toml();
const std::vector<SpamTerm>& builtin_spam_terms();

// config/infrastructure_hosts.toml as built into the binary: one table per category, each
// with `hosts`, a list of domains ("conac.cn"; "*.x" and ".x" mean "x"):
//
//     [government]
//     hosts = ["conac.cn", "zfwzgl.www.gov.cn"]
//
// The services government portals embed (the 党政机关 mark, the 找错 service, 无障碍 toolbars,
// CMS vendors' credits and analytics, statistics, CDNs, maps); each entry covers its
// subdomains. `approved_hosts` in [security] adds to these. Hosts in file order, each once.
std::string_view builtin_infrastructure_hosts_toml();
std::expected<std::vector<std::string>, ConfigError> parse_infrastructure_hosts(
    std::string_view text, const std::filesystem::path& file);
const std::vector<std::string>& default_approved_hosts();

// What a configuration without [security] gets (and `config_for_urls`): the built-in list,
// the default hosts, the default thresholds.
SecurityConfig default_security();

// A spam term file. Errors name `file`, the line and the key, e.g.
// "terms.toml:7:1: gambling.百家乐: weight must not be 0".
std::expected<std::vector<SpamTerm>, ConfigError> parse_spam_terms(
    std::string_view text, const std::filesystem::path& file);
std::expected<std::vector<SpamTerm>, ConfigError> load_spam_terms(
    const std::filesystem::path& file);

}  // namespace sitepatrol::config
