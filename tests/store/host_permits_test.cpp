// The per-host limit that workers share (issue 16, store/host_permits.h), on a real
// PostgreSQL server: two HostPermits are two workers; together they never hold more than the
// limit for one host, a permit given back goes to a waiting request, other hosts are not
// held up, and a forgotten request is never granted.
#include "store/host_permits.h"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "tests/support/test_database.h"

namespace sitepatrol::store {
namespace {

using namespace std::chrono_literals;
using Permit = std::shared_ptr<HostPermits::Permit>;

// Grants as they arrive (on the permits' threads).
struct Granted {
  std::mutex mutex;
  std::vector<std::pair<std::string, Permit>> permits;
  HostPermits::Granted to(const std::string& who) {
    return [this, who](Permit p) {
      std::lock_guard lock(mutex);
      permits.emplace_back(who, std::move(p));
    };
  }
  std::size_t count() {
    std::lock_guard lock(mutex);
    return permits.size();
  }
  // Ends the oldest request holding a permit; false when none holds one.
  bool give_back_first() {
    std::lock_guard lock(mutex);
    if (permits.empty()) return false;
    permits.erase(permits.begin());
    ++given_back;
    return true;
  }
  int given_back = 0;
};

template <class Pred>
bool within(std::chrono::milliseconds limit, Pred ready) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (ready()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return ready();
}

class HostPermitsTest : public ::testing::Test {
 protected:
  testdb::TestDatabase db_{testdb::Engine::postgresql};
  std::unique_ptr<HostPermits> worker(int limit) {
    auto permits = HostPermits::connect(db_.name(), limit);
    EXPECT_TRUE(permits) << permits.error().message;
    return permits ? std::move(*permits) : nullptr;
  }
};

const char kOwnerA = 'a', kOwnerB = 'b';

TEST_F(HostPermitsTest, TwoWorkersTogetherHoldNoMoreThanTheLimit) {
  auto a = worker(2);
  auto b = worker(2);
  Granted gov;
  for (int i = 0; i < 3; ++i) {
    a->acquire("www.gov.cn", &kOwnerA, gov.to("a"));
    b->acquire("www.gov.cn", &kOwnerB, gov.to("b"));
  }
  ASSERT_TRUE(within(2s, [&] { return gov.count() == 2; }));
  std::this_thread::sleep_for(300ms);  // nobody else gets one meanwhile
  EXPECT_EQ(gov.count(), 2u);

  Granted other;  // another host is not held up by this one
  b->acquire("www.mot.gov.cn", &kOwnerB, other.to("b"));
  EXPECT_TRUE(within(2s, [&] { return other.count() == 1; }));

  gov.give_back_first();  // a request ends: a waiting one, of either worker, goes
  ASSERT_TRUE(within(2s, [&] { return gov.count() == 2; }));
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(gov.count(), 2u);
  // The rest, as they come: all six requests are served in the end.
  EXPECT_TRUE(within(5s, [&] {
    gov.give_back_first();
    return gov.given_back == 6;
  }));
}

TEST_F(HostPermitsTest, AForgottenRequestIsNeverGranted) {
  auto a = worker(1);
  Granted held, forgotten;
  a->acquire("www.gov.cn", &kOwnerA, held.to("a"));
  ASSERT_TRUE(within(2s, [&] { return held.count() == 1; }));
  a->acquire("www.gov.cn", &kOwnerB, forgotten.to("b"));
  a->forget(&kOwnerB);  // its patrol ended
  held.give_back_first();
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(forgotten.count(), 0u);
  a->acquire("www.gov.cn", &kOwnerA, held.to("a"));  // and the lock it never took is free
  EXPECT_TRUE(within(2s, [&] { return held.count() == 1; }));
  held.give_back_first();
}

}  // namespace
}  // namespace sitepatrol::store
