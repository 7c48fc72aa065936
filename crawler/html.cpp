// Page parsing with Gumbo (see html.h).
//
// Three steps: a cheap scan that stops a hostile page from nesting deeper than Gumbo can
// handle (its tree builder is quadratic in nesting depth), Gumbo parsing into an arena
// that is dropped whole (no per-node frees, and no recursion in gumbo_destroy_output), and
// one iterative walk that collects title, text, meta tags and raw references. References
// are resolved only after the walk, because <base href> applies to the whole document.
#include "crawler/html.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <memory_resource>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "crawler/url.h"

namespace sitepatrol::crawler {
namespace {

constexpr std::size_t kMaxAnchorText = 200;
constexpr std::uint32_t kMaxNesting = 512;
constexpr std::size_t kNameMax = 16;

constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; }
constexpr bool is_ascii_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }
constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Tag classes, indexed by GumboTag.

using TagSet = std::array<bool, GUMBO_TAG_LAST + 1>;

TagSet make_set(std::initializer_list<GumboTag> tags) {
  TagSet set{};
  for (GumboTag t : tags) set[t] = true;
  return set;
}

// Elements whose start and end add a word break to the visible text.
const TagSet kBlock =
    make_set({GUMBO_TAG_ADDRESS,    GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,   GUMBO_TAG_BLOCKQUOTE,
              GUMBO_TAG_BODY,       GUMBO_TAG_BR,      GUMBO_TAG_BUTTON,  GUMBO_TAG_CAPTION,
              GUMBO_TAG_CENTER,     GUMBO_TAG_DD,      GUMBO_TAG_DETAILS, GUMBO_TAG_DIR,
              GUMBO_TAG_DIV,        GUMBO_TAG_DL,      GUMBO_TAG_DT,      GUMBO_TAG_FIELDSET,
              GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,  GUMBO_TAG_FOOTER,  GUMBO_TAG_FORM,
              GUMBO_TAG_FRAMESET,   GUMBO_TAG_H1,      GUMBO_TAG_H2,      GUMBO_TAG_H3,
              GUMBO_TAG_H4,         GUMBO_TAG_H5,      GUMBO_TAG_H6,      GUMBO_TAG_HEADER,
              GUMBO_TAG_HGROUP,     GUMBO_TAG_HR,      GUMBO_TAG_INPUT,   GUMBO_TAG_LEGEND,
              GUMBO_TAG_LI,         GUMBO_TAG_LISTING, GUMBO_TAG_MAIN,    GUMBO_TAG_MARQUEE,
              GUMBO_TAG_MENU,       GUMBO_TAG_NAV,     GUMBO_TAG_OL,      GUMBO_TAG_OPTION,
              GUMBO_TAG_P,          GUMBO_TAG_PRE,     GUMBO_TAG_SECTION, GUMBO_TAG_SELECT,
              GUMBO_TAG_SUMMARY,    GUMBO_TAG_TABLE,   GUMBO_TAG_TBODY,   GUMBO_TAG_TD,
              GUMBO_TAG_TEXTAREA,   GUMBO_TAG_TFOOT,   GUMBO_TAG_TH,      GUMBO_TAG_THEAD,
              GUMBO_TAG_TR,         GUMBO_TAG_UL,      GUMBO_TAG_XMP});

// Elements whose content is not read: raw text, inert or for browsers without scripting.
const TagSet kHidden =
    make_set({GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE,
              GUMBO_TAG_TITLE, GUMBO_TAG_HEAD, GUMBO_TAG_NOFRAMES, GUMBO_TAG_NOEMBED});

