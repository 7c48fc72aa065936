// Page parsing with Gumbo (see html.h).
//
// Four steps: markup written by inline scripts is put where a browser would put it
// (document_write.h; almost every page skips this after one substring search); a cheap scan
// stops a hostile page from nesting deeper than Gumbo can handle (its tree builder is
// quadratic in nesting depth) and, on the way, collects the <style> blocks; Gumbo parses
// into an arena that is dropped whole (no per-node frees, and no recursion in
// gumbo_destroy_output); one iterative walk collects title, text (visible, hidden, inert),
// meta tags, tag paths and raw references, with a VisibilityTracker saying what a reader
// sees. References are resolved only after the walk, because <base href> applies to the
// whole document.
#include "crawler/html.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <memory_resource>
#include <optional>
#include <unordered_map>

#include "checks/css_rules.h"
#include "checks/fingerprint.h"
#include "checks/visibility.h"
#include "crawler/charset.h"
#include "crawler/css_refs.h"
#include "crawler/document_write.h"
#include "crawler/element_visibility.h"
#include "crawler/html_forms.h"
#include "crawler/list_rows.h"
#include "crawler/page_styles.h"
#include "crawler/raw_markup.h"
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

// True when a <style> with these attributes applies on screen (type text/css or none, media
// for a desktop screen).
bool screen_style(std::string_view attrs) {
  if (auto type = raw_attribute(attrs, "type"); type && !type->empty()) {
    std::string t(*type);
    for (char& c : t) c = to_lower(c);
    if (t.find("css") == std::string::npos) return false;
  }
  auto media = raw_attribute(attrs, "media");
  return !media || checks::media_applies(*media);
}

