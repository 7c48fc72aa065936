// Finding content errors in normalised text (checks/content_text.h) against a content
// dictionary (config/content.h): CONTENT-MISSTATEMENT, CONTENT-TYPO and CONTENT-OUTDATED.
//
// Every dictionary string (formulations and thirds of them, known wrong forms and their
// exceptions, body names, leaders' names and titles) goes into one Aho-Corasick automaton, so
// a page is scanned once however large the dictionary. The hits are then confirmed:
//   * a formulation's third found where the whole is not is the candidate step for a
//     near-miss: the text around it, beginning and ending as the formulation does, one
//     Chinese character off it (replaced, dropped, added, or two swapped) is a misstatement;
//   * a wrong form counts unless one of its exceptions covers it;
//   * a leader's full title (国务院总理) followed by, or any of the office's titles preceded
//     by, a name one character off a holder's (same surname) is a misstatement, and so is a
//     known leader's name beside the title of an office they never held; 副 before a title
//     makes it another office; in a list of leaders (习近平、李强、…), a name between 、
//     one character off another leader's;
//   * an abolished body's name counts unless the sentence is plainly historical: 原/前/时任
//     before it, inside 《》, a foreign or regional body (美国, 台湾 …), a year before the
//     reform in the sentence, the reform itself described (不再保留, 组建, 更名 …), or a page
//     dated before the reform (its PubDate, document number or latest written year).
//
// Build one matcher per dictionary and share it: immutable after construction, scan() is
// const and thread-safe. Cost: linear in the text plus the hits confirmed (bounded:
// checks/content_scan.h).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "checks/content_text.h"
#include "checks/multi_matcher.h"
#include "config/content.h"

namespace sitepatrol::checks {

enum class ContentKind { misstatement, typo, outdated };

struct ContentHit {
  ContentKind kind = ContentKind::typo;
  std::string found;  // as the text has it
  std::string right;  // the right form, the holder's name, or the successor body
  std::string why;    // "fixed formulation", "leader's name", "wrong title", "abolished 2018-03-17"
  std::string sentence;  // around it, cut with … past 30 characters each side
  std::size_t at = 0;    // character index in the text (order of hits)
};

class ContentMatcher {
 public:
  explicit ContentMatcher(std::shared_ptr<const config::ContentDictionary> dictionary);

  // `page_date`: when the page says it was published (bodies named before their reform are
  // not outdated there). Hits in order of position.
  std::vector<ContentHit> scan(const ContentText& text,
                               std::optional<std::chrono::sys_days> page_date) const;

  const config::ContentDictionary& dictionary() const { return *dictionary_; }

 private:
  enum class Role : unsigned char {
    formulation,
    third,
    allowed,
    misstatement,
    misstatement_except,
    typo,
    typo_except,
    body,
    body_except,
    title,
    name
  };
  struct Pattern {
    Role role;
    std::size_t entry;  // into the dictionary's list for the role; titles_, names_ for those
    std::size_t part;   // third: its offset in characters
  };
  struct Occurrence {
    std::size_t pattern;
    std::size_t begin, end;  // characters
  };
  struct Scan;

  void add(std::string_view text, Role role, std::size_t entry, std::size_t part = 0);
  void near_misses(Scan& s) const;
  void wrong_forms(Scan& s) const;
  void bodies(Scan& s, std::optional<std::chrono::sys_days> page_date) const;
  void leaders(Scan& s) const;
  template <typename NameAt, typename Report>
  void lists(Scan& s, NameAt& name_at, Report& report) const;

  std::shared_ptr<const config::ContentDictionary> dictionary_;
  std::vector<std::string> strings_;
  std::vector<Pattern> patterns_;
  std::vector<std::u32string> formulations_;  // as code points
  struct Office {
    bool full = false;                 // the title is an office's full one: may precede a name
    std::vector<std::size_t> holders;  // into names_
  };
  std::vector<std::string> titles_;      // distinct titles
  std::vector<Office> offices_;          // what each of titles_ names
  std::vector<std::string> names_;       // distinct leaders' names
  std::vector<std::u32string> names32_;  // the same, as code points
  MultiMatcher matcher_;
};

// One character off: equal length with one replaced or two neighbours swapped, or one
// character more or fewer. Only the differing characters' being Chinese is checked here.
bool one_character_off(std::u32string_view text, std::u32string_view right);

}  // namespace sitepatrol::checks
