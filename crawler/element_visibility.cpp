#include "crawler/element_visibility.h"

#include <algorithm>
#include <array>

#include "checks/css_values.h"

namespace sitepatrol::crawler {
namespace {

using checks::ElementFacts;
using checks::ElementStyle;

constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; }

// Inline by default: width and height do not apply to them.
bool inline_box(GumboTag tag) {
  static constexpr std::array kInline = {
      GUMBO_TAG_A,      GUMBO_TAG_ABBR,   GUMBO_TAG_B,    GUMBO_TAG_BDI,   GUMBO_TAG_BDO,
      GUMBO_TAG_BIG,    GUMBO_TAG_CITE,   GUMBO_TAG_CODE, GUMBO_TAG_DFN,   GUMBO_TAG_EM,
      GUMBO_TAG_FONT,   GUMBO_TAG_I,      GUMBO_TAG_KBD,  GUMBO_TAG_LABEL, GUMBO_TAG_MARK,
      GUMBO_TAG_Q,      GUMBO_TAG_S,      GUMBO_TAG_SAMP, GUMBO_TAG_SMALL, GUMBO_TAG_SPAN,
      GUMBO_TAG_STRIKE, GUMBO_TAG_STRONG, GUMBO_TAG_SUB,  GUMBO_TAG_SUP,   GUMBO_TAG_TT,
      GUMBO_TAG_U,      GUMBO_TAG_VAR,    GUMBO_TAG_NOBR};
  return std::ranges::find(kInline, tag) != kInline.end();
}

bool bgcolor_allowed(GumboTag tag) {
  return tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TR ||
         tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
}

// A legacy colour attribute as a CSS colour ("ffffff" -> "#ffffff"); "" when unreadable,
// which the caller skips (an unreadable colour attribute is ignored by browsers too).
std::string legacy_color(std::string_view value) {
  std::string lower(value);
  for (char& c : lower) c = to_lower(c);
  auto color = checks::parse_legacy_color(lower);
  if (!color) return {};
  if (color->transparent) return "transparent";
  constexpr char kHex[] = "0123456789abcdef";
  std::string out = "#";
  for (std::uint8_t ch : {color->rgb.r, color->rgb.g, color->rgb.b}) {
    out.push_back(kHex[ch >> 4]);
    out.push_back(kHex[ch & 15]);
  }
  return out;
}

}  // namespace

std::string_view tag_name(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  GumboStringPiece piece = el.original_tag;
  if (piece.length == 0 || !piece.data) return "unknown";
  gumbo_tag_from_original_text(&piece);
  std::string_view name(piece.data, piece.length);
  return name.empty() ? std::string_view("unknown") : name;
}

VisibilityTracker::VisibilityTracker(const checks::Stylesheet& sheet, const std::atomic<bool>* stop)
    : sheet_(sheet) {
  budget_.stop = stop;
  frames_.reserve(64);
  frames_.push_back({});
}

