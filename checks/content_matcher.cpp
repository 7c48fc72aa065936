#include "checks/content_matcher.h"

#include <algorithm>

#include "checks/content_scan.h"
#include "checks/utf8.h"

namespace sitepatrol::checks {
namespace {

constexpr std::size_t kNearMissMin = 7;  // shorter formulations: known wrong forms only

// The characters of `a` and `b` (lengths differing by one) are equal but for one extra in the
// longer; true when that one is Chinese.
bool one_extra(std::u32string_view longer, std::u32string_view shorter) {
  std::size_t i = 0;
  while (i < shorter.size() && longer[i] == shorter[i]) ++i;
  return longer.substr(i + 1) == shorter.substr(i) && is_han(longer[i]);
}

}  // namespace

bool one_character_off(std::u32string_view text, std::u32string_view right) {
  if (text.size() == right.size() + 1) return one_extra(text, right);
  if (text.size() + 1 == right.size()) return one_extra(right, text);
  if (text.size() != right.size()) return false;
  std::size_t first = 0;
  while (first < text.size() && text[first] == right[first]) ++first;
  if (first == text.size()) return false;  // equal
  if (text.substr(first + 1) == right.substr(first + 1)) return is_han(text[first]);
  return first + 1 < text.size() && text[first] == right[first + 1] &&
         text[first + 1] == right[first] && text.substr(first + 2) == right.substr(first + 2);
}

void ContentMatcher::add(std::string_view text, Role role, std::size_t entry, std::size_t part) {
  if (code_points(text) > Scan::kMaxChars) return;  // lookups around a position assume this
  strings_.emplace_back(text);
  patterns_.push_back(Pattern{role, entry, part});
}

ContentMatcher::ContentMatcher(std::shared_ptr<const config::ContentDictionary> dictionary)
    : dictionary_(std::move(dictionary)) {
  const config::ContentDictionary& d = *dictionary_;
  for (std::size_t i = 0; i < d.formulations.size(); ++i) {
    const auto& f = d.formulations[i];
    formulations_.push_back(to_u32(f.text));
    add(f.text, Role::formulation, i);
    for (const auto& allowed : f.allowed) add(allowed, Role::allowed, i);
    const std::u32string& chars = formulations_.back();
    if (chars.size() < kNearMissMin) continue;
    const std::size_t third = chars.size() / 3;
    for (std::size_t offset : {std::size_t{0}, third, 2 * third}) {
      const std::size_t len = offset == 2 * third ? chars.size() - offset : third;
      std::string piece;
      for (std::size_t k = offset; k < offset + len; ++k) append_utf8(piece, chars[k]);
      add(piece, Role::third, i, offset);
    }
  }
  const auto wrong_forms = [&](const std::vector<config::WrongForm>& list, Role role) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      add(list[i].wrong, role, i);
      const Role except = role == Role::typo ? Role::typo_except : Role::misstatement_except;
      for (const auto& phrase : list[i].except) add(phrase, except, i);
    }
  };
  wrong_forms(d.misstatements, Role::misstatement);
  wrong_forms(d.typos, Role::typo);
  for (std::size_t i = 0; i < d.bodies.size(); ++i) {
    add(d.bodies[i].name, Role::body, i);
    for (const auto& phrase : d.bodies[i].except) add(phrase, Role::body_except, i);
  }
  // Distinct names and titles, and for each title the office it names: who held it, and
  // whether the title is an office's full one (first in the entry's list).
  const auto index_of = [](std::vector<std::string>& list, const std::string& s) {
    const auto it = std::ranges::find(list, s);
    if (it != list.end()) return static_cast<std::size_t>(it - list.begin());
    list.push_back(s);
    return list.size() - 1;
  };
  for (const auto& leader : d.leaders) {
    const std::size_t name = index_of(names_, leader.name);
    for (const auto& title : leader.titles) {
      const std::size_t t = index_of(titles_, title);
      if (t == offices_.size()) offices_.emplace_back();
      Office& office = offices_[t];
      if (std::ranges::find(office.holders, name) == office.holders.end()) {
        office.holders.push_back(name);
      }
      office.full = office.full || leader.titles.front() == title;
    }
  }
  for (std::size_t i = 0; i < titles_.size(); ++i) add(titles_[i], Role::title, i);
  for (std::size_t i = 0; i < names_.size(); ++i) {
    add(names_[i], Role::name, i);
    names32_.push_back(to_u32(names_[i]));
  }
  std::vector<std::string_view> views(strings_.begin(), strings_.end());
  matcher_ = MultiMatcher(views);
}