// For the nesting guard: elements that never add depth (void elements, and those closed
// implicitly by a sibling or never nested by the tree builder).
const TagSet kFlat =
    make_set({GUMBO_TAG_AREA,     GUMBO_TAG_BASE,     GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND,
              GUMBO_TAG_BR,       GUMBO_TAG_COL,      GUMBO_TAG_EMBED,    GUMBO_TAG_FRAME,
              GUMBO_TAG_HR,       GUMBO_TAG_IMAGE,    GUMBO_TAG_IMG,      GUMBO_TAG_INPUT,
              GUMBO_TAG_KEYGEN,   GUMBO_TAG_LINK,     GUMBO_TAG_MENUITEM, GUMBO_TAG_META,
              GUMBO_TAG_PARAM,    GUMBO_TAG_SOURCE,   GUMBO_TAG_TRACK,    GUMBO_TAG_WBR,
              GUMBO_TAG_P,        GUMBO_TAG_LI,       GUMBO_TAG_DT,       GUMBO_TAG_DD,
              GUMBO_TAG_OPTION,   GUMBO_TAG_OPTGROUP, GUMBO_TAG_TR,       GUMBO_TAG_TD,
              GUMBO_TAG_TH,       GUMBO_TAG_THEAD,    GUMBO_TAG_TBODY,    GUMBO_TAG_TFOOT,
              GUMBO_TAG_RB,       GUMBO_TAG_RT,       GUMBO_TAG_RTC,      GUMBO_TAG_RP,
              GUMBO_TAG_COLGROUP, GUMBO_TAG_CAPTION,  GUMBO_TAG_HTML,     GUMBO_TAG_HEAD,
              GUMBO_TAG_BODY,     GUMBO_TAG_A,        GUMBO_TAG_BUTTON,   GUMBO_TAG_NOBR,
              GUMBO_TAG_FORM,     GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE,    GUMBO_TAG_TEXTAREA,
              GUMBO_TAG_TITLE,    GUMBO_TAG_XMP,      GUMBO_TAG_IFRAME,   GUMBO_TAG_NOEMBED,
              GUMBO_TAG_NOFRAMES, GUMBO_TAG_PLAINTEXT});

// Elements whose content the tokenizer reads as text up to the matching end tag.
const TagSet kRawText =
    make_set({GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TITLE, GUMBO_TAG_XMP,
              GUMBO_TAG_IFRAME, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES});

// ---------------------------------------------------------------------------------------
// Nesting guard.

// Finds the '>' closing the tag whose attributes start at `i`; quoted values may hold '>'.
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
    if (!is_ascii_space(c)) last = c;
  }
  return s.size();
}

std::size_t ifind(std::string_view s, std::string_view lower_needle, std::size_t from) {
  while ((from = s.find('<', from)) != std::string_view::npos) {
    if (iequals(s.substr(from, lower_needle.size()), lower_needle)) return from;
    ++from;
  }
  return std::string_view::npos;
}

// Open-element counts the way the tree builder would roughly see them. Unknown tags are
// counted by name so a stray </x-b> cannot cancel an open <x-a>.
class NestingCounter {
 public:
  std::uint32_t depth() const { return depth_; }

  std::uint32_t& count(GumboTag tag, std::string_view name) {
    if (tag != GUMBO_TAG_UNKNOWN) return known_[tag];
    std::string key(name);
    for (char& c : key) c = to_lower(c);
    return unknown_[key];
  }
  void open(GumboTag tag, std::string_view name) {
    ++count(tag, name);
    ++depth_;
  }
  void close(GumboTag tag, std::string_view name) {
    std::uint32_t& n = count(tag, name);
    if (n == 0) return;
    --n;
    --depth_;
  }

 private:
  std::array<std::uint32_t, GUMBO_TAG_LAST + 1> known_{};
  std::unordered_map<std::string, std::uint32_t> unknown_;
  std::uint32_t depth_ = 0;
};

