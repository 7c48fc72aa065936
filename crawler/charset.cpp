// Character-set detection and conversion to UTF-8 (see charset.h).
//
// Labels are mapped to canonical names the way browsers do (WHATWG Encoding): gb2312 and
// gbk keep their names but decode as GB18030, ISO-8859-1 decodes as windows-1252. UTF-8
// and windows-1252 are converted here; everything else goes through glibc iconv, one
// descriptor per charset per thread (an iconv_t is not safe to share between threads).
#include "crawler/charset.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/utf8.h"

namespace sitepatrol::crawler {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::size_t kSniffBytes = 4096;

constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; }
constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// Position of `needle` (lower case) in `s`, ignoring case; npos when absent.
std::size_t ifind(std::string_view s, std::string_view needle, std::size_t from = 0) {
  if (needle.size() > s.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (istarts_with(s.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == '"' || s.front() == '\'')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (is_space(s.back()) || s.back() == '"' || s.back() == '\'')) {
    s.remove_suffix(1);
  }
  return s;
}

struct Alias {
  std::string_view label;
  std::string_view name;
};

// Labels seen on Chinese government sites and their canonical names.
constexpr Alias kAliases[] = {
    {"utf-8", "utf-8"},
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"x-unicode20utf8", "utf-8"},
    {"gbk", "gbk"},
    {"x-gbk", "gbk"},
    {"cp936", "gbk"},
    {"ms936", "gbk"},
    {"windows-936", "gbk"},
    {"gb2312", "gb2312"},
    {"gb_2312", "gb2312"},
    {"gb_2312-80", "gb2312"},
    {"csgb2312", "gb2312"},
    {"x-gb2312", "gb2312"},
    {"euc-cn", "gb2312"},
    {"iso-ir-58", "gb2312"},
    {"chinese", "gb2312"},
    {"csiso58gb231280", "gb2312"},
    {"gb18030", "gb18030"},
    {"big5", "big5"},
    {"cn-big5", "big5"},
    {"csbig5", "big5"},
    {"x-x-big5", "big5"},
    {"big5-hkscs", "big5-hkscs"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"windows-1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},
    {"iso-ir-100", "windows-1252"},
    {"csisolatin1", "windows-1252"},
    {"utf-16", "utf-16le"},
    {"utf-16le", "utf-16le"},
    {"utf-16be", "utf-16be"},
};

// The canonical name of a label; nullopt when it is not one we know or iconv knows.
std::optional<std::string> canonical(std::string_view label) {
  label = trim(label);
  if (label.empty() || label.size() > 40) return std::nullopt;
  for (const Alias& a : kAliases) {
    if (iequals(label, a.label)) return std::string(a.name);
  }
  std::string lower;
  for (char c : label) {
    bool ok = (c >= '0' && c <= '9') || (to_lower(c) >= 'a' && to_lower(c) <= 'z') || c == '-' ||
              c == '_' || c == '.' || c == ':';
    if (!ok) return std::nullopt;
    lower.push_back(to_lower(c));
  }
  iconv_t cd = iconv_open("UTF-8", lower.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  iconv_close(cd);
  return lower;
}

// The value after "charset=" in a Content-Type or meta content attribute.
std::optional<std::string> charset_param(std::string_view s) {
  for (std::size_t at = ifind(s, "charset"); at != std::string_view::npos;
       at = ifind(s, "charset", at + 7)) {
    std::size_t i = at + 7;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t end = i;
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
      end = s.find(s[i], i + 1);
      if (end == std::string_view::npos) end = s.size();
      ++i;
    } else {
      while (end < s.size() && !is_space(s[end]) && s[end] != ';' && s[end] != ',') ++end;
    }
    return canonical(s.substr(i, end - i));
  }
  return std::nullopt;
}

// Reads one attribute at `i` inside a tag; false at the tag's end.
bool next_attribute(std::string_view s, std::size_t& i, std::string_view& name,
                    std::string_view& value) {
  while (i < s.size() && (is_space(s[i]) || s[i] == '/')) ++i;
  if (i >= s.size() || s[i] == '>') return false;
  std::size_t start = i;
  while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
  name = s.substr(start, i - start);
  value = {};
  while (i < s.size() && is_space(s[i])) ++i;
  if (i >= s.size() || s[i] != '=') return true;
  ++i;
  while (i < s.size() && is_space(s[i])) ++i;
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
    std::size_t close = s.find(s[i], i + 1);
    if (close == std::string_view::npos) close = s.size();
    value = s.substr(i + 1, close - i - 1);
    i = close + 1;
  } else {
    start = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '>') ++i;
    value = s.substr(start, i - start);
  }
  return true;
}

