#include "reports/link_display.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "checks/percent_escape.h"

namespace sitepatrol::reports {

namespace {

// Characters a reader cannot see or that reorder what they see: shown encoded.
bool invisible(std::uint32_t cp) {
  return (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD || cp == 0x034F || cp == 0x061C ||
         cp == 0x115F || cp == 0x1160 || cp == 0x1680 || (cp >= 0x17B4 && cp <= 0x17B5) ||
         (cp >= 0x180B && cp <= 0x180E) || (cp >= 0x2000 && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
         cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0 ||
         (cp >= 0xFFF0 && cp <= 0xFFFF) || (cp >= 0xE0000 && cp <= 0xE0FFF) ||
         (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xE000 && cp <= 0xF8FF) ||
         (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF) || cp >= 0xF0000;
}

// Decodes one UTF-8 character written as %XX escapes starting at `at`: its bytes and the
// length of its escaped form, or nothing when it is not a valid, visible, non-ASCII character.
std::optional<std::size_t> decodable(std::string_view s, std::size_t at, std::string& bytes) {
  const auto lead = checks::escaped_byte(s, at);
  if (!lead) return std::nullopt;
  const unsigned char b0 = *lead;
  int extra = 0;
  std::uint32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    extra = 1;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    extra = 2;
    cp = b0 & 0x0Fu;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    extra = 3;
    cp = b0 & 0x07u;
  } else {
    return std::nullopt;  // ASCII, a continuation byte, or never valid (C0, C1, F5..FF)
  }
  bytes.assign(1, static_cast<char>(b0));
  for (int i = 1; i <= extra; ++i) {
    const auto next = checks::escaped_byte(s, at + 3 * static_cast<std::size_t>(i));
    if (!next || (*next & 0xC0u) != 0x80u) return std::nullopt;
    cp = (cp << 6) | (*next & 0x3Fu);
    bytes.push_back(static_cast<char>(*next));
  }
  // Overlong forms and code points beyond U+10FFFF.
  if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
    return std::nullopt;
  if (invisible(cp)) return std::nullopt;
  // Two-byte characters other than Latin letters: most often GBK bytes that happen to form
  // UTF-8 (通知 in GBK, %CD%A8%D6%AA, reads as a combining mark and a Hebrew accent).
  if (extra == 1 && !(cp >= 0xC0 && cp <= 0x24F)) return std::nullopt;
  return 3 * static_cast<std::size_t>(extra + 1);
}

}  // namespace

std::string display_url(std::string_view url) {
  // The authority stays as stored: a host is not percent-encoded, and showing one decoded
  // could let a look-alike pass for the site's own.
  std::size_t path_start = 0;
  if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
    const auto slash = url.find_first_of("/?#", scheme + 3);
    path_start = slash == std::string_view::npos ? url.size() : slash;
  }
  std::string out(url.substr(0, path_start));
  out.reserve(url.size());
  std::string bytes;
  for (std::size_t i = path_start; i < url.size();) {
    if (url[i] == '%') {
      if (const auto length = decodable(url, i, bytes)) {
        out += bytes;
        i += *length;
        continue;
      }
    }
    out.push_back(url[i]);
    ++i;
  }
  return out;
}

std::string link_text(const store::FindingRow& row) {
  for (const store::LinkCarrier& c : row.carriers) {
    if (c.page == row.finding.page) return c.text;
  }
  return row.carriers.empty() ? std::string() : row.carriers.front().text;
}

std::string quoted_link_text(const store::FindingRow& row, Lang lang) {
  const std::string text = link_text(row);
  if (text.empty()) return {};
  return lang == Lang::zh ? "「" + text + "」" : "\u201c" + text + "\u201d ";
}

std::string carriers_summary(const store::FindingRow& row, Lang lang, std::size_t shown) {
  if (row.carriers.empty()) return {};
  const std::size_t n = row.carriers.size();
  std::string out = lang == Lang::zh ? std::to_string(n) + " 个页面："
                                     : std::to_string(n) + (n == 1 ? " page: " : " pages: ");
  for (std::size_t i = 0; i < n && i < shown; ++i) {
    if (i > 0) out += pick(lang, "、", ", ");
    out += display_url(row.carriers[i].page);
  }
  if (n > shown) out += pick(lang, " 等", " ...");
  return out;
}

}  // namespace sitepatrol::reports
