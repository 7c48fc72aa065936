// The built-in approved infrastructure hosts (config/infrastructure_hosts.toml, format in
// config/security.h).
#include <algorithm>

#include "config/security.h"
#include "config/toml_reader.h"

namespace sitepatrol::config {

std::expected<std::vector<std::string>, ConfigError> parse_infrastructure_hosts(
    std::string_view text, const std::filesystem::path& file) {
  const std::string source = file.string();
  auto root = detail::parse_toml(text, source);
  if (!root) return std::unexpected(std::move(root.error()));
  detail::Problems problems(source);
  std::vector<std::string> hosts;
  for (auto&& [category, node] : *root) {
    const std::string name(category.str());
    const auto* table = node.as_table();
    if (!table) {
      problems.add(
          node.source(), name,
          "expected a table ([" + name + "]), got " + std::string(detail::type_name(node)));
      continue;
    }
    detail::TableReader r(*table, name, problems);
    std::vector<std::string> listed;
    if (!table->contains("hosts")) {
      problems.add(table->source(), name + ".hosts", "a category needs a list of hosts");
    }
    r.read("hosts", listed, detail::check_domain);
    r.reject_unknown_keys();
    for (auto& host : listed) {
      if (std::ranges::find(hosts, host) == hosts.end()) hosts.push_back(std::move(host));
    }
  }
  if (!problems.empty()) return std::unexpected(problems.earliest());
  return hosts;
}

const std::vector<std::string>& default_approved_hosts() {
  // A defect in the shipped list is caught by tests/config/security_test.cpp; at run time it
  // would leave the list empty rather than stop the patrol.
  static const std::vector<std::string> hosts =
      parse_infrastructure_hosts(builtin_infrastructure_hosts_toml(),
                                 "infrastructure_hosts.toml (built in)")
          .value_or(std::vector<std::string>{});
  return hosts;
}

}  // namespace sitepatrol::config
