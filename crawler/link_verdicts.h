// External links' answers shared by the sites of a run (issue 16): a URL linked from many
// sites (www.gov.cn ...) is asked once per run, not once per site. The first site to meet the
// URL checks it; the others that meet it meanwhile wait for that answer, and later ones reuse
// it. Workers also share the answers through the store (SiteCrawl, crawler/site_crawl.cpp).
//
// Thread-safe: the slots of a worker, each patrolling on an I/O thread of its own, share one.
// Answers are handed to the waiters on the thread that settles, under the lock: a waiter
// only posts it to its own thread, and once `forget(owner)` returned, no answer reaches that
// owner's waiters (its thread may be gone). Memory is bounded: past `capacity` answers the
// oldest are forgotten (their URLs are then asked again).
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/inputs.h"

namespace sitepatrol::crawler {

class LinkVerdicts {
 public:
  // Called once with the URL's answer, or nullopt when the site checking it gave up (its
  // patrol ended first): the waiter then checks the URL itself.
  using Answer = std::function<void(std::optional<checks::LinkResult>)>;

  // Held by the one site checking a URL. Settled with the answer; destroyed unsettled (the
  // check was dropped), it lets the waiters check the URL themselves.
  class Claim {
   public:
    Claim(LinkVerdicts& owner, std::string url) : owner_(owner), url_(std::move(url)) {}
    ~Claim();
    Claim(const Claim&) = delete;
    Claim& operator=(const Claim&) = delete;
    void settle(const checks::LinkResult& verdict);

   private:
    LinkVerdicts& owner_;
    std::string url_;
    bool settled_ = false;
  };

  explicit LinkVerdicts(std::size_t capacity = 50'000) : capacity_(capacity) {}

  // The URL's answer when known: `answer` is called at once (on this thread) and nothing is
  // returned. When another site is checking it: `answer` is called once that site settles,
  // and nothing is returned. Otherwise the caller checks it and gets the Claim to settle.
  // `owner` names the waiter for `forget`.
  std::unique_ptr<Claim> join(const std::string& url, const void* owner, Answer answer);
  // Drops the owner's waiters: called before the thread their answers go to ends.
  void forget(const void* owner);

  std::size_t size() const;

 private:
  struct Waiter {
    const void* owner;
    Answer answer;
  };
  struct Entry {
    std::optional<checks::LinkResult> verdict;
    std::vector<Waiter> waiting;
  };
  void settle(const std::string& url, std::optional<checks::LinkResult> verdict);

  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::deque<std::string> settled_order_;  // oldest first, for forgetting past capacity
};

}  // namespace sitepatrol::crawler
