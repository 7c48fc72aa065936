#include "checks/css_rules.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "checks/css_values.h"
#include "config/ascii.h"

namespace sitepatrol::checks {
namespace {

// Caps that keep a hostile page linear (see the header).
constexpr std::size_t kMaxSelectors = 5000;
constexpr std::size_t kMaxCompounds = 16;
constexpr std::size_t kMaxClasses = 8;
constexpr int kMaxBlockNesting = 4;

// The screen media_applies() assumes.
constexpr double kScreenWidth = 1366;
constexpr double kScreenHeight = 768;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// FNV-1a of the lower-cased bytes; `kind` keeps a tag, an id and a class of the same name
// apart in the ancestor filter.
std::uint64_t ci_hash(std::string_view s, char kind = 0) {
  std::uint64_t h = (14695981039346656037ull ^ static_cast<unsigned char>(kind)) * 1099511628211ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(ascii_lower(c))) * 1099511628211ull;
  return h;
}

struct CiHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return static_cast<std::size_t>(ci_hash(s)); }
};
struct CiEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return iequals(a, b); }
};
using Index = std::unordered_map<std::string, std::vector<std::uint32_t>, CiHash, CiEqual>;

// An element's first 64 class names count: real templates use a handful, and a hostile
// class="a a a …" of 8,000 names made each rule scan all of them (323 s for one page).
constexpr std::size_t kMaxClassTokens = 64;

// Calls `fn` with each white-space separated token of a class attribute (the first
// kMaxClassTokens of them).
template <typename Fn>
void for_each_class(std::string_view classes, Fn fn) {
  std::size_t i = 0;
  std::size_t tokens = 0;
  while (i < classes.size() && tokens < kMaxClassTokens) {
    while (i < classes.size() && is_space(classes[i])) ++i;
    std::size_t start = i;
    while (i < classes.size() && !is_space(classes[i])) ++i;
    if (i > start) {
      fn(classes.substr(start, i - start));
      ++tokens;
    }
  }
}

// Whether `classes` holds `wanted`; the names read are charged to the budget.
bool has_class(std::string_view classes, std::string_view wanted, MatchBudget& budget) {
  bool found = false;
  std::size_t read = 0;
  for_each_class(classes, [&](std::string_view c) {
    ++read;
    found = found || iequals(c, wanted);
  });
  budget.steps -= std::min(budget.steps, read);
  return found;
}

// ---------------------------------------------------------------------------------------
// Selectors.

struct Compound {
  std::string tag;  // lower case; "" for any
  std::string id;
  std::vector<std::string> classes;
};

struct Selector {
  std::vector<Compound> compounds;           // left to right
  std::vector<std::uint64_t> ancestor_keys;  // what the ancestors must have (AncestorFilter)
  std::vector<char> combinators;             // combinators[k]: ' ' or '>' before compounds[k]
  std::uint32_t specificity = 0;
  std::uint32_t rule = 0;
};

// Reads an identifier at s[i]; empty when there is none (or it is one CSS rejects).
std::string_view read_ident(std::string_view s, std::size_t& i) {
  std::size_t start = i;
  while (i < s.size() && is_ident_char(s[i])) ++i;
  std::string_view id = s.substr(start, i - start);
  if (id.empty() || (id[0] >= '0' && id[0] <= '9') ||
      (id.size() > 1 && id[0] == '-' && id[1] >= '0' && id[1] <= '9')) {
    return {};
  }
  return id;
}