void VisibilityTracker::enter(const GumboElement& el) {
  const bool html = el.tag_namespace == GUMBO_NAMESPACE_HTML;
  std::string_view style, id, classes, color, bgcolor;
  checks::MarqueeAttributes marquee;
  bool hidden = false, has_href = false;
  for (unsigned i = 0; i < el.attributes.length; ++i) {
    auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
    std::string_view name = a->name;
    const char* value = a->value;  // viewed only when wanted: hrefs are long
    if (name == "style") {
      style = value;
    } else if (name == "id") {
      id = value;
    } else if (name == "class") {
      classes = value;
    } else if (name == "hidden") {
      hidden = html;
    } else if (name == "href") {
      has_href = true;
    } else if (name == "bgcolor") {
      if (bgcolor_allowed(el.tag)) bgcolor = value;
    } else if (name == "color") {
      if (el.tag == GUMBO_TAG_FONT) color = value;
    } else if (name == "text") {
      if (el.tag == GUMBO_TAG_BODY) color = value;
    } else if (el.tag == GUMBO_TAG_MARQUEE) {
      if (name == "width") marquee.width = value;
      if (name == "height") marquee.height = value;
      if (name == "scrollamount") marquee.scrollamount = value;
      if (name == "scrolldelay") marquee.scrolldelay = value;
      if (name == "behavior") marquee.behavior = value;
    }
  }

  matched_.clear();
  if (!sheet_.empty()) {
    chain_.push_back({tag_name(el), id, classes});
    sheet_.match(chain_, matched_, budget_, &ancestors_);
    ancestors_.push(chain_.back());
  }
  const bool is_marquee = el.tag == GUMBO_TAG_MARQUEE && html;
  const bool link = has_href && (el.tag == GUMBO_TAG_A || el.tag == GUMBO_TAG_AREA);
  const Frame& parent = frames_.back();
  if (style.empty() && matched_.empty() && !hidden && color.empty() && bgcolor.empty() &&
      !is_marquee && !link) {
    frames_.push_back({parent.state, &el});
    return;
  }

  ElementStyle computed;
  // Presentational hints first: every author rule overrides them.
  std::string hint_color = color.empty() ? std::string() : legacy_color(color);
  std::string hint_background = bgcolor.empty() ? std::string() : legacy_color(bgcolor);
  if (!hint_color.empty()) computed.apply("color", hint_color);
  if (!hint_background.empty()) computed.apply("background-color", hint_background);
  for (const checks::Declaration* d : matched_) computed.apply(*d);
  if (!style.empty()) {
    inline_.clear();
    checks::parse_declarations(style, inline_, checks::is_visibility_property);
    for (const checks::Declaration& d : inline_) computed.apply(d);
  }
  ElementFacts facts;
  facts.id = static_cast<std::uint32_t>(frames_.size());
  facts.hidden_attribute = hidden;
  facts.link = link;
  facts.inline_box = html && inline_box(el.tag);
  facts.marquee = is_marquee ? &marquee : nullptr;
  frames_.push_back({checks::descend(parent.state, computed, facts), &el});
}

void VisibilityTracker::leave() {
  if (frames_.size() > 1) frames_.pop_back();
  if (!chain_.empty()) {
    ancestors_.pop(chain_.back());
    chain_.pop_back();
  }
}

bool VisibilityTracker::text_hidden() const {
  return static_cast<bool>(checks::text_hiding(frames_.back().state));
}

checks::Hiding VisibilityTracker::text_hiding() const {
  return checks::text_hiding(frames_.back().state);
}

checks::Hiding VisibilityTracker::link_hiding(bool shows_image) const {
  return checks::link_hiding(frames_.back().state, shows_image);
}

std::string VisibilityTracker::describe(checks::Hiding h) const {
  std::string out(checks::to_string(h.technique));
  if (h.origin == 0 || h.origin >= frames_.size() || !frames_[h.origin].element) return out;
  const GumboElement& el = *frames_[h.origin].element;
  out += " on ";
  for (char c : tag_name(el)) out.push_back(to_lower(c));
  const GumboAttribute* id = gumbo_get_attribute(&el.attributes, "id");
  const GumboAttribute* cls = gumbo_get_attribute(&el.attributes, "class");
  // Names are quoted up to kMaxName bytes: enough to find the block in the source, and a
  // hostile 1 MiB class is not copied into every hidden link's description (issue 12).
  constexpr std::size_t kMaxName = 64;
  auto quote = [&out](std::string_view name) {
    if (name.size() > kMaxName) {
      std::size_t cut = kMaxName;  // not inside a UTF-8 sequence
      while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
      name = name.substr(0, cut);
    }
    out += name;
  };
  if (id && *id->value) {
    out += '#';
    quote(id->value);
  } else if (cls) {
    // The classes as written, at most three: enough to find the block in the source.
    std::string_view classes = cls->value;
    std::size_t i = 0;
    for (int n = 0; n < 3; ++n) {
      std::size_t start = classes.find_first_not_of(" \t\n\r\f", i);
      if (start == std::string_view::npos) break;
      std::size_t end = std::min(classes.find_first_of(" \t\n\r\f", start), classes.size());
      out += '.';
      quote(classes.substr(start, end - start));
      i = end;
    }
  }
  return out;
}

}  // namespace sitepatrol::crawler
