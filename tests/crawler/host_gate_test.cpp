#include "crawler/host_gate.h"
#include "crawler/parse_backlog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

namespace sitepatrol::crawler {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Requests that hold their slot for `hold`, recording concurrency and start times.
struct Recorder {
  Recorder(asio::io_context& io_context, HostGate& host_gate, std::chrono::milliseconds hold_for)
      : io(io_context), gate(host_gate), hold(hold_for) {}

  asio::io_context& io;
  HostGate& gate;
  std::chrono::milliseconds hold;

  int active = 0;
  int max_active = 0;
  std::map<std::string, int> host_active;
  std::map<std::string, int> host_max;
  std::vector<std::string> order;  // hosts, in start order
  std::map<std::string, std::vector<Clock::time_point>> starts;
  int finished = 0;

  void request(const std::string& host) {
    gate.acquire(host, [this, host] {
      order.push_back(host);
      starts[host].push_back(Clock::now());
      max_active = std::max(max_active, ++active);
      host_max[host] = std::max(host_max[host], ++host_active[host]);
      auto timer = std::make_shared<asio::steady_timer>(io, hold);
      timer->async_wait([this, host, timer](const boost::system::error_code&) {
        --active;
        --host_active[host];
        ++finished;
        gate.release(host);
      });
    });
  }
};

TEST(HostGate, StartsNeverRunInlineInAcquire) {
  asio::io_context io;
  HostGate gate(io, 4, 2, 0ms);
  bool started = false;
  gate.acquire("a.example", [&] { started = true; });
  EXPECT_FALSE(started);
  EXPECT_EQ(gate.active(), 1);  // the slot is taken; the start is on its way
  io.run();
  EXPECT_TRUE(started);
  gate.release("a.example");
  EXPECT_EQ(gate.active(), 0);
}

TEST(HostGate, KeepsThePerHostAndGlobalLimits) {
  asio::io_context io;
  HostGate gate(io, 5, 2, 0ms);
  Recorder rec{io, gate, 20ms};
  for (int i = 0; i < 12; ++i)
    for (std::string host : {"a.example", "b.example", "c.example", "d.example"}) rec.request(host);
  EXPECT_EQ(gate.active(), 5);
  EXPECT_EQ(gate.queued(), 48u - 5u);

  io.run();

  EXPECT_EQ(rec.finished, 48);
  EXPECT_EQ(rec.max_active, 5);  // reached, never passed
  for (const auto& [host, max] : rec.host_max) EXPECT_EQ(max, 2) << host;
  EXPECT_EQ(gate.active(), 0);
  EXPECT_EQ(gate.queued(), 0u);
}

TEST(HostGate, OneHostAloneGetsItsPerHostLimit) {
  asio::io_context io;
  HostGate gate(io, 100, 3, 0ms);
  Recorder rec{io, gate, 20ms};
  for (int i = 0; i < 20; ++i) rec.request("a.example");
  io.run();
  EXPECT_EQ(rec.finished, 20);
  EXPECT_EQ(rec.max_active, 3);
}

TEST(HostGate, PerHostDelaySpacesStartsOfOneHostOnly) {
  asio::io_context io;
  constexpr auto kDelay = 100ms;
  HostGate gate(io, 10, 4, kDelay);
  Recorder rec{io, gate, 5ms};
  for (int i = 0; i < 5; ++i) rec.request("a.example");
  for (int i = 0; i < 5; ++i) rec.request("b.example");

  const auto began = Clock::now();
  io.run();

  ASSERT_EQ(rec.finished, 10);
  for (const auto& [host, times] : rec.starts) {
    ASSERT_EQ(times.size(), 5u) << host;
    EXPECT_LT(times.front() - began, 50ms) << host << "'s first request waited";
    for (std::size_t i = 1; i < times.size(); ++i) {
      // Starts are posted, and the delay runs from the gate's decision: allow the posting's
      // jitter (large under valgrind), not a missing delay (which would be ~0 here).
      EXPECT_GE(times[i] - times[i - 1], kDelay - 20ms) << host << " start " << i;
    }
  }
  // The two hosts ran side by side: all done in about 4 delays, not 9.
  EXPECT_LT(Clock::now() - began, 4 * kDelay + 200ms);
}

TEST(HostGate, ASmallHostWaitsNoLongerThanThePatienceBehindABigOne) {
  asio::io_context io;
  HostGate gate(io, 1, 1, 0ms);
  Recorder rec{io, gate, 20ms};
  for (int i = 0; i < 100; ++i) rec.request("big.example");  // 2 s of work
  const auto queued = Clock::now();
  rec.request("small.example");

  io.run();

  ASSERT_EQ(rec.order.size(), 101u);
  ASSERT_EQ(rec.starts["small.example"].size(), 1u);
  const auto waited = rec.starts["small.example"].front() - queued;
  // The longer queue goes first, but not past a host that waited the patience: at most
  // one more request of the big host (20 ms) after it, plus the posting's jitter.
  EXPECT_GE(waited, HostGate::kPatience - 40ms);
  EXPECT_LT(waited, HostGate::kPatience + 400ms);
}

TEST(HostGate, AFreeSlotGoesToTheHostWithTheMostWaiting) {
  asio::io_context io;
  HostGate gate(io, 1, 4, 0ms);
  Recorder rec{io, gate, 1ms};
  rec.request("first.example");  // takes the slot at once
  for (int i = 0; i < 2; ++i) rec.request("short.example");
  for (int i = 0; i < 6; ++i) rec.request("long.example");

  io.run();

  ASSERT_EQ(rec.order.size(), 9u);
  // long.example goes until its queue is no longer than short.example's; then they share.
  const std::vector<std::string> expected = {
      "first.example", "long.example", "long.example", "long.example", "long.example",
      "short.example", "long.example", "short.example", "long.example"};
  EXPECT_EQ(rec.order, expected);
}

// A site just started has nothing running, and its walk waits on its homepage: the next free
// slot is its, though a running site has more waiting. (Behind the longer queues, the sites
// started last read their first pages late and ran alone at the end of a 200-site patrol.)
TEST(HostGate, AHostWithNothingRunningGoesBeforeALongerQueue) {
  asio::io_context io;
  HostGate gate(io, 2, 4, 0ms);
  Recorder rec{io, gate, 20ms};
  for (int i = 0; i < 10; ++i) rec.request("busy.example");  // takes both slots
  rec.request("new.example");

  io.run();

  ASSERT_EQ(rec.order.size(), 11u);
  const std::vector<std::string> first = {"busy.example", "busy.example", "new.example"};
  EXPECT_EQ(std::vector<std::string>(rec.order.begin(), rec.order.begin() + 3), first);
}

TEST(HostGate, HostsTakeTurnsUnderTheGlobalLimit) {
  asio::io_context io;
  HostGate gate(io, 1, 4, 0ms);
  Recorder rec{io, gate, 1ms};
  for (int i = 0; i < 10; ++i) rec.request("a.example");
  for (int i = 0; i < 10; ++i) rec.request("b.example");
  io.run();
  ASSERT_EQ(rec.order.size(), 20u);
  // No host gets two turns in a row while the other still waits (a.example's first two
  // starts excepted: its second was queued before b.example arrived).
  std::map<std::string, int> left = {{"a.example", 10}, {"b.example", 10}};
  --left[rec.order[0]];
  for (std::size_t i = 1; i < rec.order.size(); ++i) {
    const std::string& other = rec.order[i] == "a.example" ? "b.example" : "a.example";
    if (i > 1 && left[other] > 0) {
      EXPECT_NE(rec.order[i], rec.order[i - 1]) << "at " << i;
    }
    --left[rec.order[i]];
  }
}

TEST(HostGate, AHeldGateStartsNothingUntilItResumes) {
  asio::io_context io;
  HostGate gate(io, 4, 4, 0ms);
  Recorder rec{io, gate, 10ms};
  gate.hold(true);
  for (int i = 0; i < 6; ++i) rec.request("a.example");
  io.run();
  EXPECT_EQ(rec.finished, 0);
  EXPECT_EQ(gate.active(), 0);
  EXPECT_EQ(gate.queued(), 6u);

  io.restart();
  gate.hold(false);
  io.run();
  EXPECT_EQ(rec.finished, 6);
  EXPECT_EQ(rec.max_active, 4);
}

TEST(HostGate, RequestsRunningWhenTheGateIsHeldFinish) {
  asio::io_context io;
  HostGate gate(io, 2, 2, 0ms);
  Recorder rec{io, gate, 10ms};
  for (int i = 0; i < 5; ++i) rec.request("a.example");
  io.poll();  // the first two start
  gate.hold(true);
  io.run();
  EXPECT_EQ(rec.finished, 2);
  EXPECT_EQ(gate.queued(), 3u);
  io.restart();
  gate.hold(false);
  io.run();
  EXPECT_EQ(rec.finished, 5);
}

// The parse pool and the store writer may both hold the gate: it starts again only when both
// have let go.
TEST(HostGate, TwoHoldersMustBothLetGo) {
  asio::io_context io;
  HostGate gate(io, 4, 4, 0ms);
  Recorder rec{io, gate, 10ms};
  gate.hold(true);
  gate.hold(true);
  for (int i = 0; i < 3; ++i) rec.request("a.example");
  gate.hold(false);
  io.run();
  EXPECT_EQ(rec.finished, 0);
  EXPECT_EQ(gate.queued(), 3u);

  io.restart();
  gate.hold(false);
  io.run();
  EXPECT_EQ(rec.finished, 3);
}

// The parse pool's backlog holds the gate at `high` pages and lets it go at half of them.
TEST(ParseBacklog, HoldsTheGateWhileTheParsePoolIsBehind) {
  asio::io_context io;
  HostGate gate(io, 8, 8, 0ms);
  ParseBacklog backlog(gate, 4);
  Recorder rec{io, gate, 1ms};
  for (int i = 0; i < 4; ++i) backlog.add();  // 4 pages wait for a parser: held
  for (int i = 0; i < 3; ++i) rec.request("a.example");
  io.run();
  EXPECT_EQ(rec.finished, 0);

  io.restart();
  backlog.done();  // 3 wait: still held
  io.run();
  EXPECT_EQ(rec.finished, 0);

  io.restart();
  backlog.done();  // 2 wait, half of 4: the gate starts again
  io.run();
  EXPECT_EQ(rec.finished, 3);
  EXPECT_EQ(backlog.waiting(), 2u);
}

// Back at `high` before it fell to half: still one hold, let go once. (When holds were
// counted, a second hold here was never undone and a patrol of six sites hung.)
TEST(ParseBacklog, ReachingHighTwiceHoldsOnce) {
  asio::io_context io;
  HostGate gate(io, 8, 8, 0ms);
  ParseBacklog backlog(gate, 4);
  Recorder rec{io, gate, 1ms};
  for (int i = 0; i < 4; ++i) backlog.add();  // held
  backlog.done();                             // 3
  backlog.add();                              // 4 again
  backlog.add();                              // 5
  for (int i = 0; i < 3; ++i) rec.request("a.example");
  for (int i = 0; i < 3; ++i) backlog.done();  // 2, half of 4
  io.run();
  EXPECT_EQ(rec.finished, 3);
}

TEST(HostGate, DelayTimerOutlivingTheGateIsHarmless) {
  asio::io_context io;
  int started = 0;
  {
    HostGate gate(io, 10, 4, 200ms);
    gate.acquire("a.example", [&] { ++started; });
    gate.acquire("a.example", [&] { ++started; });  // waits for the delay: a timer is armed
    io.run_for(20ms);
    EXPECT_EQ(started, 1);
  }
  io.restart();
  io.run_for(400ms);  // the timer fires after the gate died
  EXPECT_EQ(started, 1);
}

}  // namespace
}  // namespace sitepatrol::crawler
