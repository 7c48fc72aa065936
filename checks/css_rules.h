// A page's own stylesheet (<style> blocks) and which of its rules apply to an element.
//
// Enough CSS for deciding what a reader sees, not a browser's: selectors made of compounds
// (`tag`, `*`, `#id`, `.class`, `tag.a.b#id`, `a:link`/`a:visited`) joined by descendant
// (" ") and child (">") combinators, in comma-separated lists. A selector with anything else
// (attribute tests, pseudo-classes like :hover or :first-child, pseudo-elements, "+", "~",
// escapes) is dropped: it applies under conditions we do not model. @media blocks apply when
// their query holds for a desktop screen (1366x768, see media_applies); @supports and @layer
// blocks apply; @font-face, @keyframes, @page and the rest are skipped whole. Class and id
// match ASCII case-insensitively (quirks mode, which most of these pages render in).
//
// Precedence is CSS's within one origin: specificity, then source order; callers apply the
// result in order and let !important and inline styles win (visibility.h ElementStyle).
//
// A hostile page is data: parsing is linear in the text, and the number of selectors, the
// compounds per selector and the matching work per page are capped (see the constants in
// the .cpp); past a cap, further rules are ignored. A Stylesheet is built once per page and
// then only read; it is not shared between threads while being built.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "checks/css_declarations.h"

namespace sitepatrol::checks {

// One element as selectors see it. Views into the caller's document.
struct ElementKey {
  std::string_view tag;      // lower case ("div")
  std::string_view id;       // the id attribute as written, "" when none
  std::string_view classes;  // the class attribute as written, "" when none
};

// The tags, ids and classes of the open elements, as a counting Bloom filter: lets match()
// drop most descendant selectors (".menu li a" on an <a> outside any .menu) without walking
// the ancestors. The caller pushes each element after matching it and pops it on leaving,
// so the filter holds exactly the ancestors of the element being matched. It may say
// "maybe" wrongly, never "no" wrongly.
class AncestorFilter {
 public:
  void push(const ElementKey& e) { update(e, +1); }
  void pop(const ElementKey& e) { update(e, -1); }
  bool may_contain(std::uint64_t key_hash) const;

 private:
  void update(const ElementKey& e, int delta);
  void bump(std::uint64_t key_hash, int delta);
  std::vector<std::uint16_t> counts_ = std::vector<std::uint16_t>(4096);
};

// Bounds the matching work for one page (selector steps tried); matching stops finding rules
// once it is spent, or once `stop` is raised (a patrol being cancelled: SIGTERM must not
// wait for a page's styles).
struct MatchBudget {
  std::size_t steps = 20'000'000;
  const std::atomic<bool>* stop = nullptr;
};

class Stylesheet {
 public:
  Stylesheet();
  ~Stylesheet();
  Stylesheet(Stylesheet&&) noexcept;
  Stylesheet& operator=(Stylesheet&&) noexcept;

  // Parses a style sheet's text and appends its rules (call once per <style>, in document
  // order). Only declarations `keep` accepts are stored, and rules left with none dropped.
  void add(std::string_view css, PropertyFilter keep = nullptr);

  bool empty() const;
  std::size_t selector_count() const;

  // Appends to `out` the declarations of the rules whose selector matches chain.back(), given
  // its ancestors in chain (root first), lowest precedence first.
  void match(std::span<const ElementKey> chain, std::vector<const Declaration*>& out,
             MatchBudget& budget, const AncestorFilter* ancestors = nullptr) const;
  void match(std::span<const ElementKey> chain, std::vector<const Declaration*>& out) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when a media query list (the prelude of @media, or a <style media> attribute) holds
// for a desktop screen 1366 CSS pixels wide and 768 high: "screen", "all", "",
// "(min-width: 992px)", "screen and (max-width: 1920px)". False for print, speech, unknown
// media features and "not" queries (a rule we cannot confirm applies is left out).
bool media_applies(std::string_view query_list);

}  // namespace sitepatrol::checks
