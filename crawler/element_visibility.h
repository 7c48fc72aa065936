// What a reader sees of a Gumbo tree, element by element, during html.cpp's walk.
//
// The walk calls enter() for each element it descends into and leave() when done with it;
// in between, text_hidden() and link_hiding() answer for the innermost open element. The
// decisions are checks/visibility.h's; this class only feeds them: it reads an element's
// attributes (style, hidden, id, class, the legacy colour attributes, a marquee's), asks the
// page's stylesheet which rules apply, and keeps one VisibilityState per open element.
//
// Cheap on the common path: an element with nothing to say (no style, no hiding attribute,
// no matching rule) copies its parent's state. One tracker per parse; not thread-safe.
#pragma once

#include <gumbo.h>

#include <atomic>
#include <string>
#include <string_view>
#include <vector>

#include "checks/css_rules.h"
#include "checks/visibility.h"

namespace sitepatrol::crawler {

// The lower-case name of an element's tag ("div", "x-widget" for custom elements).
std::string_view tag_name(const GumboElement& el);

class VisibilityTracker {
 public:
  // `sheet` holds the page's <style> rules (filtered with checks::is_visibility_property);
  // it must outlive the tracker. Raising `stop` ends rule matching for the rest of the page.
  explicit VisibilityTracker(const checks::Stylesheet& sheet,
                             const std::atomic<bool>* stop = nullptr);

  void enter(const GumboElement& el);
  void leave();

  bool text_hidden() const;
  checks::Hiding text_hiding() const;
  // For the innermost open element as a link or embedded resource; `shows_image` when it
  // holds or is a visible image.
  checks::Hiding link_hiding(bool shows_image) const;
  // "display:none on div#hid": the technique and the element whose style applies it.
  std::string describe(checks::Hiding h) const;

 private:
  struct Frame {
    checks::VisibilityState state;
    const GumboElement* element = nullptr;
  };

  const checks::Stylesheet& sheet_;
  std::vector<Frame> frames_;
  std::vector<checks::ElementKey> chain_;  // open elements, when the sheet has rules
  checks::AncestorFilter ancestors_;       // the same, for quick rejection of selectors
  std::vector<const checks::Declaration*> matched_;
  std::vector<checks::Declaration> inline_;
  checks::MatchBudget budget_;
};

}  // namespace sitepatrol::crawler
