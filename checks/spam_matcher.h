// Scoring text against a spam term list (SEC-SPAM): the term list's semantics on top of the
// multi-pattern matcher (checks/multi_matcher.h).
//
// A page is several fields (title, meta, visible text, hidden text, link texts), each with a
// place factor. Within a field every occurrence of every term is found in one linear pass;
// a term with a positive weight that overlaps an occurrence of an innocent phrase (negative
// weight) in the same field does not count: 体育彩票 masks 彩票, and 体育彩票投注站 masks
// 彩票投注, which straddles 体育彩票 and 投注站. A term lying within a longer term's occurrence
// does not count on its own (北京赛车pk10 is one term, not also 北京赛车). Terms starting or
// ending with an ASCII letter or digit only count where not glued to further ASCII letters or
// digits ("av" is not found in "java").
//
// Over all fields, a term scores weight x the highest factor of a field it counted in, plus 1
// for each further occurrence, at most kRepeatBonus: one word repeated through an article
// stays near its weight while many distinct terms add up.
//
// Build one SpamMatcher per term list and share it: construction is linear in the list's
// size, scoring linear in the text's. Immutable after construction; const methods are
// thread-safe.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "checks/multi_matcher.h"
#include "config/config.h"

namespace sitepatrol::checks {

struct SpamField {
  std::string_view text;
  int factor = 1;
};

struct TermScore {
  std::size_t term = 0;   // index into the list the matcher was built from
  int count = 0;          // occurrences that counted, all fields together
  std::size_t field = 0;  // index of the field with the highest factor it counted in (first)
  int points = 0;
};

struct SpamScore {
  int total = 0;
  std::vector<TermScore> terms;  // by points, highest first; ties in order of first occurrence
};

class SpamMatcher {
 public:
  static constexpr int kRepeatBonus = 2;

  explicit SpamMatcher(std::span<const config::SpamTerm> terms);

  SpamScore score(std::string_view text) const;  // one field, factor 1
  SpamScore score(std::span<const SpamField> fields) const;

  std::size_t size() const { return terms_.size(); }
  const config::SpamTerm& term(std::size_t i) const { return terms_[i]; }
  const std::vector<config::SpamTerm>& terms() const { return terms_; }

 private:
  struct Hit {
    std::size_t term;
    std::size_t start, end;
  };
  // The positive terms of one field that count, in order of start offset.
  void counted_hits(std::string_view text, std::vector<Hit>& out) const;
  // Removes hits lying within another hit (the longer term is the one that counts).
  static void drop_nested(std::vector<Hit>& hits);
  bool at_word_boundaries(std::string_view text, const Hit& hit) const;

  std::vector<config::SpamTerm> terms_;
  std::vector<unsigned char> ascii_edges_;  // bit 0: starts with ASCII alnum, bit 1: ends
  MultiMatcher matcher_;
};

}  // namespace sitepatrol::checks
