// The daemon's timetable, driven by a fake clock: nothing here sleeps.
#include "app/daemon_scheduler.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "crawler/clock.h"

namespace sitepatrol::app {
namespace {

using namespace std::chrono;

// A clock the test moves by hand.
class ManualClock final : public crawler::Clock {
 public:
  explicit ManualClock(system_clock::time_point t) : t_(t) {}
  system_clock::time_point now() const override { return t_; }
  void advance(system_clock::duration d) { t_ += d; }
  void set(system_clock::time_point t) { t_ = t; }

 private:
  system_clock::time_point t_;
};

// 2026-11-25 01:59:00 UTC.
const auto kStart = system_clock::from_time_t(1795571940);

config::Config config_with(std::vector<std::string> ids, std::string patrol = "0 2 * * *",
                           seconds interval = minutes(20)) {
  config::Config c;
  for (auto& id : ids) {
    config::SiteConfig s;
    s.id = id;
    s.url = "http://" + id + ".example/";
    c.sites.push_back(s);
  }
  c.schedule.patrol = {*config::CronExpr::parse(patrol)};
  c.schedule.probe_interval = interval;
  return c;
}

class SchedulerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("TZ", "UTC", 1);
    tzset();
  }
  void TearDown() override {
    unsetenv("TZ");
    tzset();
  }
  ManualClock clock{kStart};
};