std::vector<ContentHit> ContentMatcher::scan(const ContentText& text,
                                             std::optional<std::chrono::sys_days> page_date) const {
  Scan s{text, std::vector<std::vector<Occurrence>>(static_cast<std::size_t>(Role::name) + 1), {}};
  matcher_.scan(text.utf8(), [&](std::size_t pattern, std::size_t end_byte) {
    const std::size_t end = text.char_at(end_byte);
    const std::size_t begin = text.char_at(end_byte - matcher_.pattern_size(pattern));
    s.by_role[static_cast<std::size_t>(patterns_[pattern].role)].push_back(
        Occurrence{pattern, begin, end});
  });
  for (auto& list : s.by_role) std::ranges::stable_sort(list, {}, &Occurrence::begin);
  near_misses(s);
  wrong_forms(s);
  bodies(s, page_date);
  leaders(s);
  std::ranges::stable_sort(s.hits, {}, &ContentHit::at);
  return std::move(s.hits);
}

void ContentMatcher::near_misses(Scan& s) const {
  const std::u32string& chars = s.text.chars();
  std::vector<std::pair<std::size_t, std::size_t>> reported;  // char ranges, at most kMaxHits
  for (const Occurrence& third : s.of(Role::third)) {
    if (s.full()) return;
    const Pattern& p = patterns_[third.pattern];
    const std::u32string& right = formulations_[p.entry];
    const std::size_t n = right.size();
    if (third.begin < p.part) continue;
    const std::size_t base = third.begin - p.part;
    bool found = false;
    for (std::size_t start : {base, base + 1, base - 1}) {
      for (std::size_t len : {n, n - 1, n + 1}) {
        if (found || start > chars.size() || start + len > chars.size()) continue;
        if (start > base + 1) continue;  // base - 1 wrapped below zero
        const std::u32string_view window(chars.data() + start, len);
        if (window.front() != right.front() || window.back() != right.back()) continue;
        if (!one_character_off(window, right)) continue;
        const std::size_t end = start + len;
        const auto same = [&](const Occurrence& o) {
          return patterns_[o.pattern].entry == p.entry;
        };
        const bool seen = std::ranges::any_of(
            reported, [&](const auto& r) { return r.first < end && start < r.second; });
        if (seen || s.any_overlapping(Role::formulation, start, end, same) ||
            s.any_covering(Role::allowed, start, end, same)) {
          continue;
        }
        found = true;
        reported.emplace_back(start, end);
        s.hits.push_back(ContentHit{ContentKind::misstatement, s.text.slice(start, end),
                                    dictionary_->formulations[p.entry].text, "fixed formulation",
                                    s.text.sentence(start, end), start});
      }
    }
  }
}

void ContentMatcher::wrong_forms(Scan& s) const {
  for (Role role : {Role::misstatement, Role::typo}) {
    const auto& list = role == Role::typo ? dictionary_->typos : dictionary_->misstatements;
    const Role except = role == Role::typo ? Role::typo_except : Role::misstatement_except;
    for (const Occurrence& o : s.of(role)) {
      if (s.full()) return;
      const std::size_t entry = patterns_[o.pattern].entry;
      const bool excepted = s.any_covering(except, o.begin, o.end, [&](const Occurrence& e) {
        return patterns_[e.pattern].entry == entry;
      });
      if (excepted) continue;
      s.hits.push_back(ContentHit{
          role == Role::typo ? ContentKind::typo : ContentKind::misstatement, list[entry].wrong,
          list[entry].right, role == Role::typo ? "wrong character" : "misstated formulation",
          s.text.sentence(o.begin, o.end), o.begin});
    }
  }
}

}  // namespace sitepatrol::checks
