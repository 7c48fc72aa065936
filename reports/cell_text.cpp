#include "reports/cell_text.h"

#include <algorithm>

#include "reports/html_escape.h"

namespace sitepatrol::reports {

namespace {

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

// Where a URL inside a word starts: "「办事指南」http://..." and "5 个页面：http://a/、http://b/".
std::size_t url_start(std::string_view word, std::size_t from) {
  return std::min(word.find("http://", from), word.find("https://", from));
}

// Where a URL inside a word ends: at a quote or angle bracket, or at CJK punctuation
// (U+3000-U+303F: 、。「」, and the full-width forms U+FF00-U+FF5F: ，：；（）), which no URL
// as stored or shown contains.
std::size_t url_end(std::string_view word, std::size_t from) {
  for (std::size_t i = from; i < word.size(); ++i) {
    if (word[i] == '"' || word[i] == '\'' || word[i] == '<' || word[i] == '>') return i;
    if (i + 2 >= word.size()) continue;
    const auto b0 = static_cast<unsigned char>(word[i]);
    const auto b1 = static_cast<unsigned char>(word[i + 1]);
    if ((b0 == 0xE3 && b1 == 0x80) || (b0 == 0xEF && (b1 == 0xBC || b1 == 0xBD))) return i;
  }
  return word.size();
}

std::string word_html(std::string_view word) {
  if (is_finding_code(word)) return "<span class=\"nb\">" + html_escape(word) + "</span>";
  // A path ("/zwgk/"); URLs with a scheme are found anywhere in the word below.
  if (word.size() > 1 && word.front() == '/' && url_end(word, 0) == word.size())
    return breakable_url(word);
  std::string out;
  std::size_t from = 0;
  for (std::size_t start; (start = url_start(word, from)) != std::string_view::npos;) {
    std::size_t end = url_end(word, start);
    // Sentence punctuation after a URL ("5 pages: http://a/, http://b/") is not part of it.
    while (end > start && std::string_view(",.;:!?").find(word[end - 1]) != std::string_view::npos)
      --end;
    out += html_escape(word.substr(from, start - from)) +
           breakable_url(word.substr(start, end - start));
    from = end;
  }
  return out + html_escape(word.substr(from));
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
