// UrlIds: the ids of URLs one connection has already found or added to the `urls` table,
// so that the links a site repeats on every page (its menu, its footer) are not looked up
// again for each page. A cold patrol of the 20k bench stores 712,000 page links to 35,000
// URLs; the lookups were 4 % of its CPU (docs/performance.md, twelfth session).
//
// Rows of `urls` are never deleted, so a committed id stays right for good, whoever added
// it. An id added by a transaction that was then rolled back may be given again to another
// URL, so the whole memory is dropped whenever the connection rolls back (`epoch` is the
// connection's count of rollbacks, Db::rollbacks()). Bounded: at `capacity` entries it
// starts again empty; the entries asked for on every page are back after one page.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "config/string_hash.h"

namespace sitepatrol::store {

class UrlIds {
 public:
  explicit UrlIds(std::size_t capacity) : capacity_(capacity) {}

  std::optional<std::int64_t> find(std::string_view url, std::uint64_t epoch) {
    forget_unless(epoch);
    const auto at = ids_.find(url);
    if (at == ids_.end()) return std::nullopt;
    return at->second;
  }

  void remember(std::string_view url, std::int64_t id, std::uint64_t epoch) {
    forget_unless(epoch);
    if (ids_.size() >= capacity_) ids_.clear();
    ids_.emplace(std::string(url), id);
  }

  std::size_t size() const { return ids_.size(); }

  // A new bound, for what comes; a memory already past it starts again empty.
  void set_capacity(std::size_t capacity) {
    capacity_ = capacity;
    if (ids_.size() > capacity_) ids_.clear();
  }

 private:
  void forget_unless(std::uint64_t epoch) {
    if (epoch == epoch_) return;
    ids_.clear();
    epoch_ = epoch;
  }

  std::size_t capacity_;
  std::uint64_t epoch_ = 0;
  std::unordered_map<std::string, std::int64_t, config::StringHash, std::equal_to<>> ids_;
};

}  // namespace sitepatrol::store
