// PendingMemory: a page's stored memory, asked of the store when its conditional request is
// sent rather than when the 304 arrives, so the store's read runs beside the network's answer
// instead of after it (issue 15: the second patrol of an unchanged site).
//
// Thread rules: `set` and `then` are both called on the patrol's I/O thread (StoreWriter posts
// its answers there), so nothing is locked. The answer may come before or after the 304; an
// answer nobody waits for (the page changed: 200) is dropped with the last reference.
#pragma once

#include <functional>
#include <optional>

#include "store/store.h"

namespace sitepatrol::crawler {

class PendingMemory {
 public:
  using Memory = std::optional<store::PageMemory>;

  void set(Memory memory);                   // the store's answer
  void then(std::function<void(Memory)> f);  // runs f now if answered, else when it is

 private:
  std::optional<Memory> memory_;
  std::function<void(Memory)> waiter_;
};

}  // namespace sitepatrol::crawler