// Returns a copy of `html` without the start tags that would nest deeper than
// kMaxNesting, or nullopt when the page stays within it (every real page does).
std::optional<std::string> limit_nesting(std::string_view html) {
  NestingCounter counter;
  std::optional<std::string> out;
  std::size_t copied = 0;  // html[0, copied) is already in *out (or needs no copy)
  int foreign = 0;         // open <svg>/<math>: there "<x/>" really closes
  std::array<char, kNameMax> name_buf{};
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    std::size_t start = i;
    std::string_view rest = html.substr(i + 1);
    if (rest.starts_with("!--")) {
      std::size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (rest.starts_with("!") || rest.starts_with("?")) {
      i = tag_end(html, i + 1) + 1;
      continue;
    }
    bool closing = rest.starts_with("/");
    std::size_t n = i + 1 + (closing ? 1 : 0);
    std::size_t name_start = n;
    while (n < html.size() &&
           (is_ascii_alnum(html[n]) || html[n] == '-' || html[n] == '_' || html[n] == ':')) {
      ++n;
    }
    std::string_view name = html.substr(name_start, n - name_start);
    if (name.empty() || !is_ascii_alpha(name[0])) {
      i = start + 1;
      continue;
    }
    std::size_t len = std::min(name.size(), name_buf.size());
    for (std::size_t k = 0; k < len; ++k) name_buf[k] = to_lower(name[k]);
    GumboTag tag = name.size() <= name_buf.size()
                       ? gumbo_tagn_enum(name_buf.data(), static_cast<unsigned>(len))
                       : GUMBO_TAG_UNKNOWN;
    std::size_t end = tag_end(html, n);
    i = end + 1;
    if (closing) {
      if (!kFlat[tag]) counter.close(tag, name);
      if ((tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) && foreign > 0) --foreign;
      continue;
    }
    if (tag == GUMBO_TAG_PLAINTEXT) break;
    if (kRawText[tag]) {
      std::array<char, 2 + kNameMax> close{'<', '/'};
      std::size_t close_len = 2 + len;
      for (std::size_t k = 0; k < len; ++k) close[2 + k] = name_buf[k];
      i = ifind(html, std::string_view(close.data(), close_len), i);
      continue;
    }
    bool self_closing = end > 0 && end < html.size() && html[end - 1] == '/';
    if (kFlat[tag] || (self_closing && foreign > 0)) continue;
    if (counter.depth() < kMaxNesting) {
      counter.open(tag, name);
      if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) ++foreign;
      continue;
    }
    if (!out) {
      out.emplace();
      out->reserve(html.size());
    }
    out->append(html.substr(copied, start - copied));
    copied = std::min(end + 1, html.size());
  }
  if (out) out->append(html.substr(copied));
  return out;
}

// ---------------------------------------------------------------------------------------
// Text.

// Appends `in` with runs of white space (ASCII, U+00A0, U+3000) collapsed into one space.
// A space is written only before the next visible character, so `out` never ends in one.
class TextSink {
 public:
  explicit TextSink(std::string& out) : out_(out) {}

  void append(std::string_view in) {
    for (std::size_t i = 0; i < in.size(); ++i) {
      char c = in[i];
      if (is_ascii_space(c)) {
        pending_space_ = true;
        continue;
      }
      if (c == '\xC2' && i + 1 < in.size() && in[i + 1] == '\xA0') {
        pending_space_ = true;
        ++i;
        continue;
      }
      if (c == '\xE3' && i + 2 < in.size() && in[i + 1] == '\x80' && in[i + 2] == '\x80') {
        pending_space_ = true;
        i += 2;
        continue;
      }
      if (pending_space_ && !out_.empty()) out_.push_back(' ');
      pending_space_ = false;
      out_.push_back(c);
    }
  }
  void space() { pending_space_ = true; }
  std::size_t size() const { return out_.size(); }

 private:
  std::string& out_;
  bool pending_space_ = false;
};

std::string collapse(std::string_view in) {
  std::string out;
  TextSink sink(out);
  sink.append(in);
  return out;
}

// Cuts a UTF-8 string to at most `max` bytes without splitting a character.
void truncate_utf8(std::string& s, std::size_t max) {
  if (s.size() <= max) return;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  while (!s.empty() && s.back() == ' ') s.pop_back();
}

// ---------------------------------------------------------------------------------------
// References.

// A reference as written in the page; the views point into Gumbo's output.
struct RawLink {
  std::string_view ref;
  std::string_view kind;
  std::size_t text_begin = 0;  // anchors: their slice of the visible (or hidden) text
  std::size_t text_end = 0;
  bool hidden = false;     // anchors inside <noscript> and the like
  std::string_view title;  // anchors: fallbacks when they have no text
  std::string_view img_alt;
};

