// Column classes and their freshness limits (docs/configuration.md).
#include "config/config.h"

namespace sitepatrol::config {

const std::vector<std::string>& column_classes() {
  static const std::vector<std::string> classes = {
      "news",    "notice",     "policy",     "personnel",     "planning",
      "finance", "statistics", "disclosure", "mailbox_stats", "other",   "static"};
  return classes;
}

const std::map<std::string, int>& default_thresholds() {
  static const std::map<std::string, int> limits = {
      {"news", 14},        {"notice", 180},     {"policy", 180},
      {"personnel", 365},  {"planning", 365},   {"finance", 365},
      {"statistics", 365}, {"disclosure", 365}, {"mailbox_stats", 183},
      {"other", 365}};
  return limits;
}

std::optional<int> max_age_days(const Config& config, std::string_view column_class) {
  const std::string key(column_class);
  if (auto it = config.thresholds.find(key); it != config.thresholds.end()) return it->second;
  const auto& defaults = default_thresholds();
  if (auto it = defaults.find(key); it != defaults.end()) return it->second;
  return std::nullopt;
}

std::optional<int> max_age_days(const Config& config, const ColumnConfig& column) {
  if (column.max_age_days) return column.max_age_days;
  return max_age_days(config, column.column_class);
}

}  // namespace sitepatrol::config

namespace sitepatrol::config {

const std::vector<std::string>& finding_codes() {
  static const std::vector<std::string> codes = {
      "AVAIL-DOWN",      "AVAIL-SLOW",          "AVAIL-RATIO",        "TLS-CERT",
      "FRESH-HOME",      "FRESH-COLUMN",        "COLUMN-EMPTY",       "COLUMN-MISSING",
      "LINK-BROKEN",     "LINK-TIMEOUT",        "LINK-REDIRECT-LOOP", "LINK-SOFT404",
      "LINK-UNAPPROVED", "INTERACT-MISSING",    "INTERACT-BROKEN",    "INTERACT-UNANSWERED",
      "INTERACT-TOO-FEW", "SEC-DARKLINK",       "SEC-SPAM",           "SEC-FOREIGN-SCRIPT",
      "SEC-TAMPER",      "SEC-NO-HTTPS",        "SEC-HEADERS",        "ID-MISSING",
      "META-MISSING",    "CONTENT-PRIVACY",     "CONTENT-MISSTATEMENT", "CONTENT-TYPO",
      "CONTENT-OUTDATED"};
  return codes;
}

}  // namespace sitepatrol::config