// The charset a <meta> tag starting after "<meta" declares, if any.
std::optional<std::string> meta_charset(std::string_view s, std::size_t& i) {
  std::string_view name, value, content;
  std::optional<std::string> declared;
  bool pragma = false;
  while (next_attribute(s, i, name, value)) {
    if (iequals(name, "charset") && !declared) {
      declared = canonical(value);
    } else if (iequals(name, "http-equiv")) {
      pragma = iequals(trim(value), "content-type");
    } else if (iequals(name, "content")) {
      content = value;
    }
  }
  if (!declared && pragma) declared = charset_param(content);
  // A page that could be read as ASCII to find this is not UTF-16 (WHATWG prescan).
  if (declared && declared->starts_with("utf-16")) declared = "utf-8";
  return declared;
}

// Looks for <meta charset> and <meta http-equiv=Content-Type> the way browsers prescan.
std::optional<std::string> sniff_meta(std::string_view s) {
  s = s.substr(0, kSniffBytes);
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    std::string_view rest = s.substr(i);
    if (rest.starts_with("<!--")) {
      std::size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) return std::nullopt;
      i = end + 3;
    } else if (istarts_with(rest, "<meta") && rest.size() > 5 &&
               (is_space(rest[5]) || rest[5] == '/')) {
      i += 5;
      if (auto found = meta_charset(s, i)) return found;
    } else {
      ++i;
    }
  }
  return std::nullopt;
}

// <?xml version="1.0" encoding="GBK"?> (sitemaps and XHTML pages).
std::optional<std::string> sniff_xml(std::string_view s) {
  if (!s.starts_with("<?xml")) return std::nullopt;
  std::string_view decl = s.substr(0, s.find("?>"));
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t i = at;
  std::string_view name, value;
  if (!next_attribute(decl, i, name, value)) return std::nullopt;
  return canonical(value);
}