// Calls `emit` with each candidate URL of a srcset (WHATWG "parse a srcset attribute").
template <typename Emit>
void for_each_srcset_url(std::string_view s, Emit emit) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_ascii_space(s[i]) || s[i] == ',')) ++i;
    if (i >= s.size()) break;
    std::size_t start = i;
    while (i < s.size() && !is_ascii_space(s[i])) ++i;
    std::string_view url = s.substr(start, i - start);
    if (url.ends_with(',')) {
      while (!url.empty() && url.back() == ',') url.remove_suffix(1);
    } else {
      int parens = 0;  // skip the descriptors up to the next top-level comma
      for (; i < s.size(); ++i) {
        if (s[i] == '(') ++parens;
        if (s[i] == ')') --parens;
        if (s[i] == ',' && parens <= 0) break;
      }
    }
    if (!url.empty()) emit(url);
  }
}

// The URL in <meta http-equiv=refresh content="5; url=...">, empty when there is none.
std::string_view refresh_url(std::string_view s) {
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size() && is_ascii_space(s[i])) ++i;
  };
  skip_space();
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
  skip_space();
  if (i >= s.size() || (s[i] != ';' && s[i] != ',')) return {};
  ++i;
  skip_space();
  std::size_t url_start = i;
  if (i + 3 <= s.size() && iequals(s.substr(i, 3), "url")) {
    std::size_t j = i + 3;
    while (j < s.size() && is_ascii_space(s[j])) ++j;
    if (j < s.size() && s[j] == '=') {
      i = j + 1;
      skip_space();
      url_start = i;
    }
  }
  std::string_view url = s.substr(url_start);
  if (!url.empty() && (url.front() == '"' || url.front() == '\'')) {
    std::size_t close = url.find(url.front(), 1);
    url = url.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1);
  }
  while (!url.empty() && is_ascii_space(url.back())) url.remove_suffix(1);
  return url;
}

std::string_view attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool has_attr(const GumboElement& el, const char* name) {
  return gumbo_get_attribute(&el.attributes, name) != nullptr;
}

