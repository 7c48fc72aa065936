#include "checks/multi_matcher.h"

#include <algorithm>
#include <array>
#include <deque>
#include <map>

namespace sitepatrol::checks {

MultiMatcher::MultiMatcher(std::span<const std::string_view> patterns) {
  // 1. The trie, with map edges while it grows.
  std::vector<std::map<unsigned char, std::uint32_t>> children(1);
  std::vector<std::vector<std::uint32_t>> terminal(1);
  pattern_sizes_.reserve(patterns.size());
  for (std::size_t p = 0; p < patterns.size(); ++p) {
    pattern_sizes_.push_back(patterns[p].size());
    if (patterns[p].empty()) continue;
    std::uint32_t state = kRoot;
    for (const char c : patterns[p]) {
      const unsigned char b = fold(static_cast<unsigned char>(c));
      auto [it, fresh] =
          children[state].try_emplace(b, static_cast<std::uint32_t>(children.size()));
      if (fresh) {
        children.emplace_back();
        terminal.emplace_back();
      }
      state = it->second;
    }
    terminal[state].push_back(static_cast<std::uint32_t>(p));
  }

  // 2. Flatten: sorted edge lists (std::map iterates in byte order) and output ranges.
  nodes_.resize(children.size());
  for (std::size_t s = 0; s < children.size(); ++s) {
    Node& n = nodes_[s];
    n.edges_begin = static_cast<std::uint32_t>(edges_.size());
    for (const auto& [byte, target] : children[s]) edges_.push_back(Edge{byte, target});
    n.edges_end = static_cast<std::uint32_t>(edges_.size());
    n.outputs_begin = static_cast<std::uint32_t>(outputs_.size());
    outputs_.insert(outputs_.end(), terminal[s].begin(), terminal[s].end());
    n.outputs_end = static_cast<std::uint32_t>(outputs_.size());
    n.has_output = n.outputs_end > n.outputs_begin;
  }
  std::fill(std::begin(root_), std::end(root_), kRoot);
  for (const auto& [byte, target] : children[kRoot]) root_[byte] = target;

  // 3. Failure and output links, breadth first so a node's suffixes are done before it.
  std::deque<std::uint32_t> queue;
  for (const auto& [byte, target] : children[kRoot]) queue.push_back(target);
  while (!queue.empty()) {
    const std::uint32_t s = queue.front();
    queue.pop_front();
    for (const auto& [byte, target] : children[s]) {
      const std::uint32_t fail = next(nodes_[s].fail, byte);
      nodes_[target].fail = fail;
      nodes_[target].output_link = nodes_[fail].has_output ? fail : nodes_[fail].output_link;
      queue.push_back(target);
    }
  }

  // 4. Whole transition tables for the shallow nodes, breadth first (a node's failure link
  // is shallower, so its table is ready): most of a text's bytes step from them (the lead and
  // second bytes of a Chinese character), and a table read replaces a search and a walk of
  // failure links.
  std::deque<std::pair<std::uint32_t, int>> shallow;  // (node, depth)
  for (const auto& [byte, target] : children[kRoot]) shallow.emplace_back(target, 1);
  while (!shallow.empty() && dense_.size() < kMaxDense) {
    const auto [s, depth] = shallow.front();
    shallow.pop_front();
    std::array<std::uint32_t, 256> table;
    for (int b = 0; b < 256; ++b) {
      const auto byte = static_cast<unsigned char>(b);
      const std::uint32_t to = child(s, byte);
      table[static_cast<std::size_t>(b)] = to != kNone ? to : next(nodes_[s].fail, byte);
    }
    nodes_[s].dense = static_cast<std::uint32_t>(dense_.size());
    dense_.push_back(table);
    if (depth < kDenseDepth) {
      for (const auto& [byte, target] : children[s]) shallow.emplace_back(target, depth + 1);
    }
  }
}

std::uint32_t MultiMatcher::child(std::uint32_t state, unsigned char byte) const {
  const Node& n = nodes_[state];
  const auto first = edges_.begin() + n.edges_begin;
  const auto last = edges_.begin() + n.edges_end;
  const auto it = std::lower_bound(first, last, byte,
                                   [](const Edge& e, unsigned char b) { return e.byte < b; });
  return it != last && it->byte == byte ? it->target : kNone;
}

}  // namespace sitepatrol::checks
