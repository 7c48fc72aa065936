#include "crawler/list_rows.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "config/ascii.h"
#include "crawler/charset.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {
namespace {

constexpr std::size_t kMaxRowText = 400;
constexpr int kMaxRowLinks = 3;

const GumboElement* element_of(const GumboNode* node) {
  if (!node || (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)) {
    return nullptr;
  }
  return &node->v.element;
}

std::string_view attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool skipped(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
         tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_HEAD;
}

// Every <a href> in document order, outside script, style and head.
std::vector<const GumboNode*> anchors_of(const GumboNode* root) {
  std::vector<const GumboNode*> out;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      children = &node->v.document.children;
    } else if (const GumboElement* el = element_of(node)) {
      if (skipped(el->tag)) continue;
      if (el->tag == GUMBO_TAG_A && !attr(*el, "href").empty()) out.push_back(node);
      children = &el->children;
    }
    if (!children) continue;
    for (unsigned i = children->length; i-- > 0;) {
      stack.push_back(static_cast<const GumboNode*>(children->data[i]));
    }
  }
  return out;
}

bool stops_climb(const GumboNode* node) {
  const GumboElement* el = element_of(node);
  return !el || el->tag == GUMBO_TAG_BODY || el->tag == GUMBO_TAG_HTML;
}

bool is_row_tag(GumboTag tag) {
  return tag == GUMBO_TAG_LI || tag == GUMBO_TAG_TR || tag == GUMBO_TAG_DL;
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The text under `row`, whitespace (ASCII, no-break, ideographic) collapsed, elements
// separated by a space so cells do not run together.
std::string row_text(const GumboNode* row) {
  std::string out;
  bool pending = false;
  auto append = [&](std::string_view s) {
    for (std::size_t i = 0; i < s.size() && out.size() < kMaxRowText; ++i) {
      if (is_space_byte(s[i])) {
        pending = true;
        continue;
      }
      if (s.substr(i, 2) == "\xC2\xA0") {
        pending = true;
        ++i;
        continue;
      }
      if (s.substr(i, 3) == "\xE3\x80\x80") {
        pending = true;
        i += 2;
        continue;
      }
      if (pending && !out.empty()) out.push_back(' ');
      pending = false;
      out.push_back(s[i]);
    }
  };
  std::vector<const GumboNode*> stack{row};
  while (!stack.empty() && out.size() < kMaxRowText) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      append(node->v.text.text);
    } else if (const GumboElement* el = element_of(node)) {
      if (skipped(el->tag)) continue;
      pending = true;
      for (unsigned i = el->children.length; i-- > 0;) {
        stack.push_back(static_cast<const GumboNode*>(el->children.data[i]));
      }
    }
  }
  // A cut may have split a character: drop a trailing partial UTF-8 sequence.
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) {
    std::size_t lead = out.size() - 1;
    while (lead > 0 && (static_cast<unsigned char>(out[lead]) & 0xC0) == 0x80) --lead;
    const auto b = static_cast<unsigned char>(out[lead]);
    const std::size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (out.size() - lead >= need) break;
    out.resize(lead);
  }
  return out;
}

bool names_any(const std::string& names, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (names.find(w) != std::string::npos) return true;
  }
  return false;
}

// Names past this many bytes of an id or class attribute are not read: no template needs
// them, and a hostile page's megabyte class would be lower-cased for nothing.
constexpr std::size_t kMaxNamesRead = 4096;

// The region an element marks by its own tag or id/class names; nullopt when it marks none.
std::optional<std::string_view> own_region(const GumboNode* node) {
  const GumboElement* el = element_of(node);
  if (!el) return std::nullopt;
  if (el->tag == GUMBO_TAG_FOOTER) return "footer";
  if (el->tag == GUMBO_TAG_NAV || el->tag == GUMBO_TAG_HEADER) return "nav";
  const std::string names = ascii_lower(attr(*el, "id").substr(0, kMaxNamesRead)) + " " +
                            ascii_lower(attr(*el, "class").substr(0, kMaxNamesRead));
  if (names.size() == 1) return std::nullopt;
  if (names_any(names, {"calendar", "rili", "datepicker", "date-picker"})) return "calendar";
  if (names_any(names, {"footer", "foot", "bottom", "copyright", "banquan"})) return "footer";
  if (names_any(names, {"nav", "menu", "header"})) return "nav";
  return std::nullopt;
}

// The region of the page a row sits in: that of its nearest ancestor marking one. Each
// element is looked at once per page, however many rows share it (20,000 rows under one
// 1 MiB class took 69 s when every row re-read its ancestors).
class Regions {
 public:
  const std::string& of(const GumboNode* row) {
    std::vector<const GumboNode*> unknown;
    std::string region;
    for (const GumboNode* n = row; n; n = n->parent) {
      if (auto it = memo_.find(n); it != memo_.end()) {
        region = it->second;
        break;
      }
      unknown.push_back(n);
    }
    for (auto it = unknown.rbegin(); it != unknown.rend(); ++it) {
      if (auto own = own_region(*it)) region = *own;
      memo_.emplace(*it, region);
    }
    return memo_.at(row);
  }

 private:
  std::unordered_map<const GumboNode*, std::string> memo_;
};

}  // namespace

std::vector<checks::ListRow> list_rows(const GumboNode* document, std::string_view base,
                                       std::string_view charset) {
  const std::vector<const GumboNode*> anchors = anchors_of(document);
  std::unordered_map<const GumboNode*, int> links_under;
  links_under.reserve(anchors.size() * 8);
  // Links under each element, saturating: once an element holds more than a row may, so do
  // all its ancestors, and the climb stops (it was quadratic in the nesting depth).
  for (const GumboNode* a : anchors) {
    for (const GumboNode* n = a; n && !stops_climb(n); n = n->parent) {
      if (++links_under[n] > kMaxRowLinks + 1) break;
    }
  }

  std::vector<checks::ListRow> rows;
  std::unordered_set<const GumboNode*> taken;
  std::unordered_map<const GumboNode*, int> list_ids;
  Regions regions;
  for (const GumboNode* a : anchors) {
    const GumboNode* row = a;
    while (!is_row_tag(row->v.element.tag)) {
      const GumboNode* parent = row->parent;
      if (stops_climb(parent)) break;
      // A list item may hold a second link or two (a "more" or a category link) and still
      // be one entry; any other element with a second link is a container of entries.
      const int links = links_under[parent];
      const bool row_parent = is_row_tag(parent->v.element.tag) && links <= kMaxRowLinks;
      if (links > 1 && !row_parent) break;
      row = parent;
    }
    if (!taken.insert(row).second) continue;
    std::string_view href = attr(a->v.element, "href");
    auto url =
        charset.empty() ? resolve_url(base, href) : resolve_url(base, encode_query(href, charset));
    if (!url) continue;
    checks::ListRow out;
    out.text = row_text(row);
    out.url = std::move(*url);
    out.link_text = row_text(a);
    auto [it, fresh] = list_ids.try_emplace(row->parent, static_cast<int>(list_ids.size()));
    out.list = it->second;
    out.region = regions.of(row);
    rows.push_back(std::move(out));
  }
  return rows;
}

}  // namespace sitepatrol::crawler