bool is_hint_link(std::string_view rel) {
  // <link rel=dns-prefetch|preconnect href=//host>: an origin, not a resource.
  std::size_t i = 0;
  while (i < rel.size()) {
    while (i < rel.size() && is_ascii_space(rel[i])) ++i;
    std::size_t start = i;
    while (i < rel.size() && !is_ascii_space(rel[i])) ++i;
    std::string_view token = rel.substr(start, i - start);
    if (iequals(token, "dns-prefetch") || iequals(token, "preconnect")) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// The walk.

class Walker {
 public:
  explicit Walker(ParsedHtml& out) : out_(out), text_(out.text) {}

  void run(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      bool exit;
    };
    std::vector<Frame> stack;
    stack.reserve(64);
    stack.push_back({root, false});
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      const GumboNode* node = f.node;
      if (f.exit) {
        leave(node->v.element);
        continue;
      }
      const GumboVector* children = nullptr;
      switch (node->type) {
        case GUMBO_NODE_DOCUMENT:
          children = &node->v.document.children;
          break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
          if (!enter(node->v.element)) continue;
          stack.push_back({node, true});
          children = &node->v.element.children;
          break;
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
          (hidden_ == 0 ? text_ : hidden_text_).append(node->v.text.text);
          continue;
        case GUMBO_NODE_COMMENT:
          continue;
      }
      for (unsigned i = children->length; i-- > 0;) {
        stack.push_back({static_cast<const GumboNode*>(children->data[i]), false});
      }
    }
  }

  std::string_view base() const { return base_; }
  const std::vector<RawLink>& links() const { return links_; }
  std::string_view hidden_text() const { return hidden_buffer_; }

 private:
  void add(std::string_view ref, std::string_view kind) {
    if (ref.empty()) return;
    RawLink link;
    link.ref = ref;
    link.kind = kind;
    links_.push_back(link);
  }

  // Returns false when the element's content is not to be walked at all.
  bool enter(const GumboElement& el) {
    GumboTag tag = el.tag;
    bool html = el.tag_namespace == GUMBO_NAMESPACE_HTML;
    if (kBlock[tag]) text_.space();
    switch (tag) {
      case GUMBO_TAG_A:
      case GUMBO_TAG_AREA:
        if (has_attr(el, "href")) {
          anchors_.push_back(links_.size());
          RawLink link;
          link.ref = attr(el, "href");
          link.kind = tag == GUMBO_TAG_A ? "a" : "area";
          link.hidden = hidden_ > 0;
          link.text_begin = link.text_end = sink(link.hidden).size();
          link.title = attr(el, "title");
          if (tag == GUMBO_TAG_AREA) link.img_alt = attr(el, "alt");
          links_.push_back(link);
        } else {
          anchors_.push_back(kNoAnchor);
        }
        break;
      case GUMBO_TAG_IMG:
        add(attr(el, "src"), "img");
        for_each_srcset_url(attr(el, "srcset"), [&](std::string_view u) { add(u, "img"); });
        if (!anchors_.empty() && anchors_.back() != kNoAnchor) {
          RawLink& a = links_[anchors_.back()];
          if (a.img_alt.empty()) a.img_alt = attr(el, "alt");
        }
        break;
      case GUMBO_TAG_SOURCE:
        add(attr(el, "src"), "source");
        for_each_srcset_url(attr(el, "srcset"), [&](std::string_view u) { add(u, "source"); });
        break;
      case GUMBO_TAG_SCRIPT:  // holds only text
        add(attr(el, "src"), "script");
        return false;
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_TEMPLATE:  // inert until a script uses it
        return false;
      case GUMBO_TAG_IFRAME:
        add(attr(el, "src"), "iframe");
        break;
      case GUMBO_TAG_FRAME:
        add(attr(el, "src"), "frame");
        break;
      case GUMBO_TAG_EMBED:
        add(attr(el, "src"), "embed");
        break;
      case GUMBO_TAG_AUDIO:
        add(attr(el, "src"), "audio");
        break;
      case GUMBO_TAG_VIDEO:
        add(attr(el, "src"), "video");
        break;
      case GUMBO_TAG_TRACK:
        add(attr(el, "src"), "track");
        break;
      case GUMBO_TAG_OBJECT:
        add(attr(el, "data"), "object");
        break;
      case GUMBO_TAG_LINK:
        if (!is_hint_link(attr(el, "rel"))) add(attr(el, "href"), "link");
        break;
      case GUMBO_TAG_BASE:
        if (html && !have_base_ && has_attr(el, "href")) {
          base_ = attr(el, "href");
          have_base_ = true;
        }
        break;
      case GUMBO_TAG_META:
        if (html) meta(el);
        break;
      case GUMBO_TAG_TITLE:
        if (html && !have_title_) {
          have_title_ = true;
          TextSink title(out_.title);
          for (unsigned i = 0; i < el.children.length; ++i) {
            auto* child = static_cast<const GumboNode*>(el.children.data[i]);
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
              title.append(child->v.text.text);
            }
          }
        }
        return false;  // the title is not body text; an SVG <title> is a tooltip
      default:
        break;
    }
    if (kHidden[tag] && html) ++hidden_;
    return true;
  }

  void leave(const GumboElement& el) {
    GumboTag tag = el.tag;
    if (kHidden[tag] && el.tag_namespace == GUMBO_NAMESPACE_HTML) --hidden_;
    if (kBlock[tag]) text_.space();
    if (tag == GUMBO_TAG_A || tag == GUMBO_TAG_AREA) {
      if (!anchors_.empty()) {
        if (anchors_.back() != kNoAnchor) {
          RawLink& a = links_[anchors_.back()];
          a.text_end = sink(a.hidden).size();
        }
        anchors_.pop_back();
      }
    }
  }

  void meta(const GumboElement& el) {
    std::string_view name = attr(el, "name");
    if (name.empty()) name = attr(el, "property");
    std::string_view equiv = attr(el, "http-equiv");
    if (name.empty()) name = equiv;
    if (iequals(equiv, "refresh")) add(refresh_url(attr(el, "content")), "meta-refresh");
    const GumboAttribute* content = gumbo_get_attribute(&el.attributes, "content");
    if (name.empty() || !content) return;
    std::string key = collapse(name);
    for (char& c : key) c = to_lower(c);
    out_.meta.emplace_back(std::move(key), collapse(content->value));
  }

  static constexpr std::size_t kNoAnchor = static_cast<std::size_t>(-1);

  TextSink& sink(bool hidden) { return hidden ? hidden_text_ : text_; }

  ParsedHtml& out_;
  TextSink text_;
  std::string hidden_buffer_;  // text of hidden elements, kept for anchors inside them
  TextSink hidden_text_{hidden_buffer_};
  int hidden_ = 0;
  bool have_title_ = false;
  bool have_base_ = false;
  std::string_view base_;
  std::vector<RawLink> links_;
  std::vector<std::size_t> anchors_;  // open <a>/<area>: index into links_ or kNoAnchor
};

