// [security]: defaults and reading the section (config/security.h, config/security_section.h).
#include <algorithm>

#include "config/security.h"
#include "config/security_section.h"

namespace sitepatrol::config {

SecurityConfig default_security() {
  SecurityConfig s;
  s.spam_terms = builtin_spam_terms();
  s.approved_hosts = default_approved_hosts();
  return s;
}

namespace detail {

void read_security(TableReader& r, SecurityConfig& out, const std::filesystem::path& folder) {
  out = default_security();

  if (auto file = read_data_file(r, "spam_terms_file", folder, "the spam term file")) {
    out.spam_terms_file = file->path;
    if (auto terms = parse_spam_terms(file->text, file->path)) {
      out.spam_terms = std::move(*terms);
    } else {
      r.problems().add(std::move(terms.error()));  // the term file's own name, line and key
    }
  }
  r.read("spam_threshold", out.spam_threshold, 1, 1'000'000);

  // approved_script_hosts is the key's older name; both add to the same list.
  for (std::string_view key : {"approved_hosts", "approved_script_hosts"}) {
    std::vector<std::string> hosts;
    if (!r.read(key, hosts, check_domain)) continue;
    for (auto& host : hosts) {
      if (std::ranges::find(out.approved_hosts, host) == out.approved_hosts.end()) {
        out.approved_hosts.push_back(std::move(host));
      }
    }
  }
  r.read("tamper_threshold", out.tamper_threshold, 0.0, 1.0, /*lo_open=*/true);
  r.reject_unknown_keys();
}

}  // namespace detail
}  // namespace sitepatrol::config
