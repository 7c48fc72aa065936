// Reading HTML as text, before (or instead of) parsing it: the few scans that must see the
// markup as written. Used by the nesting guard and the <style> collection in html.cpp and by
// document_write.cpp. ASCII case-insensitive where HTML is; pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace sitepatrol::crawler {

// Finds the '>' closing the tag whose attributes start at `i`; quoted values may hold '>'.
// s.size() when the tag never closes.
std::size_t tag_end(std::string_view s, std::size_t i);

// Finds `lower_needle` (lower case, starting with '<') ASCII case-insensitively at or after
// `from`; npos when absent.
std::size_t ifind_tag(std::string_view s, std::string_view lower_needle, std::size_t from);

// The value of attribute `lower_name` in a start tag's attribute text (what follows the tag
// name up to '>'), quotes removed, entities left as written; nullopt when absent, "" for a
// bare attribute.
std::optional<std::string_view> raw_attribute(std::string_view attrs, std::string_view lower_name);

}  // namespace sitepatrol::crawler
