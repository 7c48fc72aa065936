#include "checks/css_declarations.h"

namespace sitepatrol::checks {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Copies one declaration's text (up to the next top-level ';') into `buf`, comments removed
// and white space runs collapsed; returns where the next declaration starts.
std::size_t next_declaration(std::string_view s, std::size_t i, std::string& buf) {
  buf.clear();
  char quote = 0;
  int parens = 0;
  bool pending_space = false;
  auto put = [&](char c) {
    if (pending_space && !buf.empty()) buf.push_back(' ');
    pending_space = false;
    buf.push_back(c);
  };
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      put(c);
      if (c == '\\' && i + 1 < s.size()) {
        buf.push_back(s[++i]);
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      std::size_t end = s.find("*/", i + 2);
      if (end == std::string_view::npos) return s.size();
      i = end + 1;
      pending_space = true;
      continue;
    }
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (c == ';' && parens == 0) return i + 1;
    if (c == '"' || c == '\'') quote = c;
    if (c == '(') ++parens;
    if (c == ')' && parens > 0) --parens;
    put(c);
  }
  return s.size();
}

// Takes a trailing "!important" (any case, spaces allowed after '!') off `value`.
bool strip_important(std::string& value) {
  constexpr std::string_view kWord = "important";
  if (value.size() < kWord.size() + 1) return false;
  std::size_t start = value.size() - kWord.size();
  for (std::size_t k = 0; k < kWord.size(); ++k) {
    if (lower(value[start + k]) != kWord[k]) return false;
  }
  std::size_t bang = start;
  while (bang > 0 && value[bang - 1] == ' ') --bang;
  if (bang == 0 || value[bang - 1] != '!') return false;
  std::size_t end = bang - 1;
  while (end > 0 && value[end - 1] == ' ') --end;
  value.resize(end);
  return true;
}

}  // namespace

void parse_declarations(std::string_view block, std::vector<Declaration>& out,
                        PropertyFilter keep) {
  std::string buf;
  std::size_t i = 0;
  while (i < block.size()) {
    i = next_declaration(block, i, buf);
    std::size_t colon = buf.find(':');
    if (colon == std::string::npos || colon == 0) continue;
    std::size_t name_end = colon;
    while (name_end > 0 && buf[name_end - 1] == ' ') --name_end;
    std::string property = buf.substr(0, name_end);
    for (char& c : property) c = lower(c);
    bool valid = !property.empty() && property.front() != '_';
    for (char c : property) valid = valid && is_name_char(c);
    if (!valid || (keep && !keep(property))) continue;
    std::size_t value_start = colon + 1;
    while (value_start < buf.size() && buf[value_start] == ' ') ++value_start;
    Declaration d;
    d.property = std::move(property);
    d.value = buf.substr(value_start);
    d.important = strip_important(d.value);
    for (char& c : d.value) c = lower(c);
    out.push_back(std::move(d));
  }
}

std::vector<Declaration> parse_declarations(std::string_view block, PropertyFilter keep) {
  std::vector<Declaration> out;
  parse_declarations(block, out, keep);
  return out;
}

}  // namespace sitepatrol::checks
