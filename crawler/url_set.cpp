#include "crawler/url_set.h"

#include <functional>

namespace sitepatrol::crawler {

std::uint64_t UrlSet::fingerprint(std::string_view url) {
  const std::uint64_t print = std::hash<std::string_view>{}(url);
  return print == 0 ? 1 : print;  // 0 marks an empty slot
}

// Linear probing; the table is at most half full, so a search ends after a few slots.
std::size_t UrlSet::slot_of(std::uint64_t print) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = static_cast<std::size_t>(print) & mask;
  while (slots_[i] != 0 && slots_[i] != print) i = (i + 1) & mask;
  return i;
}

bool UrlSet::contains(std::string_view url) const {
  return !slots_.empty() && slots_[slot_of(fingerprint(url))] != 0;
}

bool UrlSet::insert(std::string_view url) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const std::uint64_t print = fingerprint(url);
  std::uint64_t& slot = slots_[slot_of(print)];
  if (slot != 0) return false;
  slot = print;
  ++size_;
  return true;
}

void UrlSet::grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, 0);
  for (std::uint64_t print : old) {
    if (print != 0) slots_[slot_of(print)] = print;
  }
}

}  // namespace sitepatrol::crawler