std::string_view bom_charset(std::string_view body) {
  if (body.starts_with("\xEF\xBB\xBF")) return "utf-8";
  if (body.starts_with("\xFF\xFE")) return "utf-16le";
  if (body.starts_with("\xFE\xFF")) return "utf-16be";
  return {};
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // Skip ASCII eight bytes at a time: most of a page is markup.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= s.size()) break;
    std::size_t n = utf8_sequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string repair_utf8(std::string_view s) {
  if (valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence(s, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// windows-1252 0x80..0x9F; the five holes map to C1 controls as browsers do.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string from_cp1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else {
      append_utf8(out, c < 0xA0 ? kCp1252High[c - 0x80] : c);
    }
  }
  return out;
}

// iconv descriptors of this thread, opened on first use and closed at thread exit.
class IconvCache {
 public:
  IconvCache() = default;
  IconvCache(const IconvCache&) = delete;
  IconvCache& operator=(const IconvCache&) = delete;
  ~IconvCache() {
    for (auto& [name, cd] : entries_) iconv_close(cd);
  }

  // nullopt when iconv does not know the charset. `to_utf8` false: from UTF-8 to `name`.
  std::optional<iconv_t> get(const std::string& name, bool to_utf8 = true) {
    const std::string key = (to_utf8 ? "<" : ">") + name;
    for (auto& [n, cd] : entries_) {
      if (n == key) return cd;
    }
    iconv_t cd = to_utf8 ? iconv_open("UTF-8", name.c_str()) : iconv_open(name.c_str(), "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    entries_.emplace_back(key, cd);
    return cd;
  }

 private:
  std::vector<std::pair<std::string, iconv_t>> entries_;
};

// Decodes with iconv; an invalid byte becomes U+FFFD and decoding resumes at the next one.
std::string with_iconv(std::string_view s, iconv_t cd) {
  std::string out;
  out.resize(s.size() + s.size() / 2 + 16);
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  char* in = const_cast<char*>(s.data());
  std::size_t in_left = s.size();
  std::size_t used = 0;
  while (in_left > 0) {
    char* dst = out.data() + used;
    std::size_t dst_left = out.size() - used;
    std::size_t rc = iconv(cd, &in, &in_left, &dst, &dst_left);
    used = out.size() - dst_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    if (out.size() - used < kReplacement.size()) out.resize(out.size() * 2);
    out.replace(used, kReplacement.size(), kReplacement);
    used += kReplacement.size();
    if (errno != EILSEQ) break;  // EINVAL: truncated sequence at the end
    ++in;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  out.resize(used);
  return out;
}

std::string iconv_name(std::string_view canonical_name) {
  if (canonical_name == "gbk" || canonical_name == "gb2312" || canonical_name == "gb18030") {
    return "GB18030";
  }
  // HKSCS is a superset of Big5 as sites actually use it.
  if (canonical_name == "big5" || canonical_name == "big5-hkscs") return "BIG5-HKSCS";
  std::string name;
  for (char c : canonical_name) name.push_back(c >= 'a' && c <= 'z' ? char(c - 32) : c);
  return name;
}

}  // namespace

std::string detect_charset(std::string_view content_type, std::string_view body) {
  if (std::string_view bom = bom_charset(body); !bom.empty()) return std::string(bom);
  if (auto declared = charset_param(content_type)) return *declared;
  if (auto declared = sniff_xml(body)) return *declared;
  if (auto declared = sniff_meta(body)) return *declared;
  return valid_utf8(body) ? "utf-8" : "gb18030";
}

std::string to_utf8(std::string_view body, std::string_view charset) {
  std::string name = canonical(charset).value_or("utf-8");
  if (name == "utf-8") {
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    return repair_utf8(body);
  }
  if ((name == "utf-16le" && body.starts_with("\xFF\xFE")) ||
      (name == "utf-16be" && body.starts_with("\xFE\xFF"))) {
    body.remove_prefix(2);
  }
  if (name == "windows-1252") return from_cp1252(body);
  thread_local IconvCache cache;
  auto cd = cache.get(iconv_name(name));
  if (!cd) return repair_utf8(body);
  return with_iconv(body, *cd);
}

namespace {

// Whether a byte of an encoded query is written as %XX: the WHATWG special-query
// percent-encode set.
bool query_escapes(unsigned char b) {
  return b < 0x21 || b > 0x7E || b == '"' || b == '#' || b == '<' || b == '>' || b == '\'';
}

void append_percent(std::string& out, unsigned char b) {
  constexpr char kHex[] = "0123456789ABCDEF";
  out.push_back('%');
  out.push_back(kHex[b >> 4]);
  out.push_back(kHex[b & 15]);
}

// Appends one UTF-8 character (`ch`) of a query encoded in the page's charset through `cd`;
// one the charset cannot write becomes "&#N;" percent-encoded, as browsers send it.
void append_encoded_char(std::string& out, std::string_view ch, iconv_t cd) {
  std::array<char, 16> buf{};
  char* in = const_cast<char*>(ch.data());
  std::size_t in_left = ch.size();
  char* dst = buf.data();
  std::size_t dst_left = buf.size();
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  if (iconv(cd, &in, &in_left, &dst, &dst_left) != static_cast<std::size_t>(-1) &&
      iconv(cd, nullptr, nullptr, &dst, &dst_left) != static_cast<std::size_t>(-1)) {
    for (char* p = buf.data(); p < dst; ++p) {
      auto b = static_cast<unsigned char>(*p);
      if (query_escapes(b)) {
        append_percent(out, b);
      } else {
        out.push_back(static_cast<char>(b));
      }
    }
    return;
  }
  char32_t cp = 0;
  auto lead = static_cast<unsigned char>(ch[0]);
  cp = ch.size() == 2 ? lead & 0x1F : ch.size() == 3 ? lead & 0x0F : lead & 0x07;
  for (std::size_t i = 1; i < ch.size(); ++i) cp = (cp << 6) | (ch[i] & 0x3F);
  out += "%26%23" + std::to_string(static_cast<std::uint32_t>(cp)) + "%3B";
}

}  // namespace

std::string encode_query(std::string_view ref, std::string_view charset) {
  const std::size_t q = ref.find('?');
  if (q == std::string_view::npos) return std::string(ref);
  const std::size_t end = std::min(ref.find('#', q), ref.size());
  std::string_view query = ref.substr(q + 1, end - q - 1);
  const bool ascii =
      std::ranges::all_of(query, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const std::string name = canonical(charset).value_or("utf-8");
  if (ascii || name == "utf-8" || name.starts_with("utf-16")) return std::string(ref);
  thread_local IconvCache cache;
  auto cd = cache.get(iconv_name(name), /*to_utf8=*/false);
  if (!cd) return std::string(ref);
  std::string out(ref.substr(0, q + 1));
  out.reserve(ref.size() + query.size() * 2);
  for (std::size_t i = 0; i < query.size();) {
    if (static_cast<unsigned char>(query[i]) < 0x80) {
      out.push_back(query[i++]);
      continue;
    }
    std::size_t n = utf8_sequence(query, i);
    if (n == 0) {  // not UTF-8 (to_utf8 never leaves such bytes): left for the normaliser
      out.push_back(query[i++]);
      continue;
    }
    if (query.substr(i, n) == "\u20AC" && (name == "gbk" || name == "gb2312")) {
      out += "%80";  // WHATWG's GBK encoder writes the euro sign as one byte, GB18030 as two
    } else {
      append_encoded_char(out, query.substr(i, n), *cd);
    }
    i += n;
  }
  out += ref.substr(end);
  return out;
}

}  // namespace sitepatrol::crawler
