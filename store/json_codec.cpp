#include "store/json_codec.h"

#include <nlohmann/json.hpp>

namespace sitepatrol::store {

namespace {

using nlohmann::json;

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<json> parse(std::string_view text, std::string_view what, bool object = false) {
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded() || (object ? !value.is_object() : !value.is_array())) {
    return std::unexpected(StoreError{std::string(what) + ": stored JSON is damaged"});
  }
  return value;
}

// The string member `key` of `object`, or "" when absent or not a string.
std::string member(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The string array member `key` of `object` into `out`; false when present but not one.
bool string_list(const json& object, const char* key, std::vector<std::string>& out) {
  auto it = object.find(key);
  if (it == object.end()) return true;
  if (!it->is_array()) return false;
  for (const json& item : *it) {
    if (!item.is_string()) return false;
    out.push_back(item.get<std::string>());
  }
  return true;
}

json args_json(const checks::DetailArgs& args) {
  json array = json::array();
  for (const checks::DetailArg& a : args) array.push_back(json::array({a.key, a.value}));
  return array;
}

Result<checks::DetailArgs> detail_args_of(const json& array) {
  checks::DetailArgs args;
  for (const json& pair : array) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
      return std::unexpected(StoreError{"detail values: stored JSON is damaged"});
    }
    args.push_back({pair[0].get<std::string>(), pair[1].get<std::string>()});
  }
  return args;
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
                     {"detail", f.detail},
                     {"detail_code", f.detail_code},
                     {"detail_args", args_json(f.detail_args)}});
  }
  return dump(array);
}

std::string encode_detail_args(const checks::DetailArgs& args) { return dump(args_json(args)); }

Result<checks::DetailArgs> decode_detail_args(std::string_view text) {
  if (text.empty()) return checks::DetailArgs();
  auto array = parse(text, "detail values");
  if (!array) return std::unexpected(array.error());
  return detail_args_of(*array);
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
    f.detail_code = member(item, "detail_code");
    if (auto it = item.find("detail_args"); it != item.end() && it->is_array()) {
      auto args = detail_args_of(*it);
      if (!args) return std::unexpected(args.error());
      f.detail_args = std::move(*args);
    }
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

std::string encode_sketch(const checks::PageSketch& sketch) {
  return dump({{"minhash", sketch.minhash},
               {"scripts", sketch.scripts},
               {"iframes", sketch.iframes},
               {"title", sketch.title},
               {"elements", sketch.elements}});
}

Result<checks::PageSketch> decode_sketch(std::string_view text) {
  auto object = parse(text, "page sketch", /*object=*/true);
  if (!object) return std::unexpected(object.error());
  const StoreError damaged{"page sketch: stored JSON is damaged"};
  checks::PageSketch sketch;
  if (auto it = object->find("minhash"); it != object->end()) {
    if (!it->is_array()) return std::unexpected(damaged);
    for (const json& item : *it) {
      if (!item.is_number_unsigned()) return std::unexpected(damaged);
      sketch.minhash.push_back(item.get<std::uint64_t>());
    }
  }
  if (!string_list(*object, "scripts", sketch.scripts) ||
      !string_list(*object, "iframes", sketch.iframes)) {
    return std::unexpected(damaged);
  }
  sketch.title = member(*object, "title");
  if (auto it = object->find("elements"); it != object->end()) {
    if (!it->is_number_unsigned()) return std::unexpected(damaged);
    sketch.elements = it->get<std::size_t>();
  }
  return sketch;
}

namespace {

json date_or_null(const std::optional<checks::Date>& d) {
  return d ? json(checks::to_string(*d)) : json(nullptr);
}

std::optional<checks::Date> date_member(const json& object, const char* key) {
  return checks::parse_iso_date(member(object, key));
}

}  // namespace

std::string encode_facts(const checks::PageFacts& facts) {
  json entries = json::array();
  for (const checks::Entry& e : facts.entries) {
    entries.push_back({{"url", e.url}, {"title", e.title}, {"date", date_or_null(e.date)}});
  }
  return dump({{"entries", entries},
               {"undated", facts.undated_entries},
               {"placeholder", facts.placeholder},
               {"published", date_or_null(facts.published)},
               {"newest_in_text", date_or_null(facts.newest_in_text)},
               {"column_name", facts.column_name},
               {"meta", facts.meta},
               {"text_length", facts.text_length}});
}

Result<checks::PageFacts> decode_facts(std::string_view text) {
  auto object = parse(text, "page facts", /*object=*/true);
  if (!object) return std::unexpected(object.error());
  const StoreError damaged{"page facts: stored JSON is damaged"};
  checks::PageFacts facts;
  if (auto it = object->find("entries"); it != object->end()) {
    if (!it->is_array()) return std::unexpected(damaged);
    for (const json& item : *it) {
      if (!item.is_object()) return std::unexpected(damaged);
      facts.entries.push_back(
          {member(item, "url"), member(item, "title"), date_member(item, "date")});
    }
  }
  auto number = [&](const char* key) -> std::int64_t {
    auto it = object->find(key);
    return it != object->end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
  };
  facts.undated_entries = static_cast<int>(number("undated"));
  if (auto it = object->find("placeholder"); it != object->end() && it->is_boolean()) {
    facts.placeholder = it->get<bool>();
  }
  facts.published = date_member(*object, "published");
  facts.newest_in_text = date_member(*object, "newest_in_text");
  facts.column_name = member(*object, "column_name");
  facts.meta = static_cast<std::uint8_t>(number("meta"));
  facts.text_length = static_cast<std::size_t>(number("text_length"));
  return facts;
}

}  // namespace sitepatrol::store
