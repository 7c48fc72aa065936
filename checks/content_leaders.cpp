// ContentMatcher::leaders: national leaders' names and titles (CONTENT-MISSTATEMENT).
#include <algorithm>

#include "checks/content_matcher.h"
#include "checks/content_scan.h"
#include "checks/utf8.h"

namespace sitepatrol::checks {
namespace {

// `x` is a slip for `name`: as long, same surname, one character replaced or two swapped,
// all Chinese.
bool slip_of(std::u32string_view x, std::u32string_view name) {
  return x.size() == name.size() && x != name && x.front() == name.front() &&
         std::ranges::all_of(x, is_han) && one_character_off(x, name);
}

}  // namespace

void ContentMatcher::leaders(Scan& s) const {
  const std::u32string& chars = s.text.chars();
  std::vector<std::pair<std::size_t, std::size_t>> reported;
  const auto report = [&](std::size_t begin, std::size_t end, std::string right, std::string why) {
    for (const auto& r : reported) {
      if (begin < r.second && r.first < end) return;
    }
    reported.emplace_back(begin, end);
    s.hits.push_back(ContentHit{ContentKind::misstatement, s.text.slice(begin, end),
                                std::move(right), std::move(why), s.text.sentence(begin, end),
                                begin});
  };
  // The known name (longest) that begins at `begin` or ends at `end`.
  const auto name_at = [&](std::size_t begin, std::size_t end) -> const std::string* {
    const std::string* best = nullptr;
    std::size_t best_len = 0;
    const auto consider = [&](const Occurrence& o) {
      if ((o.begin == begin || o.end == end) && o.end - o.begin > best_len) {
        best = &names_[patterns_[o.pattern].entry];
        best_len = o.end - o.begin;
      }
      return false;
    };
    if (begin != SIZE_MAX) s.any_beginning(Role::name, begin, begin, consider);
    if (end != SIZE_MAX) {
      s.any_beginning(Role::name, end > Scan::kMaxChars ? end - Scan::kMaxChars : 0, end, consider);
    }
    return best;
  };
  for (const Occurrence& t : s.of(Role::title)) {
    if (s.full()) return;
    const std::string& title = titles_[patterns_[t.pattern].entry];
    // Inside a longer title (委员长 in 全国人大常委会委员长): judged as that one.
    const bool nested = s.any_covering(Role::title, t.begin, t.end, [&](const Occurrence& o) {
      return o.end - o.begin > t.end - t.begin;
    });
    if (nested || (t.begin > 0 && chars[t.begin - 1] == U'副')) continue;
    const Office& office = offices_[patterns_[t.pattern].entry];
    const auto holds = [&](const std::string& name) {
      return std::ranges::any_of(office.holders, [&](std::size_t h) { return names_[h] == name; });
    };
    // Name before the title: any title. Name after it: full titles only (印度总理莫迪).
    for (const bool after : {false, true}) {
      if (after && !office.full) continue;
      const std::size_t edge = after ? t.end : t.begin;
      if (const std::string* known = after ? name_at(edge, SIZE_MAX) : name_at(SIZE_MAX, edge)) {
        if (!holds(*known)) {
          const std::size_t n = code_points(*known);
          const std::size_t begin = after ? edge : edge - n;
          report(std::min(begin, t.begin), std::max(begin + n, t.end), title,
                 "wrong title: " + *known + " never held the office of " + title);
        }
        continue;
      }
      for (const std::size_t h : office.holders) {
        const std::u32string& name = names32_[h];
        if ((!after && edge < name.size()) || (after && edge + name.size() > chars.size()))
          continue;
        const std::size_t begin = after ? edge : edge - name.size();
        const std::u32string_view x(chars.data() + begin, name.size());
        if (slip_of(x, name)) report(begin, begin + name.size(), names_[h], "leader's name");
      }
    }
  }
  lists(s, name_at, report);
}

// Leaders' lists (习近平、李强、赵乐际…): a name between 、 beside a known leader's name, one
// character off another leader's; the list must hold at least two known names.
template <typename NameAt, typename Report>
void ContentMatcher::lists(Scan& s, NameAt& name_at, Report& report) const {
  const std::u32string& chars = s.text.chars();
  const auto separator = [&](std::size_t k) {
    return k >= chars.size() || chars[k] == U'、' || chars[k] == U'，' || chars[k] == U'。' ||
           chars[k] == U'；' || chars[k] == ' ' || chars[k] == '\n';
  };
  // The names around a 、 at `k`: is there a known one at each of the two positions?
  const auto known_beside = [&](std::size_t k) {
    return name_at(k + 1, SIZE_MAX) != nullptr || (k > 0 && name_at(SIZE_MAX, k) != nullptr);
  };
  for (const Occurrence& o : s.of(Role::name)) {
    if (s.full()) return;
    for (const bool after : {false, true}) {
      const std::size_t sep = after ? o.end : o.begin - 1;
      if ((after && sep >= chars.size()) || (!after && o.begin == 0) || chars[sep] != U'、') {
        continue;
      }
      // The token on the other side of the 、, up to the next separator.
      std::size_t b = sep + 1, e = sep + 1;
      if (after) {
        while (e < chars.size() && !separator(e) && e - b < 5) ++e;
        if (!separator(e)) continue;
      } else {
        e = sep;
        b = sep;
        while (b > 0 && !separator(b - 1) && e - b < 5) --b;
        if (b > 0 && !separator(b - 1)) continue;
      }
      if (b == e || name_at(b, SIZE_MAX) != nullptr) continue;
      // A list: another known name on the token's far side, or before this one.
      const std::size_t far = after ? e : b - 1;
      const bool list =
          (far < chars.size() && chars[far] == U'、' && known_beside(far)) ||
          (after ? (o.begin > 0 && chars[o.begin - 1] == U'、' && known_beside(o.begin - 1))
                 : (o.end < chars.size() && chars[o.end] == U'、' && known_beside(o.end)));
      if (!list) continue;
      const std::u32string_view x(chars.data() + b, e - b);
      for (std::size_t h = 0; h < names32_.size(); ++h) {
        if (slip_of(x, names32_[h])) {
          report(b, e, names_[h], "leader's name in a list");
          break;
        }
      }
    }
  }
}

}  // namespace sitepatrol::checks
