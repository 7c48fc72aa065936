#include "reports/cell_text.h"

#include "reports/html_escape.h"

namespace sitepatrol::reports {

namespace {

bool is_url(std::string_view word) {
  return word.starts_with("http://") || word.starts_with("https://") ||
         (word.size() > 1 && word.front() == '/');
}

std::string breakable_url(std::string_view url) {
  std::string out = "<span class=\"url\">";
  std::size_t from = 0;
  for (std::size_t i = 0; i < url.size(); ++i) {
    const char c = url[i];
    const bool after = c == '/' || c == '?' || c == '&' || c == '=';
    // Not inside the "//" of the scheme, and not after the last character.
    if (!after || i + 1 == url.size() || (c == '/' && i + 1 < url.size() && url[i + 1] == '/'))
      continue;
    out += html_escape(url.substr(from, i + 1 - from)) + "<wbr>";
    from = i + 1;
  }
  return out + html_escape(url.substr(from)) + "</span>";
}

std::string word_html(std::string_view word) {
  if (is_finding_code(word)) return "<span class=\"nb\">" + html_escape(word) + "</span>";
  if (is_url(word)) return breakable_url(word);
  return html_escape(word);
}

}  // namespace

bool is_finding_code(std::string_view word) {
  if (word.size() < 3 || word.find('-') == std::string_view::npos) return false;
  if (word.front() < 'A' || word.front() > 'Z' || word.back() == '-') return false;
  for (char c : word) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

std::string cell_html(std::string_view text) {
  std::string out;
  std::size_t from = 0;
  while (from <= text.size()) {
    const std::size_t space = text.find(' ', from);
    const std::size_t end = space == std::string_view::npos ? text.size() : space;
    out += word_html(text.substr(from, end - from));
    if (space == std::string_view::npos) break;
    out += ' ';
    from = space + 1;
  }
  return out;
}

}  // namespace sitepatrol::reports
