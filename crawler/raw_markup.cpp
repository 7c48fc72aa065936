#include "crawler/raw_markup.h"

namespace sitepatrol::crawler {
namespace {

constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; }
constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool iequals_lower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (to_lower(s[i]) != lower[i]) return false;
  }
  return true;
}

}  // namespace

std::size_t tag_end(std::string_view s, std::size_t i) {
  char last = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '>') return i;
    if ((c == '"' || c == '\'') && last == '=') {
      std::size_t close = s.find(c, i + 1);
      if (close == std::string_view::npos) return s.size();
      i = close;
      last = c;
      continue;
    }
    if (!is_space(c)) last = c;
  }
  return s.size();
}

std::size_t ifind_tag(std::string_view s, std::string_view lower_needle, std::size_t from) {
  while ((from = s.find('<', from)) != std::string_view::npos) {
    if (iequals_lower(s.substr(from, lower_needle.size()), lower_needle)) return from;
    ++from;
  }
  return std::string_view::npos;
}

std::optional<std::string_view> raw_attribute(std::string_view attrs, std::string_view lower_name) {
  std::size_t i = 0;
  while (i < attrs.size()) {
    while (i < attrs.size() && (is_space(attrs[i]) || attrs[i] == '/')) ++i;
    std::size_t start = i;
    while (i < attrs.size() && !is_space(attrs[i]) && attrs[i] != '=' && attrs[i] != '/' &&
           attrs[i] != '>') {
      ++i;
    }
    std::string_view key = attrs.substr(start, i - start);
    while (i < attrs.size() && is_space(attrs[i])) ++i;
    std::string_view value;
    if (i < attrs.size() && attrs[i] == '=') {
      ++i;
      while (i < attrs.size() && is_space(attrs[i])) ++i;
      if (i < attrs.size() && (attrs[i] == '"' || attrs[i] == '\'')) {
        char q = attrs[i++];
        std::size_t close = attrs.find(q, i);
        if (close == std::string_view::npos) close = attrs.size();
        value = attrs.substr(i, close - i);
        i = close + 1;
      } else {
        std::size_t vstart = i;
        while (i < attrs.size() && !is_space(attrs[i]) && attrs[i] != '>') ++i;
        value = attrs.substr(vstart, i - vstart);
      }
    }
    if (!key.empty() && iequals_lower(key, lower_name)) return value;
    if (i == start) ++i;  // a stray '>' or '='
  }
  return std::nullopt;
}

}  // namespace sitepatrol::crawler
