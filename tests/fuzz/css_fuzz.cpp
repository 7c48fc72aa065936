// Fuzzes the style-sheet parser and selector matcher (checks/css_rules.h) and the visibility
// verdicts built on them (checks/visibility.h): <style> blocks and style attributes come
// from the page. The first line is the element chain, root first, as "tag#id.class.class"
// words separated by spaces (the last word is the element matched); the rest is the sheet,
// also read as an inline style attribute.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "checks/css_declarations.h"
#include "checks/css_rules.h"
#include "checks/visibility.h"
#include "tests/fuzz/fuzz_input.h"

using namespace sitepatrol;

namespace {

// "div#main.a.b" -> tag "div", id "main", classes "a b"-like view ("a.b": the matcher splits
// class attributes on whitespace, so dots stay inside one odd class name; that is fine).
checks::ElementKey element_key(std::string_view word) {
  checks::ElementKey key;
  auto cut = word.find_first_of("#.");
  key.tag = word.substr(0, cut);
  if (cut == std::string_view::npos) return key;
  auto rest = word.substr(cut);
  if (rest.front() == '#') {
    auto dot = rest.find('.');
    key.id = rest.substr(1, dot == std::string_view::npos ? rest.npos : dot - 1);
    rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot);
  }
  if (!rest.empty()) key.classes = rest.substr(1);
  return key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [chain_text, css] = fuzz::first_line_and_rest(fuzz::as_text(data, size));

  std::vector<checks::ElementKey> chain;
  for (std::size_t pos = 0; pos < chain_text.size() && chain.size() < 64;) {
    auto end = chain_text.find(' ', pos);
    if (end == std::string_view::npos) end = chain_text.size();
    if (end > pos) chain.push_back(element_key(chain_text.substr(pos, end - pos)));
    pos = end + 1;
  }
  if (chain.empty()) chain.push_back({"div", "", ""});

  checks::Stylesheet sheet;
  sheet.add(css, checks::is_visibility_property);
  (void)checks::media_applies(chain_text);

  // Match every element of the chain in document order, as the parser does.
  checks::AncestorFilter ancestors;
  checks::MatchBudget budget;
  checks::VisibilityState state;
  std::vector<checks::Declaration> inline_style;
  checks::parse_declarations(css, inline_style, checks::is_visibility_property);
  for (std::size_t i = 0; i < chain.size(); ++i) {
    std::vector<const checks::Declaration*> rules;
    sheet.match(std::span(chain).first(i + 1), rules, budget, &ancestors);
    checks::ElementStyle style;
    for (const auto* d : rules) style.apply(*d);
    if (i + 1 == chain.size())
      for (const auto& d : inline_style) style.apply(d);
    checks::ElementFacts facts;
    facts.id = static_cast<std::uint32_t>(i + 1);
    facts.link = chain[i].tag == "a";
    facts.inline_box = chain[i].tag == "a" || chain[i].tag == "span";
    state = checks::descend(state, style, facts);
    (void)checks::text_hiding(state);
    (void)checks::link_hiding(state, false);
    ancestors.push(chain[i]);
  }
  return 0;
}