// Returns a copy of `html` without the start tags that would nest deeper than
// kMaxNesting, or nullopt when the page stays within it (every real page does). Appends the
// content of each <style> that applies on screen to `styles` (views into `html`).
std::optional<std::string> limit_nesting(std::string_view html,
                                         std::vector<std::string_view>& styles) {
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
      std::size_t content = i;
      i = ifind_tag(html, std::string_view(close.data(), close_len), i);
      if (tag == GUMBO_TAG_STYLE && screen_style(html.substr(n, end - n))) {
        styles.push_back(html.substr(std::min(content, html.size()),
                                     i == std::string_view::npos ? i : i - content));
      }
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
      if (c == '\xEE' && in.substr(i, kUnknownTerm.size()) == kUnknownTerm) {
        i += kUnknownTerm.size() - 1;  // what a script wrote from values we do not know
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

// Where a piece of text goes: page text, text hidden by style (ParsedHtml::hidden_text), or
// inert text nobody reads (<noscript>, <noembed> and the like; kept for anchors inside).
enum class Sink : std::uint8_t { visible, hidden, inert };

// A reference as written in the page; the views point into Gumbo's output.
struct RawLink {
  std::string_view ref;
  std::string_view kind;
  std::size_t text_begin = 0;  // anchors: their slice of the text in `sink`
  std::size_t text_end = 0;
  Sink sink = Sink::visible;
  std::string_view title;  // anchors: fallbacks when they have no text
  std::string_view img_alt;
  bool hidden = false;           // a reader cannot see it (element_visibility.h)
  bool shows_image = false;      // anchors: hold a visible <img>
  std::size_t hidden_begin = 0;  // anchors: size of the hidden text when they opened
  std::string hidden_by;
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
  Walker(ParsedHtml& out, const checks::Stylesheet& sheet, const ParseOptions& options)
      : out_(out),
        text_(out.text),
        hidden_text_(out.hidden_text),
        tracker_(sheet, options.stop),
        structure_(options.structure),
        stop_(options.stop) {}

  void run(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      bool exit;
    };
    std::vector<Frame> stack;
    stack.reserve(64);
    stack.push_back({root, false});
    std::size_t nodes = 0;
    while (!stack.empty()) {
      if (stop_ && (++nodes & 4095) == 0 && stop_->load(std::memory_order_relaxed)) return;
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
          text(node);
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
  std::string_view inert_text() const { return inert_buffer_; }

 private:
  // A reference built by a script from values we do not know cannot be followed.
  static bool unknown(std::string_view ref) {
    return ref.find(kUnknownTerm) != std::string_view::npos;
  }

  // References that are shown (images, frames, media) can be hidden; scripts, stylesheets
  // and refreshes are never seen anyway.
  void add(std::string_view ref, std::string_view kind, bool shown = true) {
    if (ref.empty() || unknown(ref)) return;
    RawLink link;
    link.ref = ref;
    link.kind = kind;
    if (shown) mark_hidden(link, tracker_.link_hiding(true));
    links_.push_back(std::move(link));
  }

  // The url()s and @imports of inline CSS (css_refs.h): kinds "css" and "css-import",
  // resolved against the document like its other references.
  void add_css(std::string_view css) {
    if (css.find('(') == std::string_view::npos && css.find('@') == std::string_view::npos) {
      return;  // most style attributes: neither url( nor @import
    }
    for (CssRef& r : css_references(css)) {
      css_refs_.push_back(std::move(r.ref));
      add(css_refs_.back(), r.import ? "css-import" : "css", false);
    }
  }

  void mark_hidden(RawLink& link, checks::Hiding h) {
    link.hidden = static_cast<bool>(h);
    link.hidden_by = h ? tracker_.describe(h) : std::string();
  }

  void text(const GumboNode* node) {
    Sink s = text_sink();
    sink(s).append(node->v.text.text);
    // An anchor whose text is all hidden shows nothing: remember how its text was hidden.
    if (s == Sink::hidden && !anchors_.empty() && node->type != GUMBO_NODE_WHITESPACE) {
      last_hidden_by_ = tracker_.describe(tracker_.text_hiding());
    }
  }

  Sink text_sink() const {
    if (inert_ > 0) return Sink::inert;
    return tracker_.text_hidden() ? Sink::hidden : Sink::visible;
  }

  // Returns false when the element's content is not to be walked at all.
  bool enter(const GumboElement& el) {
    tracker_.enter(el);
    if (structure_) push_path(el);
    if (enter_element(el)) {
      if (kHidden[el.tag] && el.tag_namespace == GUMBO_NAMESPACE_HTML) ++inert_;
      return true;
    }
    tracker_.leave();
    if (structure_) pop_path();
    return false;
  }

  bool enter_element(const GumboElement& el) {
    GumboTag tag = el.tag;
    bool html = el.tag_namespace == GUMBO_NAMESPACE_HTML;
    if (kBlock[tag]) space();
    if (const GumboAttribute* style = gumbo_get_attribute(&el.attributes, "style")) {
      add_css(style->value);
    }
    switch (tag) {
      case GUMBO_TAG_A:
      case GUMBO_TAG_AREA:
        if (has_attr(el, "href") && !unknown(attr(el, "href"))) {
          anchors_.push_back(links_.size());
          RawLink link;
          link.ref = attr(el, "href");
          link.kind = tag == GUMBO_TAG_A ? "a" : "area";
          link.sink = text_sink();
          link.text_begin = link.text_end = sink(link.sink).size();
          link.hidden_begin = hidden_text_.size();
          link.title = attr(el, "title");
          if (tag == GUMBO_TAG_AREA) link.img_alt = attr(el, "alt");
          mark_hidden(link, tracker_.link_hiding(false));
          links_.push_back(std::move(link));
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
          if (!tracker_.link_hiding(true)) a.shows_image = true;
        }
        break;
      case GUMBO_TAG_SOURCE:
        add(attr(el, "src"), "source");
        for_each_srcset_url(attr(el, "srcset"), [&](std::string_view u) { add(u, "source"); });
        break;
      case GUMBO_TAG_SCRIPT:  // holds only text
        add(attr(el, "src"), "script", false);
        return false;
      case GUMBO_TAG_STYLE:  // its url()s and @imports are references (issue 11)
        for (unsigned i = 0; i < el.children.length; ++i) {
          auto* child = static_cast<const GumboNode*>(el.children.data[i]);
          if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
              child->type == GUMBO_NODE_CDATA) {
            add_css(child->v.text.text);
          }
        }
        return false;
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
        if (!is_hint_link(attr(el, "rel"))) add(attr(el, "href"), "link", false);
        break;
      case GUMBO_TAG_FORM:  // GET targets only: a POST target need not answer a GET
        forms_get_.push_back(!iequals(attr(el, "method"), "post"));
        if (forms_get_.back()) add(attr(el, "action"), "form", false);
        break;
      case GUMBO_TAG_BUTTON:
      case GUMBO_TAG_INPUT:
        form_action(el);
        break;
      case GUMBO_TAG_BASE:
        if (html && !have_base_ && has_attr(el, "href") && !unknown(attr(el, "href"))) {
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
    return true;
  }

  void leave(const GumboElement& el) {
    GumboTag tag = el.tag;
    if (tag == GUMBO_TAG_FORM && !forms_get_.empty()) forms_get_.pop_back();
    if (kHidden[tag] && el.tag_namespace == GUMBO_NAMESPACE_HTML) --inert_;
    if (kBlock[tag]) space();
    if (tag == GUMBO_TAG_A || tag == GUMBO_TAG_AREA) {
      if (!anchors_.empty()) {
        if (anchors_.back() != kNoAnchor) {
          RawLink& a = links_[anchors_.back()];
          a.text_end = sink(a.sink).size();
          // Text hidden by font-size or colour, but an image that still shows.
          if (a.hidden && a.shows_image) mark_hidden(a, tracker_.link_hiding(true));
          // <a href><font color=#fff>...</font></a>: visible itself, but all it holds is not.
          if (!a.hidden && a.sink == Sink::visible && a.text_end == a.text_begin &&
              !a.shows_image && hidden_text_.size() > a.hidden_begin) {
            a.hidden = true;
            a.hidden_by = last_hidden_by_;
            a.sink = Sink::hidden;
            a.text_begin = a.hidden_begin;
            a.text_end = hidden_text_.size();
          }
        }
        anchors_.pop_back();
      }
    }
    tracker_.leave();
    if (structure_) pop_path();
  }

  // <button formaction> and <input type=submit|image formaction> send their form elsewhere;
  // like a form's action, the target is checked when the submission would be a GET (the
  // button's formmethod, else its form's method, else GET outside any form).
  void form_action(const GumboElement& el) {
    std::string_view type = attr(el, "type");
    if (el.tag == GUMBO_TAG_INPUT ? !iequals(type, "submit") && !iequals(type, "image")
                                  : iequals(type, "button") || iequals(type, "reset")) {
      return;
    }
    if (!has_attr(el, "formaction")) return;
    bool get = forms_get_.empty() || forms_get_.back();
    if (has_attr(el, "formmethod")) get = !iequals(attr(el, "formmethod"), "post");
    if (get) add(attr(el, "formaction"), "form", false);
  }

  void meta(const GumboElement& el) {
    std::string_view name = attr(el, "name");
    if (name.empty()) name = attr(el, "property");
    std::string_view equiv = attr(el, "http-equiv");
    if (name.empty()) name = equiv;
    if (iequals(equiv, "refresh")) add(refresh_url(attr(el, "content")), "meta-refresh", false);
    const GumboAttribute* content = gumbo_get_attribute(&el.attributes, "content");
    if (name.empty() || !content) return;
    std::string key = collapse(name);
    for (char& c : key) c = to_lower(c);
    out_.meta.emplace_back(std::move(key), collapse(content->value));
  }

  // Tag paths (ParseOptions::structure): "html>body>div.a.b>ul", classes sorted, at most
  // three, ids dropped.
  void push_path(const GumboElement& el) {
    checks::PathHash path = paths_.empty() ? checks::PathHash() : paths_.back().then(">");
    std::string tag(tag_name(el));
    for (char& c : tag) c = to_lower(c);
    path = path.then(tag);
    if (const GumboAttribute* cls = gumbo_get_attribute(&el.attributes, "class")) {
      std::string_view all = cls->value;
      classes_.clear();
      std::size_t i = 0;
      while (i < all.size()) {
        while (i < all.size() && is_ascii_space(all[i])) ++i;
        std::size_t start = i;
        while (i < all.size() && !is_ascii_space(all[i])) ++i;
        if (i > start) classes_.push_back(all.substr(start, i - start));
      }
      std::sort(classes_.begin(), classes_.end());
      classes_.erase(std::unique(classes_.begin(), classes_.end()), classes_.end());
      for (std::size_t k = 0; k < classes_.size() && k < kMaxPathClasses; ++k) {
        path = path.then(".").then(classes_[k]);
      }
    }
    paths_.push_back(path);
    out_.tag_paths.push_back(path.value());
  }

  void pop_path() {
    if (!paths_.empty()) paths_.pop_back();
  }

  void space() {
    text_.space();
    hidden_text_.space();
    inert_text_.space();
  }

  static constexpr std::size_t kNoAnchor = static_cast<std::size_t>(-1);
  static constexpr std::size_t kMaxPathClasses = 3;

  TextSink& sink(Sink s) {
    switch (s) {
      case Sink::visible:
        return text_;
      case Sink::hidden:
        return hidden_text_;
      case Sink::inert:
        return inert_text_;
    }
    return inert_text_;
  }

  ParsedHtml& out_;
  TextSink text_;
  TextSink hidden_text_;
  std::string inert_buffer_;  // text of inert elements, kept for anchors inside them
  TextSink inert_text_{inert_buffer_};
  VisibilityTracker tracker_;
  int inert_ = 0;
  bool have_title_ = false;
  bool have_base_ = false;
  std::string_view base_;
  std::vector<RawLink> links_;
  std::vector<std::size_t> anchors_;  // open <a>/<area>: index into links_ or kNoAnchor
  std::vector<bool> forms_get_;       // open <form>s: whether each submits with GET
  std::deque<std::string> css_refs_;  // decoded CSS references; links_ views point here
  std::string last_hidden_by_;        // how the last hidden text inside an anchor was hidden
  bool structure_ = false;
  const std::atomic<bool>* stop_ = nullptr;
  std::vector<checks::PathHash> paths_;  // the open elements' tag paths
  std::vector<std::string_view> classes_;
};

// A reference as a reader would quote it: without the white space around it.
std::string_view trim_reference(std::string_view ref) {
  while (!ref.empty() && static_cast<unsigned char>(ref.front()) <= 0x20) ref.remove_prefix(1);
  while (!ref.empty() && static_cast<unsigned char>(ref.back()) <= 0x20) ref.remove_suffix(1);
  return ref;
}

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

std::string anchor_text(const RawLink& raw, const ParsedHtml& out, std::string_view inert) {
  std::string_view text =
      raw.sink == Sink::visible ? out.text : (raw.sink == Sink::hidden ? out.hidden_text : inert);
  std::string result;
  if (raw.text_end > raw.text_begin)
    result = collapse(text.substr(raw.text_begin, raw.text_end - raw.text_begin));
  if (result.empty()) result = collapse(raw.img_alt);
  if (result.empty()) result = collapse(raw.title);
  truncate_utf8(result, kMaxAnchorText);
  return result;
}

// Resolves the raw references in document order, keeping the first of each (url, kind). A
// reference is hidden only when every occurrence of it is: one a reader can see is no dark
// link, however often it is repeated out of sight.
void resolve_links(ParsedHtml& out, const std::vector<RawLink>& raw, std::string_view inert,
                   std::string_view base, std::string_view charset) {
  constexpr std::size_t kDropped = static_cast<std::size_t>(-1);
  std::unordered_map<RawKey, std::size_t, RawKeyHash> seen_raw;  // -> index in out.links
  std::unordered_map<RawKey, std::size_t, RawKeyHash> seen;
  seen_raw.reserve(raw.size());
  seen.reserve(raw.size());
  out.links.reserve(raw.size());  // never reallocates, so views into urls stay valid
  auto merge = [&](std::size_t index, const RawLink& r) {
    if (index == kDropped || r.hidden) return;
    checks::LinkRef& kept = out.links[index];
    kept.hidden = false;
    kept.hidden_by.clear();
  };
  for (const RawLink& r : raw) {
    auto [raw_it, fresh] = seen_raw.try_emplace({r.ref, r.kind}, kDropped);
    if (!fresh) {
      merge(raw_it->second, r);
      continue;
    }
    auto url = charset.empty() ? resolve_url(base, r.ref)
                               : resolve_url(base, encode_query(r.ref, charset));
    if (!url) {
      // An http(s) or relative reference that cannot be parsed leads a reader nowhere.
      if (is_malformed_reference(r.ref)) {
        checks::LinkRef bad;
        bad.url = trim_reference(r.ref);
        bad.kind = r.kind;
        // Once per (reference, kind), like links; a page holds few such references.
        if (std::ranges::none_of(out.malformed, [&](const checks::LinkRef& m) {
              return m.url == bad.url && m.kind == bad.kind;
            })) {
          out.malformed.push_back(std::move(bad));
        }
      }
      continue;
    }
    if (auto it = seen.find({*url, r.kind}); it != seen.end()) {
      raw_it->second = it->second;
      merge(it->second, r);
      continue;
    }
    std::string text;
    if (r.kind == "a" || r.kind == "area") text = anchor_text(r, out, inert);
    out.links.push_back({.url = std::move(*url),
                         .kind = std::string(r.kind),
                         .text = std::move(text),
                         .hidden = r.hidden,
                         .hidden_by = r.hidden_by,
                         .title = std::string(r.title)});
    raw_it->second = out.links.size() - 1;
    seen.emplace(RawKey{out.links.back().url, r.kind}, out.links.size() - 1);
  }
}

// Gumbo allocates through these; the arena releases everything at once.
void* arena_allocate(void* arena, std::size_t size) {
  return static_cast<std::pmr::monotonic_buffer_resource*>(arena)->allocate(
      size, alignof(std::max_align_t));
}
void arena_deallocate(void*, void*) {}

}  // namespace

ParsedHtml parse_html(std::string_view utf8_html, std::string_view page_url,
                      const ParseOptions& parse_options) {
  ParsedHtml out;
  if (utf8_html.size() > kMaxParseBytes) {
    out.too_large = true;
    return out;
  }
  std::optional<std::string> written = expand_document_writes(utf8_html);
  std::string_view source = written ? std::string_view(*written) : utf8_html;
  if (source.size() > kMaxParseBytes) {
    out.too_large = true;
    return out;
  }
  std::vector<std::string_view> styles;
  std::optional<std::string> limited = limit_nesting(source, styles);
  std::string_view html = limited ? std::string_view(*limited) : source;
  const std::shared_ptr<const checks::Stylesheet> sheet = page_styles(styles);

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
  Walker walker(out, *sheet, parse_options);
  walker.run(output->document);
  if (parse_options.stop && parse_options.stop->load()) return out;  // nobody will read it

  std::string base(page_url);
  if (!walker.base().empty()) {
    if (auto resolved = resolve_url(page_url, walker.base())) base = std::move(*resolved);
  }
  // Queries are encoded in the page's charset only when it is not UTF-8 (encode_query).
  const std::string_view charset = parse_options.charset.empty() || parse_options.charset == "utf-8"
                                       ? std::string_view()
                                       : std::string_view(parse_options.charset);
  resolve_links(out, walker.links(), walker.inert_text(), base, charset);
  out.rows = list_rows(output->document, base, charset);
  out.forms = extract_forms(output->document, base);  // issue 4
  // No gumbo_destroy_output: it recurses per level, and the arena frees it all anyway.
  return out;
}

}  // namespace sitepatrol::crawler