std::optional<Selector> parse_selector(std::string_view s) {
  Selector sel;
  Compound cur;
  bool in_compound = false;
  char pending = ' ';
  unsigned ids = 0, classes = 0, tags = 0;
  auto start_compound = [&] {
    if (in_compound) return;
    in_compound = true;
    sel.combinators.push_back(pending);
    pending = ' ';
  };
  auto finish_compound = [&] {
    if (!in_compound) return true;
    in_compound = false;
    if (sel.compounds.size() == kMaxCompounds || cur.classes.size() > kMaxClasses) return false;
    sel.compounds.push_back(std::move(cur));
    cur = {};
    return true;
  };
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (is_space(c)) {
      if (!finish_compound()) return std::nullopt;
      ++i;
      continue;
    }
    if (c == '>') {
      if (!finish_compound() || sel.compounds.empty() || pending == '>') return std::nullopt;
      pending = '>';
      ++i;
      continue;
    }
    if (c == '*') {
      if (in_compound) return std::nullopt;
      start_compound();
      ++i;
      continue;
    }
    if (c == '#' || c == '.' || c == ':') {
      start_compound();
      ++i;
      if (c == ':' && i < s.size() && s[i] == ':') return std::nullopt;  // pseudo-element
      std::string_view name = read_ident(s, i);
      if (name.empty()) return std::nullopt;
      if (c == '#') {
        if (!cur.id.empty() && !iequals(cur.id, name)) return std::nullopt;
        cur.id = ascii_lower(name);
        ++ids;
      } else if (c == '.') {
        cur.classes.push_back(ascii_lower(name));
        ++classes;
      } else {
        // :link and :visited hold for every a[href] a reader sees; other states do not.
        if (!iequals(name, "link") && !iequals(name, "visited") && !iequals(name, "any-link"))
          return std::nullopt;
        if (i < s.size() && s[i] == '(') return std::nullopt;
        ++classes;
      }
      continue;
    }
    if (is_ident_char(c)) {
      if (in_compound) return std::nullopt;  // a tag name after "#x" is not one
      start_compound();
      std::string_view name = read_ident(s, i);
      if (name.empty()) return std::nullopt;
      cur.tag = ascii_lower(name);
      ++tags;
      continue;
    }
    return std::nullopt;  // attribute selectors, "+", "~", escapes, garbage
  }
  if (!finish_compound() || sel.compounds.empty() || pending == '>') return std::nullopt;
  sel.specificity = std::min(ids, 255u) << 16 | std::min(classes, 255u) << 8 | std::min(tags, 255u);
  for (std::size_t k = 0; k + 1 < sel.compounds.size(); ++k) {
    const Compound& c = sel.compounds[k];
    if (!c.id.empty()) sel.ancestor_keys.push_back(ci_hash(c.id, 'i'));
    for (const std::string& cls : c.classes) sel.ancestor_keys.push_back(ci_hash(cls, 'c'));
    if (!c.tag.empty()) sel.ancestor_keys.push_back(ci_hash(c.tag, 't'));
  }
  return sel;
}

bool compound_matches(const Compound& c, const ElementKey& e, MatchBudget& budget) {
  if (!c.tag.empty() && !iequals(c.tag, e.tag)) return false;
  if (!c.id.empty() && !iequals(c.id, e.id)) return false;
  for (const std::string& cls : c.classes) {
    if (!has_class(e.classes, cls, budget)) return false;
  }
  return true;
}

