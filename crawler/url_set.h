// UrlSet: the URLs a site's walk has met, kept as 64-bit fingerprints in one open-addressing
// table instead of as strings in a node-based set. A site of 20,000 pages meets 35,000 URLs;
// as strings, twice over (pages and links), that was about 130 bytes an URL and grew with
// every page done (docs/performance.md); as fingerprints it is 16 bytes or less.
//
// Two different URLs share a fingerprint with a chance of about n² / 2⁶⁵: for a site of a
// million URLs, 3 in 100 million. The walk would then take the second for already seen and
// not check it. Crawlers that keep billions of URLs (Heritrix's fingerprint filter) accept
// the same trade.
//
// Not thread-safe: a site's walk uses it on the I/O thread only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace sitepatrol::crawler {

class UrlSet {
 public:
  // True when `url` was not in the set (it is now).
  bool insert(std::string_view url);
  bool contains(std::string_view url) const;
  std::size_t size() const { return size_; }

 private:
  static std::uint64_t fingerprint(std::string_view url);
  std::size_t slot_of(std::uint64_t print) const;  // its slot, or the empty one it would take
  void grow();

  std::vector<std::uint64_t> slots_;  // 0: empty; size a power of two, at most half full
  std::size_t size_ = 0;
};

}  // namespace sitepatrol::crawler
