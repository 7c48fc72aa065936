#include "crawler/document_write.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "crawler/raw_markup.h"

namespace sitepatrol::crawler {
namespace {

// Bounds that keep a hostile page cheap: bytes written per page, expression nesting, and how
// many levels of written scripts are expanded.
constexpr std::size_t kMaxWritten = 1 << 20;
constexpr int kMaxExpressionDepth = 16;
constexpr int kMaxExpansionLevels = 3;

constexpr std::string_view kCall = "document.write";

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; }
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || c == '.';
}
int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

// Reads `n` hex digits at s[i]; -1 when they are not there.
long read_hex(std::string_view s, std::size_t i, std::size_t n) {
  if (i + n > s.size()) return -1;
  long v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    int d = hex(s[i + k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// %XX as a byte, %uXXXX as a character (unescape and decodeURIComponent alike).
std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 1 < s.size() && (s[i + 1] == 'u' || s[i + 1] == 'U')) {
        if (long v = read_hex(s, i + 2, 4); v >= 0) {
          append_utf8(out, std::uint32_t(v));
          i += 5;
          continue;
        }
      }
      if (long v = read_hex(s, i + 1, 2); v >= 0) {
        out.push_back(char(v));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// Reads the literal-built arguments of one call; see the header for what counts.
class ArgumentReader {
 public:
  ArgumentReader(std::string_view s, std::size_t i) : s_(s), i_(i) {}
  std::size_t position() const { return i_; }

  // Skips the string literal starting at the current position.
  void skip_string() {
    std::string ignored;
    string_literal(ignored);
  }

  // Reads terms up to the ')' closing the current group (consumed) or the end.
  void expression(std::string& out, int depth) {
    while (true) {
      skip_space();
      if (i_ >= s_.size()) return;
      char c = s_[i_];
      if (c == ')') {
        ++i_;
        return;
      }
      if (c == '+' || c == ',' || c == '?' || c == ':') {
        ++i_;
        continue;
      }
      if (depth >= kMaxExpressionDepth) {
        skip_term();
        out.append(kUnknownTerm);
        continue;
      }
      if (c == '"' || c == '\'' || c == '`') {
        string_literal(out);
      } else if (c == '(') {
        ++i_;
        expression(out, depth + 1);
      } else if (call_of("unescape") || call_of("decodeURIComponent") || call_of("decodeURI")) {
        std::string inner;
        expression(inner, depth + 1);
        out += percent_decode(inner);
      } else if (call_of("String.fromCharCode")) {
        char_codes(out);
      } else {
        skip_term();
        out.append(kUnknownTerm);
      }
      if (out.size() > kMaxWritten) out.resize(kMaxWritten);
    }
  }

 private:
  void skip_space() {
    while (i_ < s_.size()) {
      if (is_space(s_[i_])) {
        ++i_;
      } else if (s_.substr(i_, 2) == "//") {
        std::size_t nl = s_.find('\n', i_);
        i_ = nl == std::string_view::npos ? s_.size() : nl + 1;
      } else if (s_.substr(i_, 2) == "/*") {
        std::size_t end = s_.find("*/", i_ + 2);
        i_ = end == std::string_view::npos ? s_.size() : end + 2;
      } else {
        return;
      }
    }
  }

  // True, past the '(', when `name(` starts at the current position.
  bool call_of(std::string_view name) {
    if (s_.substr(i_, name.size()) != name) return false;
    std::size_t j = i_ + name.size();
    while (j < s_.size() && is_space(s_[j])) ++j;
    if (j >= s_.size() || s_[j] != '(') return false;
    i_ = j + 1;
    return true;
  }

  void string_literal(std::string& out) {
    char quote = s_[i_++];
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == quote) {
        ++i_;
        return;
      }
      if (quote == '`' && c == '$' && i_ + 1 < s_.size() && s_[i_ + 1] == '{') {
        i_ += 2;
        skip_balanced('}');
        out.append(kUnknownTerm);
        continue;
      }
      if (c == '\\' && i_ + 1 < s_.size()) {
        escape(out);
        continue;
      }
      if (c == '\n' && quote != '`') return;  // unterminated literal
      out.push_back(c);
      ++i_;
    }
  }

  // s_[i_] is a backslash.
  void escape(std::string& out) {
    char e = s_[i_ + 1];
    i_ += 2;
    switch (e) {
      case 'n':
        out.push_back('\n');
        return;
      case 'r':
        out.push_back('\r');
        return;
      case 't':
        out.push_back('\t');
        return;
      case 'b':
        out.push_back('\b');
        return;
      case 'f':
        out.push_back('\f');
        return;
      case 'v':
        out.push_back('\v');
        return;
      case '0':
        out.push_back('\0');
        return;
      case '\r':
        if (i_ < s_.size() && s_[i_] == '\n') ++i_;
        return;
      case '\n':
        return;  // line continuation
      case 'x':
        if (long v = read_hex(s_, i_, 2); v >= 0) {
          append_utf8(out, std::uint32_t(v));
          i_ += 2;
          return;
        }
        break;
      case 'u': {
        if (i_ < s_.size() && s_[i_] == '{') {
          std::size_t close = s_.find('}', i_);
          if (close != std::string_view::npos && close - i_ <= 7) {
            if (long v = read_hex(s_, i_ + 1, close - i_ - 1); v >= 0) {
              append_utf8(out, std::uint32_t(v));
              i_ = close + 1;
              return;
            }
          }
          break;
        }
        long v = read_hex(s_, i_, 4);
        if (v < 0) break;
        i_ += 4;
        if (v >= 0xD800 && v <= 0xDBFF && s_.substr(i_, 2) == "\\u") {
          long low = read_hex(s_, i_ + 2, 4);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            i_ += 6;
            v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
          }
        }
        append_utf8(out, std::uint32_t(v));
        return;
      }
      default:
        break;
    }
    out.push_back(e);  // \' \" \\ \/ and unknown escapes stand for the character
  }

  // String.fromCharCode(60, 0x61, ...) up to its ')'.
  void char_codes(std::string& out) {
    while (i_ < s_.size()) {
      skip_space();
      if (i_ >= s_.size()) return;
      char c = s_[i_];
      if (c == ')') {
        ++i_;
        return;
      }
      if (c == ',') {
        ++i_;
        continue;
      }
      long v = 0;
      bool any = false;
      if (s_.substr(i_, 2) == "0x" || s_.substr(i_, 2) == "0X") {
        i_ += 2;
        for (; i_ < s_.size() && hex(s_[i_]) >= 0 && v <= 0x10FFFF; ++i_, any = true) {
          v = v * 16 + hex(s_[i_]);
        }
      } else {
        for (; i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9' && v <= 0x10FFFF;
             ++i_, any = true) {
          v = v * 10 + (s_[i_] - '0');
        }
      }
      if (!any) {  // not a plain number: give the rest of the call up
        skip_balanced(')');
        out.append(kUnknownTerm);
        return;
      }
      append_utf8(out, std::uint32_t(v & 0xFFFF));
    }
  }

  // Skips a term that is not a literal, up to the next top-level separator or ')'.
  void skip_term() {
    std::size_t start = i_;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '+' || c == ',' || c == ')' || c == '?' || c == ':') break;
      if (c == '"' || c == '\'' || c == '`') {
        std::string ignored;
        string_literal(ignored);
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        ++i_;
        skip_balanced(c == '(' ? ')' : (c == '[' ? ']' : '}'));
        continue;
      }
      ++i_;
    }
    if (i_ == start && i_ < s_.size() && s_[i_] != ')') ++i_;  // always make progress
  }

  // Skips past the `close` matching an already consumed opener.
  void skip_balanced(char close) {
    std::string stack(1, close);
    while (i_ < s_.size() && !stack.empty()) {
      char c = s_[i_];
      if (c == '"' || c == '\'' || c == '`') {
        std::string ignored;
        string_literal(ignored);
        continue;
      }
      if (c == '(') stack.push_back(')');
      if (c == '[') stack.push_back(']');
      if (c == '{') stack.push_back('}');
      if (c == stack.back()) stack.pop_back();
      ++i_;
      if (stack.size() > 256) stack.resize(256);  // garbage: stay bounded
    }
  }

  std::string_view s_;
  std::size_t i_;
};