// Right to left; for a descendant combinator the nearest matching ancestor is taken. That is
// exact for descendant-only selectors and can only miss (never invent) a match when ">" and
// " " mix, and it keeps the work linear in the depth.
bool selector_matches(const Selector& sel, std::span<const ElementKey> chain, MatchBudget& budget) {
  if (chain.empty() || budget.steps == 0) return false;
  --budget.steps;
  std::size_t pos = chain.size() - 1;
  if (!compound_matches(sel.compounds.back(), chain[pos], budget)) return false;
  for (std::size_t k = sel.compounds.size() - 1; k-- > 0;) {
    const Compound& want = sel.compounds[k];
    if (sel.combinators[k + 1] == '>') {
      if (pos == 0 || budget.steps == 0) return false;
      --budget.steps;
      if (!compound_matches(want, chain[--pos], budget)) return false;
      continue;
    }
    bool found = false;
    while (pos > 0 && budget.steps > 0) {
      --budget.steps;
      if (compound_matches(want, chain[--pos], budget)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Scanning a style sheet.

// Skips white space, comments and the "<!--" / "-->" that may wrap a <style>'s content.
std::size_t skip_filler(std::string_view css, std::size_t i) {
  while (i < css.size()) {
    if (is_space(css[i])) {
      ++i;
    } else if (css.substr(i, 2) == "/*") {
      std::size_t end = css.find("*/", i + 2);
      i = end == std::string_view::npos ? css.size() : end + 2;
    } else if (css.substr(i, 4) == "<!--") {
      i += 4;
    } else if (css.substr(i, 3) == "-->") {
      i += 3;
    } else {
      break;
    }
  }
  return i;
}

// The first of `stops` at brace depth 0 from i, outside strings and comments; css.size()
// when there is none. With stops "}", called just after a '{', finds its match.
std::size_t find_top_level(std::string_view css, std::size_t i, std::string_view stops) {
  int depth = 0;
  while (i < css.size()) {
    char c = css[i];
    if (c == '"' || c == '\'') {
      std::size_t j = i + 1;
      while (j < css.size() && css[j] != c && css[j] != '\n') j += css[j] == '\\' ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (c == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      std::size_t end = css.find("*/", i + 2);
      if (end == std::string_view::npos) return css.size();
      i = end + 2;
      continue;
    }
    if (depth == 0 && stops.find(c) != std::string_view::npos) return i;
    if (c == '{') ++depth;
    if (c == '}' && depth > 0) --depth;
    ++i;
  }
  return css.size();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// One parenthesised media feature, "(max-width: 768px)", for the assumed screen.
bool feature_holds(std::string_view feature) {
  std::size_t colon = feature.find(':');
  if (colon == std::string_view::npos) return false;  // "(color)" and the like: unknown
  std::string name = ascii_lower(trim(feature.substr(0, colon)));
  std::string value = ascii_lower(trim(feature.substr(colon + 1)));
  if (name == "orientation") return value == "landscape";
  if (name == "prefers-color-scheme") return value == "light";
  auto length = parse_length(value);
  std::optional<double> px = length ? length->px() : std::nullopt;
  if (!px) return false;
  if (name == "min-width" || name == "min-device-width") return *px <= kScreenWidth;
  if (name == "max-width" || name == "max-device-width") return *px >= kScreenWidth;
  if (name == "min-height" || name == "min-device-height") return *px <= kScreenHeight;
  if (name == "max-height" || name == "max-device-height") return *px >= kScreenHeight;
  return false;
}

bool query_holds(std::string_view q) {
  q = trim(q);
  if (q.empty()) return true;
  std::size_t i = 0;
  bool first_word = true;
  while (i < q.size()) {
    while (i < q.size() && is_space(q[i])) ++i;
    if (i >= q.size()) break;
    if (q[i] == '(') {
      std::size_t close = q.find(')', i);
      if (close == std::string_view::npos) return false;
      if (!feature_holds(q.substr(i + 1, close - i - 1))) return false;
      i = close + 1;
      first_word = false;
      continue;
    }
    std::size_t start = i;
    while (i < q.size() && !is_space(q[i]) && q[i] != '(') ++i;
    std::string word = ascii_lower(q.substr(start, i - start));
    if (word == "and") continue;
    if (word == "only" && first_word) continue;
    if (!first_word || (word != "screen" && word != "all")) return false;  // print, not, or
    first_word = false;
  }
  return true;
}

}  // namespace

bool media_applies(std::string_view query_list) {
  if (trim(query_list).empty()) return true;
  std::size_t i = 0;
  while (i <= query_list.size()) {
    std::size_t comma = query_list.find(',', i);
    if (comma == std::string_view::npos) comma = query_list.size();
    if (query_holds(query_list.substr(i, comma - i))) return true;
    i = comma + 1;
  }
  return false;
}

// ---------------------------------------------------------------------------------------

struct Stylesheet::Impl {
  std::vector<std::vector<Declaration>> rules;
  std::vector<Selector> selectors;
  Index by_id, by_class, by_tag;
  std::vector<std::uint32_t> universal;

  void add_rule(std::string_view prelude, std::string_view block, PropertyFilter keep) {
    if (selectors.size() >= kMaxSelectors) return;
    std::vector<Selector> parsed;
    std::size_t i = 0;
    while (i <= prelude.size()) {
      std::size_t comma = find_top_level(prelude, i, ",");
      // A comma inside :not(a, b) splits it into garbage, which parse_selector drops.
      if (auto sel = parse_selector(trim(prelude.substr(i, comma - i)))) {
        parsed.push_back(std::move(*sel));
      }
      i = comma + 1;
    }
    if (parsed.empty()) return;
    std::vector<Declaration> declarations;
    parse_declarations(block, declarations, keep);
    if (declarations.empty()) return;
    auto rule = static_cast<std::uint32_t>(rules.size());
    rules.push_back(std::move(declarations));
    for (Selector& sel : parsed) {
      if (selectors.size() >= kMaxSelectors) break;
      sel.rule = rule;
      auto index = static_cast<std::uint32_t>(selectors.size());
      const Compound& key = sel.compounds.back();
      if (!key.id.empty()) {
        by_id[key.id].push_back(index);
      } else if (!key.classes.empty()) {
        by_class[key.classes.front()].push_back(index);
      } else if (!key.tag.empty()) {
        by_tag[key.tag].push_back(index);
      } else {
        universal.push_back(index);
      }
      selectors.push_back(std::move(sel));
    }
  }

  // Reads rules and at-rules in css[i, end) into this sheet.
  void add_block_list(std::string_view css, PropertyFilter keep, int nesting) {
    std::size_t i = 0;
    while (true) {
      i = skip_filler(css, i);
      if (i >= css.size()) return;
      if (css[i] == '}') {  // stray closer: skip it
        ++i;
        continue;
      }
      std::size_t stop = find_top_level(css, i, css[i] == '@' ? "{;" : "{");
      if (stop >= css.size()) return;
      std::string_view prelude = css.substr(i, stop - i);
      if (css[stop] == ';') {  // @import, @charset, @namespace
        i = stop + 1;
        continue;
      }
      std::size_t close = find_top_level(css, stop + 1, "}");
      std::string_view block = css.substr(stop + 1, close - stop - 1);
      i = close + 1;
      if (prelude.empty() || prelude.front() != '@') {
        add_rule(prelude, block, keep);
        continue;
      }
      std::size_t name_end = 1;
      while (name_end < prelude.size() && is_ident_char(prelude[name_end])) ++name_end;
      std::string name = ascii_lower(prelude.substr(1, name_end - 1));
      bool applies = (name == "media" && media_applies(prelude.substr(name_end))) ||
                     name == "supports" || name == "layer";
      if (applies && nesting < kMaxBlockNesting) add_block_list(block, keep, nesting + 1);
    }
  }
};

Stylesheet::Stylesheet() : impl_(std::make_unique<Impl>()) {}
Stylesheet::~Stylesheet() = default;
Stylesheet::Stylesheet(Stylesheet&&) noexcept = default;
Stylesheet& Stylesheet::operator=(Stylesheet&&) noexcept = default;

void Stylesheet::add(std::string_view css, PropertyFilter keep) {
  impl_->add_block_list(css, keep, 0);
}

bool Stylesheet::empty() const { return impl_->selectors.empty(); }
std::size_t Stylesheet::selector_count() const { return impl_->selectors.size(); }

void AncestorFilter::bump(std::uint64_t key_hash, int delta) {
  for (std::size_t slot : {key_hash & 4095, (key_hash >> 12) & 4095}) {
    std::uint16_t& n = counts_[slot];
    if (n == UINT16_MAX) continue;  // saturated: stays "maybe" for good
    n = static_cast<std::uint16_t>(n + delta);
  }
}

bool AncestorFilter::may_contain(std::uint64_t key_hash) const {
  return counts_[key_hash & 4095] != 0 && counts_[(key_hash >> 12) & 4095] != 0;
}

void AncestorFilter::update(const ElementKey& e, int delta) {
  bump(ci_hash(e.tag, 't'), delta);
  if (!e.id.empty()) bump(ci_hash(e.id, 'i'), delta);
  for_each_class(e.classes, [&](std::string_view c) { bump(ci_hash(c, 'c'), delta); });
}

void Stylesheet::match(std::span<const ElementKey> chain, std::vector<const Declaration*>& out,
                       MatchBudget& budget, const AncestorFilter* ancestors) const {
  if (chain.empty() || impl_->selectors.empty()) return;
  if (budget.stop && budget.stop->load(std::memory_order_relaxed)) budget.steps = 0;
  if (budget.steps == 0) return;
  const ElementKey& e = chain.back();
  std::vector<std::uint64_t> hits;  // specificity << 32 | selector index: sorts by precedence
  auto try_all = [&](const std::vector<std::uint32_t>& candidates) {
    for (std::uint32_t k : candidates) {
      const Selector& sel = impl_->selectors[k];
      if (ancestors && !std::ranges::all_of(sel.ancestor_keys, [&](std::uint64_t h) {
            return ancestors->may_contain(h);
          })) {
        continue;
      }
      if (selector_matches(sel, chain, budget))
        hits.push_back(std::uint64_t(sel.specificity) << 32 | k);
    }
  };
  auto lookup = [&](const Index& index, std::string_view key) {
    if (key.empty() || index.empty()) return;
    if (auto it = index.find(key); it != index.end()) try_all(it->second);
  };
  lookup(impl_->by_id, e.id);
  if (!impl_->by_class.empty()) {
    std::vector<std::string_view> looked_up;  // class="a a a": each name once
    for_each_class(e.classes, [&](std::string_view c) {
      if (std::ranges::any_of(looked_up, [&](std::string_view l) { return iequals(l, c); })) return;
      looked_up.push_back(c);
      lookup(impl_->by_class, c);
    });
  }
  lookup(impl_->by_tag, e.tag);
  try_all(impl_->universal);
  if (hits.empty()) return;
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());  // class="a a"
  for (std::uint64_t h : hits) {
    const Selector& sel = impl_->selectors[static_cast<std::uint32_t>(h)];
    for (const Declaration& d : impl_->rules[sel.rule]) out.push_back(&d);
  }
}

void Stylesheet::match(std::span<const ElementKey> chain,
                       std::vector<const Declaration*>& out) const {
  MatchBudget budget;
  match(chain, out, budget);
}

}  // namespace sitepatrol::checks
