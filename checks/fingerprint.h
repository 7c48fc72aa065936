// The template fingerprint of a page (SEC-TAMPER): what the page is built of, without the
// text that changes every day, and how two fingerprints differ.
//
// What goes in. The page's elements as tag paths in document order ("html>body>div.main>
// ul.list>li", classes sorted, ids dropped; crawler/html.h), cut into shingles of k = 4
// consecutive paths. A path alone already carries the element's ancestry; four in a row add
// the order of siblings and neighbouring blocks, so a block slipped between two known ones
// makes new shingles at its edges and inside, while one changed element touches at most four.
// Longer shingles would turn every small decoration of a list item (a "new" icon) into many
// new patterns; shorter ones would miss a block built of paths the page already uses.
// Text never enters: replacing the 20 items of a news list by 20 new ones, changing their
// dates, or listing a few items more or less gives the same *set* of shingles, because a
// repeated item produces the same few shingles however often it repeats.
//
// What is kept (PageSketch::minhash). Each distinct shingle is a 64-bit hash whose low 12
// bits are replaced by how often the shingle occurs (saturating at 4095), sorted ascending:
//  - the kSample smallest hashes: a bottom-k MinHash sample, from which compare() estimates
//    the Jaccard similarity of two pages' shingle sets: exactly while both pages have at most
//    kSample distinct shingles (the demo site's pages have about 100), else within a few
//    percent (standard error at most 0.03);
//  - plus every shingle occurring kRepeated or more times, wherever its hash falls.
// The second part is what makes an injected block visible. A hidden block of 30 gambling
// links is a handful of distinct shingles among hundreds, so it hardly moves the
// similarity; but its inside is one pattern repeated ~30 times that the baseline did not
// repeat. A k-permutation MinHash could not tell which shingles are new, nor how often they
// repeat; this sample can, because it holds the shingles themselves.
//
// Scripts (kind "script" link srcs, plus "inline:<hash>" for inline script bodies when the
// caller has them) and frames (kind "iframe"/"frame" srcs) are kept as sorted URL lists, the
// title with its whitespace collapsed, and the element count. Hashes are FNV-1a with a fixed
// finaliser, stable across builds and platforms: sketches are stored as baselines, so changing
// what goes in (k, the hash, the packing) must come with a schema step that drops the stored
// baselines.
//
// Pure functions of their arguments; any thread.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "checks/finding.h"
#include "checks/inputs.h"

namespace sitepatrol::checks {

inline constexpr std::size_t kShingle = 4;    // tag paths per shingle
inline constexpr std::size_t kSample = 256;   // bottom-k sample size
inline constexpr std::size_t kRepeated = 4;   // occurrences that make a shingle "repeated"
inline constexpr std::size_t kNewBlock = 12;  // repeats of a new pattern that make a block

// A tag path ("html>body>div.a.b>ul") is fingerprinted by its hash. PathHash extends a
// parent's hash by one more element's bytes, giving exactly the hash of the whole string, so
// a parser never builds one string per element: with a megabyte class on an ancestor, or
// thousands of nested tables, those strings took gigabytes.
class PathHash {
 public:
  PathHash then(std::string_view bytes) const;  // this path followed by `bytes`
  std::uint64_t value() const;                  // == tag_path_hash(the whole path)

 private:
  std::uint64_t fnv_ = 0xcbf29ce484222325ULL;  // FNV-1a state over the path's bytes
};
std::uint64_t tag_path_hash(std::string_view path);

// `path_hashes` in document order (crawler::ParsedHtml::tag_paths); the string form hashes
// each path first (for tests and tools).
PageSketch sketch_page(const std::vector<std::uint64_t>& path_hashes,
                       std::span<const LinkRef> links, std::string_view title,
                       std::span<const std::string> inline_scripts = {});
PageSketch sketch_page(const std::vector<std::string>& tag_paths, std::span<const LinkRef> links,
                       std::string_view title, std::span<const std::string> inline_scripts = {});

// How `current` departs from `baseline`.
struct SketchDiff {
  // 1 - estimated Jaccard similarity of the shingle sets: ~0 for a news update, ~1 when the
  // body was replaced. 1 when exactly one side has no structure at all.
  double structure_changed = 0;
  // Occurrences of the most repeated shingle of `current` that `baseline` repeated fewer
  // than kRepeated times (0 when that is below kNewBlock): an added block of links or items.
  std::size_t new_block = 0;
  std::vector<std::string> new_scripts;  // script srcs absent from the baseline
  std::vector<std::string> new_iframes;  // frame srcs absent from the baseline
  std::size_t new_inline_scripts = 0;    // inline script bodies the baseline did not have
  bool title_changed = false;
  // "structure 72% changed; new block of 30 repeated elements; new script
  // http://evil.example/x.js; title changed from 'A' to 'B'"
  std::string summary;
  // The summary as detail values (SEC-TAMPER's "sec.tamper"): structure_pct, new_block,
  // scripts / iframes (first three, ", "-separated) with scripts_more / iframes_more,
  // inline_scripts, title_from and title_to; empty values for what did not change.
  DetailArgs args;
};

// Script and frame URLs are compared without their query and fragment: a template that bumps
// "common.js?v=20261101" to "?v=20261125" has not gained a script.
SketchDiff compare(const PageSketch& baseline, const PageSketch& current);

}  // namespace sitepatrol::checks