struct RawKey {
  std::string_view ref;
  std::string_view kind;
  bool operator==(const RawKey&) const = default;
};
struct RawKeyHash {
  std::size_t operator()(const RawKey& k) const {
    return std::hash<std::string_view>()(k.ref) * 31 + std::hash<std::string_view>()(k.kind);
  }
};

std::string anchor_text(const RawLink& raw, std::string_view visible, std::string_view hidden) {
  std::string_view text = raw.hidden ? hidden : visible;
  std::string out;
  if (raw.text_end > raw.text_begin)
    out = collapse(text.substr(raw.text_begin, raw.text_end - raw.text_begin));
  if (out.empty()) out = collapse(raw.img_alt);
  if (out.empty()) out = collapse(raw.title);
  truncate_utf8(out, kMaxAnchorText);
  return out;
}

// Resolves the raw references in document order, keeping the first of each (url, kind).
void resolve_links(ParsedHtml& out, const std::vector<RawLink>& raw, std::string_view hidden,
                   std::string_view base) {
  std::unordered_set<RawKey, RawKeyHash> seen_raw;
  std::unordered_set<RawKey, RawKeyHash> seen;
  seen_raw.reserve(raw.size());
  seen.reserve(raw.size());
  out.links.reserve(raw.size());  // never reallocates, so views into urls stay valid
  for (const RawLink& r : raw) {
    if (!seen_raw.insert({r.ref, r.kind}).second) continue;
    auto url = resolve_url(base, r.ref);
    if (!url) continue;
    if (seen.contains({*url, r.kind})) continue;
    std::string text;
    if (r.kind == "a" || r.kind == "area") text = anchor_text(r, out.text, hidden);
    out.links.push_back(
        {.url = std::move(*url), .kind = std::string(r.kind), .text = std::move(text)});
    seen.insert({out.links.back().url, r.kind});
  }
}

// Gumbo allocates through these; the arena releases everything at once.
void* arena_allocate(void* arena, std::size_t size) {
  return static_cast<std::pmr::monotonic_buffer_resource*>(arena)->allocate(
      size, alignof(std::max_align_t));
}
void arena_deallocate(void*, void*) {}

}  // namespace

ParsedHtml parse_html(std::string_view utf8_html, std::string_view page_url) {
  ParsedHtml out;
  std::optional<std::string> limited = limit_nesting(utf8_html);
  std::string_view html = limited ? std::string_view(*limited) : utf8_html;

  // Gumbo needs about eight bytes per input byte. The first block (at most 4 MiB) is kept
  // per thread, so its memory is not faulted in afresh for every page.
  struct ArenaBlock {
    std::unique_ptr<std::byte[]> data;
    std::size_t size = 0;
  };
  thread_local ArenaBlock block;
  std::size_t want = std::clamp<std::size_t>(html.size() * 8, 64 << 10, 4 << 20);
  if (block.size < want) {
    block.data = std::make_unique_for_overwrite<std::byte[]>(want);
    block.size = want;
  }
  std::pmr::monotonic_buffer_resource arena(block.data.get(), block.size);
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = arena_allocate;
  options.deallocator = arena_deallocate;
  options.userdata = &arena;
  options.max_errors = 0;  // errors copy the open-element stack: quadratic on deep pages
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  if (!output) return out;

  out.text.reserve(html.size() / 4);
  Walker walker(out);
  walker.run(output->document);

  std::string base(page_url);
  if (!walker.base().empty()) {
    if (auto resolved = resolve_url(page_url, walker.base())) base = std::move(*resolved);
  }
  resolve_links(out, walker.links(), walker.hidden_text(), base);
  // No gumbo_destroy_output: it recurses per level, and the arena frees it all anyway.
  return out;
}

}  // namespace sitepatrol::crawler