// ---------------------------------------------------------------------------------------
// Pages.

bool runs_as_classic_script(std::string_view attrs) {
  if (raw_attribute(attrs, "src")) return false;
  auto type = raw_attribute(attrs, "type");
  if (!type || type->empty()) return true;
  std::string t(*type);
  for (char& c : t) c = lower(c);
  return t.find("javascript") != std::string::npos || t.find("ecmascript") != std::string::npos ||
         t.find("jscript") != std::string::npos;
}

std::optional<std::string> expand(std::string_view html, int level, std::size_t& budget) {
  if (html.find(kCall) == std::string_view::npos) return std::nullopt;
  constexpr std::array<std::string_view, 5> kRawText = {"style", "textarea", "title", "xmp",
                                                        "noscript"};
  std::string out;
  std::size_t copied = 0;
  bool changed = false;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      std::size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    std::size_t n = i + 1;
    std::string name;
    while (n < html.size() && name.size() < 9 &&
           ((html[n] >= 'a' && html[n] <= 'z') || (html[n] >= 'A' && html[n] <= 'Z'))) {
      name.push_back(lower(html[n++]));
    }
    bool raw = false;
    for (std::string_view r : kRawText) raw = raw || name == r;
    if (name != "script" && !raw) {
      ++i;
      continue;
    }
    if (n < html.size() && !is_space(html[n]) && html[n] != '>' && html[n] != '/') {
      ++i;  // <scripts>, <stylex>: another element
      continue;
    }
    std::size_t open_end = tag_end(html, n);
    std::size_t content = std::min(open_end + 1, html.size());
    std::size_t close = ifind_tag(html, "</" + name, content);
    if (close == std::string_view::npos) close = html.size();
    std::size_t after = std::min(tag_end(html, close) + 1, html.size());
    i = after;
    if (raw || !runs_as_classic_script(html.substr(n, open_end - n))) continue;
    std::string_view script = html.substr(content, close - content);
    if (script.find(kCall) == std::string_view::npos) continue;
    std::string markup = written_markup(script);
    if (markup.empty() || markup.size() > budget) continue;
    budget -= markup.size();
    if (level + 1 < kMaxExpansionLevels) {
      if (auto nested = expand(markup, level + 1, budget)) markup = std::move(*nested);
    }
    if (!changed) out.reserve(html.size() + markup.size());
    out.append(html.substr(copied, after - copied));
    out.append(markup);
    copied = after;
    changed = true;
  }
  if (!changed) return std::nullopt;
  out.append(html.substr(copied));
  return out;
}

}  // namespace

