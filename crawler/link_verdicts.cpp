#include "crawler/link_verdicts.h"

#include <algorithm>

namespace sitepatrol::crawler {

LinkVerdicts::Claim::~Claim() {
  if (!settled_) owner_.settle(url_, std::nullopt);
}

void LinkVerdicts::Claim::settle(const checks::LinkResult& verdict) {
  if (settled_) return;
  settled_ = true;
  owner_.settle(url_, verdict);
}

std::unique_ptr<LinkVerdicts::Claim> LinkVerdicts::join(const std::string& url, const void* owner,
                                                        Answer answer) {
  std::optional<checks::LinkResult> known;
  {
    std::lock_guard lock(mutex_);
    auto [at, inserted] = entries_.try_emplace(url);
    if (inserted) return std::make_unique<Claim>(*this, url);
    if (!at->second.verdict) {
      at->second.waiting.push_back(Waiter{owner, std::move(answer)});
      return nullptr;
    }
    known = at->second.verdict;
  }
  answer(std::move(known));
  return nullptr;
}

void LinkVerdicts::settle(const std::string& url, std::optional<checks::LinkResult> verdict) {
  std::lock_guard lock(mutex_);
  auto at = entries_.find(url);
  if (at == entries_.end()) return;
  const std::vector<Waiter> waiting = std::move(at->second.waiting);
  if (verdict) {
    at->second.verdict = verdict;
    at->second.waiting.clear();
    settled_order_.push_back(url);
    while (settled_order_.size() > capacity_) {
      entries_.erase(settled_order_.front());
      settled_order_.pop_front();
    }
  } else {
    entries_.erase(at);  // nobody has it now: the waiters ask for it themselves
  }
  // Under the lock, so that forget() cannot return while an answer is on its way.
  for (const Waiter& w : waiting) w.answer(verdict);
}

void LinkVerdicts::forget(const void* owner) {
  std::lock_guard lock(mutex_);
  for (auto& [url, entry] : entries_) {
    std::erase_if(entry.waiting, [owner](const Waiter& w) { return w.owner == owner; });
  }
}

std::size_t LinkVerdicts::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace sitepatrol::crawler
