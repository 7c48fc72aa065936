#include "checks/spam_matcher.h"

#include <algorithm>
#include <string>

namespace sitepatrol::checks {
namespace {

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

MultiMatcher build(std::span<const config::SpamTerm> terms) {
  std::vector<std::string_view> patterns;
  patterns.reserve(terms.size());
  for (const auto& t : terms) patterns.push_back(t.term);
  return MultiMatcher(patterns);
}

}  // namespace

SpamMatcher::SpamMatcher(std::span<const config::SpamTerm> terms)
    : terms_(terms.begin(), terms.end()), matcher_(build(terms_)) {
  ascii_edges_.reserve(terms_.size());
  for (const auto& t : terms_) {
    unsigned char edges = 0;
    if (!t.term.empty() && ascii_alnum(t.term.front())) edges |= 1;
    if (!t.term.empty() && ascii_alnum(t.term.back())) edges |= 2;
    ascii_edges_.push_back(edges);
  }
}

bool SpamMatcher::at_word_boundaries(std::string_view text, const Hit& hit) const {
  const unsigned char edges = ascii_edges_[hit.term];
  if ((edges & 1) && hit.start > 0 && ascii_alnum(text[hit.start - 1])) return false;
  if ((edges & 2) && hit.end < text.size() && ascii_alnum(text[hit.end])) return false;
  return true;
}

void SpamMatcher::counted_hits(std::string_view text, std::vector<Hit>& out) const {
  out.clear();
  std::vector<Hit> innocent;
  matcher_.scan(text, [&](std::size_t term, std::size_t end) {
    const Hit hit{term, end - matcher_.pattern_size(term), end};
    if (terms_[term].weight == 0 || !at_word_boundaries(text, hit)) return;
    (terms_[term].weight > 0 ? out : innocent).push_back(hit);
  });
  drop_nested(out);
  if (innocent.empty() || out.empty()) return;

  // A hit is masked when some innocent [a, b) overlaps it: a < hit.end and b > hit.start.
  // Sorted by start, the furthest end among innocents starting before hit.end decides.
  std::ranges::sort(innocent, {}, &Hit::start);
  std::vector<std::size_t> furthest_end(innocent.size());
  std::size_t furthest = 0;
  for (std::size_t i = 0; i < innocent.size(); ++i) {
    furthest = std::max(furthest, innocent[i].end);
    furthest_end[i] = furthest;
  }
  std::erase_if(out, [&](const Hit& hit) {
    const auto after = std::ranges::lower_bound(innocent, hit.end, {}, &Hit::start);
    if (after == innocent.begin()) return false;
    return furthest_end[static_cast<std::size_t>(after - innocent.begin()) - 1] > hit.start;
  });
}

void SpamMatcher::drop_nested(std::vector<Hit>& hits) {
  // By start, longest first: a hit is inside an earlier one when some earlier hit reaches at
  // least as far.
  std::ranges::sort(hits, [](const Hit& a, const Hit& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  std::size_t furthest = 0;
  std::erase_if(hits, [&](const Hit& hit) {
    const bool nested = hit.end <= furthest;
    furthest = std::max(furthest, hit.end);
    return nested;
  });
}

SpamScore SpamMatcher::score(std::string_view text) const {
  const SpamField field{text, 1};
  return score(std::span<const SpamField>(&field, 1));
}

SpamScore SpamMatcher::score(std::span<const SpamField> fields) const {
  struct Tally {
    int count = 0;
    int factor = 0;
    std::size_t field = 0;
    std::size_t first_seen = 0;
  };
  std::vector<Tally> tallies(terms_.size());
  std::vector<std::size_t> seen_order;  // terms in order of first occurrence
  std::vector<Hit> hits;
  for (std::size_t f = 0; f < fields.size(); ++f) {
    counted_hits(fields[f].text, hits);
    for (const Hit& hit : hits) {
      Tally& t = tallies[hit.term];
      if (t.count++ == 0) {
        t.first_seen = seen_order.size();
        seen_order.push_back(hit.term);
      }
      if (fields[f].factor > t.factor) {
        t.factor = fields[f].factor;
        t.field = f;
      }
    }
  }

  SpamScore score;
  for (const std::size_t term : seen_order) {
    const Tally& t = tallies[term];
    const int points = terms_[term].weight * t.factor + std::min(t.count - 1, kRepeatBonus);
    score.terms.push_back(TermScore{term, t.count, t.field, points});
    score.total += points;
  }
  // seen_order is already by first occurrence; a stable sort keeps that for ties.
  std::ranges::stable_sort(score.terms, std::greater<>{}, &TermScore::points);
  return score;
}

}  // namespace sitepatrol::checks