std::string written_markup(std::string_view script) {
  std::string out;
  std::size_t i = 0;
  while (i < script.size() && out.size() < kMaxWritten) {
    char c = script[i];
    if (c == '"' || c == '\'' || c == '`') {  // a string: skip it whole
      ArgumentReader skip(script, i);
      skip.skip_string();
      i = skip.position();
      continue;
    }
    if (script.substr(i, 2) == "//") {
      std::size_t nl = script.find('\n', i);
      i = nl == std::string_view::npos ? script.size() : nl + 1;
      continue;
    }
    if (script.substr(i, 2) == "/*") {
      std::size_t end = script.find("*/", i + 2);
      i = end == std::string_view::npos ? script.size() : end + 2;
      continue;
    }
    if (script.substr(i, kCall.size()) != kCall ||
        (i > 0 && is_ident(script[i - 1]) && script[i - 1] != '.')) {
      ++i;
      continue;
    }
    std::size_t j = i + kCall.size();
    bool line = script.substr(j, 2) == "ln";
    if (line) j += 2;
    while (j < script.size() && is_space(script[j])) ++j;
    if (j >= script.size() || script[j] != '(') {
      i = j;
      continue;
    }
    ArgumentReader reader(script, j + 1);
    reader.expression(out, 0);
    if (line) out.push_back('\n');
    i = reader.position();
  }
  if (out.size() > kMaxWritten) out.resize(kMaxWritten);
  return out;
}

std::optional<std::string> expand_document_writes(std::string_view html) {
  std::size_t budget = kMaxWritten;
  return expand(html, 0, budget);
}

}  // namespace sitepatrol::crawler
