#include "crawler/pending_memory.h"

#include <utility>

namespace sitepatrol::crawler {

void PendingMemory::set(Memory memory) {
  if (waiter_) {
    auto waiter = std::move(waiter_);
    waiter_ = nullptr;
    waiter(std::move(memory));
    return;
  }
  memory_ = std::move(memory);
}

void PendingMemory::then(std::function<void(Memory)> f) {
  if (memory_) {
    Memory memory = std::move(*memory_);
    memory_.reset();
    f(std::move(memory));
    return;
  }
  waiter_ = std::move(f);
}

}  // namespace sitepatrol::crawler
