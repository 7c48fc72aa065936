#include "store/json_codec.h"

#include <nlohmann/json.hpp>

namespace sitepatrol::store {

namespace {

using nlohmann::json;

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<json> parse(std::string_view text, std::string_view what) {
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded() || !value.is_array()) {
    return std::unexpected(StoreError{std::string(what) + ": stored JSON is damaged"});
  }
  return value;
}

// The string member `key` of `object`, or "" when absent or not a string.
std::string member(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string encode_findings(const std::vector<checks::Finding>& findings) {
  json array = json::array();
  for (const checks::Finding& f : findings) {
    array.push_back({{"site", f.site},
                     {"code", f.code},
                     {"severity", checks::to_string(f.severity)},
                     {"subject", f.subject},
                     {"page", f.page},
                     {"detail", f.detail}});
  }
  return dump(array);
}

Result<std::vector<checks::Finding>> decode_findings(std::string_view text) {
  auto array = parse(text, "page findings");
  if (!array) return std::unexpected(array.error());
  std::vector<checks::Finding> findings;
  for (const json& item : *array) {
    if (!item.is_object()) return std::unexpected(StoreError{"page findings: not an object"});
    checks::Finding f;
    f.site = member(item, "site");
    f.code = member(item, "code");
    f.severity = checks::parse_severity(member(item, "severity")).value_or(checks::Severity::error);
    f.subject = member(item, "subject");
    f.page = member(item, "page");
    f.detail = member(item, "detail");
    findings.push_back(std::move(f));
  }
  return findings;
}

std::string encode_strings(const std::vector<std::string>& values) { return dump(json(values)); }

Result<std::vector<std::string>> decode_strings(std::string_view text) {
  auto array = parse(text, "string list");
  if (!array) return std::unexpected(array.error());
  std::vector<std::string> values;
  for (const json& item : *array) {
    if (!item.is_string()) return std::unexpected(StoreError{"string list: not a string"});
    values.push_back(item.get<std::string>());
  }
  return values;
}

}  // namespace sitepatrol::store