TEST_F(SchedulerTest, FirstProbesAtOnceThenOnePerIntervalAtAFixedOffset) {
  Scheduler s(config_with({"a", "b"}), clock.now());
  EXPECT_EQ(s.take_due_probes(clock.now()), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(s.take_due_probes(clock.now()).empty());

  // Over two hours each site is probed exactly once per 20-minute slot.
  std::map<std::string, std::vector<system_clock::time_point>> seen;
  for (int i = 0; i < 2 * 3600; ++i) {
    clock.advance(seconds(1));
    for (const auto& id : s.take_due_probes(clock.now())) seen[id].push_back(clock.now());
  }
  for (const auto& id : {"a", "b"}) {
    ASSERT_EQ(seen[id].size(), 6u) << id;
    for (std::size_t i = 1; i < seen[id].size(); ++i)
      EXPECT_EQ(seen[id][i] - seen[id][i - 1], minutes(20)) << id;
  }
  // Jitter: the two sites' offsets differ and stay the same after a restart.
  EXPECT_NE(seen["a"][0] - seen["b"][0], seconds(0));
  // (The fake clock moves in whole seconds; slots are placed to the millisecond.)
  const auto slot = next_probe_slot("a", minutes(20), seen["a"][0] - seconds(1));
  EXPECT_LE(slot, seen["a"][0]);
  EXPECT_GT(slot, seen["a"][0] - seconds(1));
}

TEST_F(SchedulerTest, ProbeOffsetsSpreadOverTheInterval) {
  std::set<std::int64_t> minutes_used;
  for (int i = 0; i < 100; ++i) {
    const auto slot = next_probe_slot("site-" + std::to_string(i), minutes(20), kStart);
    minutes_used.insert(duration_cast<minutes>(slot - kStart).count());
  }
  EXPECT_GT(minutes_used.size(), 15u);   // not all at once
}

TEST_F(SchedulerTest, PatrolFiresAtItsCronTime) {
  Scheduler s(config_with({"a", "b"}), clock.now());
  EXPECT_EQ(s.next_patrol("a"), kStart + minutes(1));
  clock.advance(seconds(59));
  EXPECT_TRUE(s.take_patrol(clock.now()).empty());
  clock.advance(seconds(1));
  EXPECT_EQ(s.take_patrol(clock.now()), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(s.patrol_running());
  EXPECT_EQ(s.next_patrol("a"), kStart + minutes(1) + hours(24));
}

// A re-check (issue 17) starts a patrol of its site at once, outside the site's schedule; a
// site the configuration does not have is refused.
TEST_F(SchedulerTest, ARequestedSiteIsPatrolledAtOnce) {
  Scheduler s(config_with({"a", "b"}), clock.now());
  EXPECT_TRUE(s.take_patrol(clock.now()).empty());  // the night is a minute away
  EXPECT_FALSE(s.request("unknown"));
  EXPECT_TRUE(s.request("b"));
  EXPECT_TRUE(s.request("b"));  // asked twice: one patrol
  EXPECT_EQ(s.take_patrol(clock.now()), std::vector<std::string>{"b"});
  s.patrol_finished();
  EXPECT_TRUE(s.take_patrol(clock.now()).empty());
  EXPECT_EQ(s.next_patrol("b"), kStart + minutes(1));  // its schedule is untouched
}

TEST_F(SchedulerTest, NextEventIsTheEarliestProbeOrPatrol) {
  Scheduler s(config_with({"a", "b"}), clock.now());
  EXPECT_EQ(s.next_event(), kStart);   // the first probes
  s.take_due_probes(clock.now());
  const auto expected = std::min({*s.next_probe("a"), *s.next_probe("b"), kStart + minutes(1)});
  EXPECT_EQ(s.next_event(), expected);
}

TEST_F(SchedulerTest, APatrolStillRunningIsNotStartedTwice) {
  Scheduler s(config_with({"a"}, "*/10 * * * * *"), clock.now());
  clock.set(kStart + seconds(10));
  ASSERT_EQ(s.take_patrol(clock.now()).size(), 1u);
  // It runs for 35 s: three more firings come and go.
  for (int i = 1; i <= 35; ++i) {
    clock.advance(seconds(1));
    EXPECT_TRUE(s.take_patrol(clock.now()).empty());
  }
  EXPECT_EQ(s.skipped(), 3);
  s.patrol_finished();
  EXPECT_TRUE(s.take_patrol(clock.now()).empty());   // nothing queued meanwhile
  clock.set(kStart + seconds(50));
  EXPECT_EQ(s.take_patrol(clock.now()).size(), 1u);
}

TEST_F(SchedulerTest, ASiteDueDuringAnotherPatrolIsQueuedForTheNext) {
  auto c = config_with({"a", "b"});
  c.schedule.sites["b"].patrol = std::vector{*config::CronExpr::parse("30 2 * * *")};
  Scheduler s(c, clock.now());
  clock.set(kStart + minutes(1));
  EXPECT_EQ(s.take_patrol(clock.now()), (std::vector<std::string>{"a"}));
  clock.set(kStart + minutes(31));
  EXPECT_TRUE(s.take_patrol(clock.now()).empty());
  EXPECT_EQ(s.queued(), 1u);
  s.patrol_finished();
  EXPECT_EQ(s.take_patrol(clock.now()), (std::vector<std::string>{"b"}));
  EXPECT_EQ(s.skipped(), 0);
}

TEST_F(SchedulerTest, PerSiteProbeSettingsAndReload) {
  auto c = config_with({"a", "b"});
  c.schedule.sites["b"].probes = false;
  Scheduler s(c, clock.now());
  EXPECT_EQ(s.take_due_probes(clock.now()), (std::vector<std::string>{"a"}));
  const auto slot_a = s.next_probe("a");
  EXPECT_FALSE(s.next_probe("b"));

  // Reload: a new site is probed at once; an unchanged site keeps its slot.
  clock.advance(seconds(5));
  auto reloaded = config_with({"a", "b", "c"});
  reloaded.schedule.sites["b"].probes = false;
  s.reconfigure(reloaded, clock.now());
  EXPECT_EQ(s.next_probe("a"), slot_a);
  EXPECT_EQ(s.take_due_probes(clock.now()), (std::vector<std::string>{"c"}));

  // A changed interval moves the site to its new slots.
  reloaded.schedule.probe_interval = minutes(5);
  s.reconfigure(reloaded, clock.now());
  EXPECT_EQ(s.next_probe("a"), next_probe_slot("a", minutes(5), clock.now()));
}

}  // namespace
}  // namespace sitepatrol::app
