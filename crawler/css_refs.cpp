// CSS references (see css_refs.h).
#include "crawler/css_refs.h"

#include <cctype>
#include <cstdint>

#include "checks/utf8.h"
#include "crawler/charset.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {
namespace {

constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; }
constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
constexpr int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = to_lower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

bool istarts_with(std::string_view s, std::size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (to_lower(s[at + i]) != prefix[i]) return false;
  }
  return true;
}


// Reads a CSS escape at css[i] == '\\'; appends what it stands for and returns the index
// after it. A backslash before a newline is a line continuation (in strings).
std::size_t read_escape(std::string_view css, std::size_t i, std::string& out) {
  ++i;
  if (i >= css.size()) return i;
  if (hex_value(css[i]) >= 0) {
    std::uint32_t cp = 0;
    std::size_t n = 0;
    while (i < css.size() && n < 6 && hex_value(css[i]) >= 0) {
      cp = cp * 16 + static_cast<std::uint32_t>(hex_value(css[i]));
      ++i;
      ++n;
    }
    if (i < css.size() && is_space(css[i])) ++i;  // one white space ends the escape
    checks::append_utf8(out, cp);
    return i;
  }
  if (css[i] != '\n') out.push_back(css[i]);
  return i + 1;
}

// A quoted string starting at css[i] (the quote); returns the index after the closing quote.
std::size_t read_string(std::string_view css, std::size_t i, std::string& out) {
  const char quote = css[i++];
  while (i < css.size() && css[i] != quote) {
    if (css[i] == '\\') {
      i = read_escape(css, i, out);
    } else if (css[i] == '\n') {
      return i;  // an unclosed string ends at the line, as CSS says
    } else {
      out.push_back(css[i++]);
    }
  }
  return i < css.size() ? i + 1 : i;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// The argument of url( ... ) starting after the parenthesis; returns the index after ')'.
std::size_t read_url(std::string_view css, std::size_t i, std::string& out) {
  while (i < css.size() && is_space(css[i])) ++i;
  if (i < css.size() && (css[i] == '"' || css[i] == '\'')) {
    i = read_string(css, i, out);
    while (i < css.size() && css[i] != ')') ++i;
    return i < css.size() ? i + 1 : i;
  }
  while (i < css.size() && css[i] != ')') {
    if (css[i] == '\\') {
      i = read_escape(css, i, out);
    } else {
      out.push_back(css[i++]);
    }
  }
  out = std::string(trimmed(out));
  return i < css.size() ? i + 1 : i;
}

bool fetchable(std::string_view ref) {
  ref = trimmed(ref);
  return !ref.empty() && ref.front() != '#' && !istarts_with(ref, 0, "data:");
}

}  // namespace

std::vector<CssRef> css_references(std::string_view css) {
  std::vector<CssRef> out;
  std::size_t i = 0;
  bool after_import = false;  // the next string or url() is an @import target
  auto take = [&](std::string ref, bool import) {
    if (fetchable(ref)) out.push_back({std::string(trimmed(ref)), import});
  };
  while (i < css.size()) {
    char c = css[i];
    if (c == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      std::size_t end = css.find("*/", i + 2);
      i = end == std::string_view::npos ? css.size() : end + 2;
    } else if (c == '"' || c == '\'') {
      std::string text;
      i = read_string(css, i, text);
      if (after_import) take(std::move(text), true);
      after_import = false;
    } else if (c == '\\') {
      std::string ignored;
      i = read_escape(css, i, ignored);
    } else if ((c == 'u' || c == 'U') && istarts_with(css, i, "url(") &&
               (i == 0 || !(std::isalnum(static_cast<unsigned char>(css[i - 1])) ||
                            css[i - 1] == '-' || css[i - 1] == '_'))) {
      std::string ref;
      i = read_url(css, i + 4, ref);
      take(std::move(ref), after_import);
      after_import = false;
    } else if (c == '@' && istarts_with(css, i + 1, "import") &&
               (i + 7 >= css.size() || !std::isalnum(static_cast<unsigned char>(css[i + 7])))) {
      after_import = true;
      i += 7;
    } else {
      if (c == ';' || c == '{' || c == '}') after_import = false;
      ++i;
    }
  }
  return out;
}

bool reads_stylesheet(std::string_view kind) { return kind == "link" || kind == "css-import"; }

bool is_stylesheet(std::string_view kind, std::string_view content_type) {
  std::string type;
  for (char c : content_type.substr(0, content_type.find(';'))) {
    if (!is_space(c)) type.push_back(to_lower(c));
  }
  return type == "text/css" || (type.empty() && kind == "css-import");
}

std::vector<CssLink> stylesheet_links(std::string_view body, std::string_view content_type,
                                      std::string_view sheet_url) {
  const std::string css = to_utf8(body, detect_charset(content_type, body));
  std::vector<CssLink> out;
  for (const CssRef& r : css_references(css)) {
    if (auto url = resolve_url(sheet_url, r.ref)) {
      out.push_back({std::move(*url), r.import ? "css-import" : "css"});
    }
  }
  return out;
}

}  // namespace sitepatrol::crawler
