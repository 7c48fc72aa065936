// Aho–Corasick: every occurrence of any of a fixed set of byte patterns, in one pass.
//
// Built once from the patterns (cost linear in their total length), then `scan` walks a text
// in time linear in its length plus the number of matches, however many patterns there are.
// It works on bytes, so UTF-8 patterns only match at character boundaries of valid UTF-8 text
// (a lead byte never equals a continuation byte). ASCII letters are folded to lower case on
// both sides, so matching is ASCII case-insensitive; other bytes compare exactly.
//
// Overlapping and nested matches are all reported: with patterns 彩票 and 体育彩票, the text
// 体育彩票 yields both, ending at the same byte. Duplicate patterns are each reported.
//
// Memory: one node per distinct pattern prefix; the root and the nodes one and two bytes
// deep (at most kMaxDense) have a full 256-entry transition table, other nodes a sorted edge
// list. Immutable after construction; `scan` is const and thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::checks {

class MultiMatcher {
 public:
  MultiMatcher() : MultiMatcher(std::span<const std::string_view>{}) {}  // matches nothing
  explicit MultiMatcher(std::span<const std::string_view> patterns);

  std::size_t patterns() const { return pattern_sizes_.size(); }
  std::size_t pattern_size(std::size_t pattern) const { return pattern_sizes_[pattern]; }

  // Calls on_match(pattern index, end offset) for each occurrence, in order of end offset
  // (the match is text[end - pattern_size(pattern), end)). Empty patterns never match.
  template <typename OnMatch>
  void scan(std::string_view text, OnMatch&& on_match) const {
    std::uint32_t state = kRoot;
    for (std::size_t i = 0; i < text.size(); ++i) {
      state = next(state, fold(static_cast<unsigned char>(text[i])));
      for (std::uint32_t s = nodes_[state].has_output ? state : nodes_[state].output_link;
           s != kNone; s = nodes_[s].output_link) {
        for (std::uint32_t k = nodes_[s].outputs_begin; k < nodes_[s].outputs_end; ++k) {
          on_match(static_cast<std::size_t>(outputs_[k]), i + 1);
        }
      }
    }
  }

 private:
  static constexpr std::uint32_t kRoot = 0;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  struct Edge {
    unsigned char byte;
    std::uint32_t target;
  };
  struct Node {
    std::uint32_t edges_begin = 0, edges_end = 0;      // into edges_, sorted by byte
    std::uint32_t fail = kRoot;                        // longest proper suffix in the trie
    std::uint32_t output_link = kNone;                 // nearest suffix node with outputs
    std::uint32_t outputs_begin = 0, outputs_end = 0;  // into outputs_
    bool has_output = false;
    std::uint32_t dense = kNone;  // into dense_: the whole transition function, failures folded
  };
  static constexpr int kDenseDepth = 2;
  static constexpr std::size_t kMaxDense = 512;  // 1 KiB each

  static unsigned char fold(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c;
  }

  // The goto function of the trie (kNone when there is no edge), then with failure links.
  std::uint32_t child(std::uint32_t state, unsigned char byte) const;
  std::uint32_t next(std::uint32_t state, unsigned char byte) const {
    while (state != kRoot) {
      if (nodes_[state].dense != kNone) return dense_[nodes_[state].dense][byte];
      if (const std::uint32_t to = child(state, byte); to != kNone) return to;
      state = nodes_[state].fail;
    }
    return root_[byte];
  }

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<std::uint32_t> outputs_;
  std::uint32_t root_[256];  // root transitions; kRoot where there is none
  std::vector<std::array<std::uint32_t, 256>> dense_;
  std::vector<std::size_t> pattern_sizes_;
};

}  // namespace sitepatrol::checks
