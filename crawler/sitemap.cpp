// Sitemap scanning (see sitemap.h).
#include "crawler/sitemap.h"

#include <cstdint>

#include "checks/utf8.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {
namespace {

constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}


// Appends text with the five XML entities and numeric character references decoded.
void append_decoded(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) {
      out.push_back('&');
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name == "amp") {
      out.push_back('&');
    } else if (name == "lt") {
      out.push_back('<');
    } else if (name == "gt") {
      out.push_back('>');
    } else if (name == "quot") {
      out.push_back('"');
    } else if (name == "apos") {
      out.push_back('\'');
    } else if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::uint32_t cp = 0;
      bool ok = name.size() > (hex ? 2u : 1u);
      for (char c : name.substr(hex ? 2 : 1)) {
        int d = c >= '0' && c <= '9'                            ? c - '0'
                : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                                : -1;
        if (d < 0 || cp > 0x10FFFF) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      }
      if (!ok) {
        out.push_back('&');
        continue;
      }
      checks::append_utf8(out, cp);
    } else {
      out.push_back('&');
      continue;
    }
    i = semi;
  }
}

// The text content of an element: character data and CDATA sections, tags dropped.
std::string element_text(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t lt = s.find('<', i);
    append_decoded(out, s.substr(i, lt == std::string_view::npos ? lt : lt - i));
    if (lt == std::string_view::npos) break;
    if (s.substr(lt).starts_with("<![CDATA[")) {
      std::size_t end = s.find("]]>", lt + 9);
      out.append(s.substr(lt + 9, end == std::string_view::npos ? end : end - lt - 9));
      i = end == std::string_view::npos ? s.size() : end + 3;
    } else {
      std::size_t gt = s.find('>', lt);
      i = gt == std::string_view::npos ? s.size() : gt + 1;
    }
  }
  return out;
}

void add_url(Sitemap& map, std::string_view raw) {
  if (map.urls.size() >= kMaxSitemapUrls) {
    map.truncated = true;
    return;
  }
  if (auto url = normalize_url(trim(raw))) map.urls.push_back(std::move(*url));
}

void parse_text_sitemap(Sitemap& map, std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size() && !map.truncated) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(pos, end - pos));
    if (!line.empty()) add_url(map, line);
    pos = end + 1;
  }
}

}  // namespace

Sitemap parse_sitemap(std::string_view xml) {
  Sitemap map;
  if (xml.starts_with("\xEF\xBB\xBF")) xml.remove_prefix(3);
  std::string_view body = trim(xml);
  if (!body.empty() && body.front() != '<') {
    parse_text_sitemap(map, body);
    return map;
  }
  bool seen_root = false;
  std::size_t i = 0;
  while ((i = xml.find('<', i)) != std::string_view::npos && !map.truncated) {
    std::string_view rest = xml.substr(i);
    if (rest.starts_with("<!--")) {
      std::size_t end = xml.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (rest.starts_with("<![CDATA[")) {
      std::size_t end = xml.find("]]>", i + 9);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (rest.starts_with("<?") || rest.starts_with("<!") || rest.starts_with("</")) {
      std::size_t end = xml.find('>', i);
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    }
    std::size_t n = i + 1;
    while (n < xml.size() && is_name_char(xml[n])) ++n;
    std::string_view name = xml.substr(i + 1, n - i - 1);
    std::size_t gt = xml.find('>', n);
    if (gt == std::string_view::npos) break;
    i = gt + 1;
    if (!seen_root && !name.empty()) {
      seen_root = true;
      std::string_view local =
          name.substr(name.find(':') == std::string_view::npos ? 0 : name.find(':') + 1);
      map.is_index = local == "sitemapindex";
    }
    // Only the protocol's own <loc>: <image:loc>, <xhtml:link> and the like are skipped.
    if (name != "loc" || xml[gt - 1] == '/') continue;
    std::size_t close = xml.find("</loc", i);
    if (close == std::string_view::npos) close = xml.size();
    std::size_t cdata = xml.substr(0, close).find("<![CDATA[", i);
    if (cdata != std::string_view::npos) {  // a "</loc" inside CDATA does not end the element
      std::size_t cdata_end = xml.find("]]>", cdata);
      if (cdata_end != std::string_view::npos) close = xml.find("</loc", cdata_end);
      if (close == std::string_view::npos) close = xml.size();
    }
    add_url(map, element_text(xml.substr(i, close - i)));
    i = close;
  }
  return map;
}

}  // namespace sitepatrol::crawler
