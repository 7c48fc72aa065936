#include "alerts/dispatcher.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <deque>

#include "tests/support/temp_dir.h"

namespace sitepatrol::alerts {
namespace {

using namespace std::chrono;

// Records every send; fails while `failures` has entries (one popped per send).
class FakeSender final : public Sender {
 public:
  std::expected<void, std::string> send(const config::AlertChannel& channel,
                                        const Alert& alert) override {
    sent.push_back({channel.name, alert.key});
    if (!failures.empty()) {
      auto error = failures.front();
      failures.pop_front();
      return std::unexpected(error);
    }
    return {};
  }
  std::vector<std::pair<std::string, std::string>> sent;
  std::deque<std::string> failures;
};

config::AlertChannel channel(std::string name, std::vector<std::string> events = {},
                             std::vector<std::string> sites = {}) {
  config::AlertChannel c;
  c.name = std::move(name);
  c.kind = "webhook";
  c.url = "http://hooks.example/";
  c.events = events.empty() ? config::alert_events() : std::move(events);
  c.sites = std::move(sites);
  c.retry_after = seconds(30);
  c.max_attempts = 3;
  return c;
}

Alert alert(std::string event, std::string site, std::string key) {
  Alert a;
  a.event = std::move(event);
  a.site = std::move(site);
  a.key = std::move(key);
  a.title = "t";
  a.text = "x";
  return a;
}

class DispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("TZ", "UTC", 1);
    tzset();
    auto opened = store::open_sqlite(dir_ / "alerts.db");
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }
  void TearDown() override {
    unsetenv("TZ");
    tzset();
  }
  // 2026-11-25 12:00:00 UTC plus `s` seconds: the fake clock.
  static system_clock::time_point at(int s) {
    return system_clock::from_time_t(1795608000) + seconds(s);
  }

  testsupport::TempDir dir_{"sitepatrol-dispatch"};
  std::unique_ptr<store::Store> store_;
  FakeSender sender_;
};

TEST_F(DispatcherTest, EachAlertOncePerChannelThatWantsIt) {
  const std::vector<config::AlertChannel> channels = {
      channel("all"), channel("downs", {"site_down"}), channel("other-site", {}, {"cj-msa"})};
  auto added = enqueue(*store_, alert("site_down", "hb-jtt", "k1"), channels, at(0));
  ASSERT_TRUE(added);
  EXPECT_EQ(*added, 2);   // "other-site" only wants cj-msa
  // Noticed again (a restart, a second look): nothing new.
  EXPECT_EQ(*enqueue(*store_, alert("site_down", "hb-jtt", "k1"), channels, at(5)), 0);
  EXPECT_EQ(*enqueue(*store_, alert("dead_links", "hb-jtt", "k2"), channels, at(5)), 1);

  Dispatcher d(*store_, sender_);
  const auto report = d.deliver(channels, at(6));
  EXPECT_EQ(report.sent, 3);
  EXPECT_EQ(report.store_error, "");
  EXPECT_EQ(d.deliver(channels, at(100)).sent, 0);   // sent means sent
  EXPECT_EQ(sender_.sent.size(), 3u);
  auto history = store_->alert_history(10);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 3u);
  for (const auto& row : *history) {
    EXPECT_EQ(row.status, "sent");
    EXPECT_EQ(row.attempts, 1);
    EXPECT_EQ(row.sent_ms, unix_ms(at(6)));
  }
}

TEST_F(DispatcherTest, FailedSendsAreRetriedWithBackoffThenGivenUp) {
  const std::vector<config::AlertChannel> channels = {channel("hook")};
  ASSERT_TRUE(enqueue(*store_, alert("site_down", "hb-jtt", "k"), channels, at(0)));
  Dispatcher d(*store_, sender_);
  sender_.failures = {"HTTP 500", "timeout"};

  EXPECT_EQ(d.deliver(channels, at(0)).failed_attempts, 1);
  EXPECT_EQ(d.deliver(channels, at(29)).failed_attempts, 0);   // not yet: 30 s
  EXPECT_EQ(d.deliver(channels, at(30)).failed_attempts, 1);
  EXPECT_EQ(d.deliver(channels, at(89)).sent, 0);              // doubled: 60 s after the 2nd
  EXPECT_EQ(d.deliver(channels, at(90)).sent, 1);
  EXPECT_EQ(sender_.sent.size(), 3u);
  auto history = store_->alert_history(1);
  EXPECT_EQ((*history)[0].status, "sent");
  EXPECT_EQ((*history)[0].attempts, 3);

  // A channel that never takes it: marked failed after max_attempts (3).
  ASSERT_TRUE(enqueue(*store_, alert("site_up", "hb-jtt", "k-up"), channels, at(100)));
  sender_.failures = {"a", "b", "c", "d"};
  d.deliver(channels, at(100));
  d.deliver(channels, at(130));
  const auto last = d.deliver(channels, at(200));
  EXPECT_EQ(last.given_up, 1);
  history = store_->alert_history(1);
  EXPECT_EQ((*history)[0].status, "failed");
  EXPECT_EQ((*history)[0].last_error, "c");
  EXPECT_EQ(d.deliver(channels, at(10000)).failed_attempts, 0);
}

TEST_F(DispatcherTest, QuietHoursHoldAlertsUntilTheyEnd) {
  auto night = channel("night");
  night.quiet_hours = config::parse_quiet_hours("11:00-13:00");   // at(0) is 12:00 UTC
  const std::vector<config::AlertChannel> channels = {night, channel("day")};
  ASSERT_TRUE(enqueue(*store_, alert("site_down", "hb-jtt", "k"), channels, at(0)));
  Dispatcher d(*store_, sender_);
  EXPECT_EQ(d.deliver(channels, at(0)).sent, 1);              // "day" at once
  EXPECT_EQ(d.deliver(channels, at(3599)).sent, 0);
  EXPECT_EQ(d.deliver(channels, at(3600)).sent, 1);           // 13:00: "night"
  ASSERT_EQ(sender_.sent.size(), 2u);
  EXPECT_EQ(sender_.sent[1].first, "night");
  EXPECT_EQ(release_time(night, at(0)), at(3600));
  EXPECT_EQ(release_time(night, at(3600)), at(3600));
}

TEST_F(DispatcherTest, AChannelRemovedByAReloadFailsItsAlerts) {
  ASSERT_TRUE(enqueue(*store_, alert("site_down", "hb-jtt", "k"), std::vector{channel("old")}, at(0)));
  Dispatcher d(*store_, sender_);
  EXPECT_EQ(d.deliver(std::vector{channel("new")}, at(1)).given_up, 1);
  EXPECT_TRUE(sender_.sent.empty());
  EXPECT_NE((*store_->alert_history(1))[0].last_error.find("no longer configured"),
            std::string::npos);
}

store::FindingRow dead_link(std::string page, std::string subject) {
  store::FindingRow row;
  row.finding.site = "hb-jtt";
  row.finding.code = "LINK-BROKEN";
  row.finding.page = std::move(page);
  row.finding.subject = std::move(subject);
  row.status = "new";
  return row;
}

TEST(ForChannel, TheDigestLeavesOutWhatHomepageLinksTold) {
  Alert digest;
  digest.event = "dead_links";
  digest.site = "hb-jtt";
  digest.url = "http://www.site.example/";
  digest.findings = {dead_link("http://www.site.example/", "http://www.site.example/a.pdf"),
                     dead_link("http://www.site.example/news/", "http://www.site.example/b.pdf")};
  // Both events on one channel: the homepage's link only once.
  const auto both = for_channel(digest, channel("ops"));
  ASSERT_TRUE(both);
  ASSERT_EQ(both->findings.size(), 1u);
  EXPECT_EQ(both->findings[0].finding.subject, "http://www.site.example/b.pdf");
  // A channel that wants only the digest gets every link.
  const auto only = for_channel(digest, channel("digest", {"dead_links"}));
  ASSERT_TRUE(only);
  EXPECT_EQ(only->findings.size(), 2u);
  // Nothing left but homepage links: no digest at all.
  digest.findings.pop_back();
  EXPECT_FALSE(for_channel(digest, channel("ops")));
  EXPECT_FALSE(for_channel(digest, channel("down", {"site_down"})));
}

Alert links_alert(std::string event, std::string key, std::vector<store::FindingRow> rows) {
  Alert a = alert(std::move(event), "hb-jtt", std::move(key));
  a.url = "http://www.site.example/";
  a.findings = std::move(rows);
  return a;
}

// What the history holds for `channel`, oldest first: "event key: subject subject ...".
std::vector<std::string> told(store::Store& store, const std::string& channel) {
  std::vector<std::string> out;
  auto rows = store.alert_history(100);
  for (auto it = rows->rbegin(); it != rows->rend(); ++it) {
    if (it->channel != channel) continue;
    std::string line = it->event + " " + it->key + ":";
    const auto alert = alert_from_json(it->payload);
    for (const auto& row : alert->findings)
      line += " " + row.finding.subject.substr(row.finding.subject.rfind('/') + 1);
    out.push_back(line);
  }
  return out;
}

// The daemon scans a running patrol's homepage links every few minutes; the patrol's end
// raises homepage_links again and the dead_links digest, all keyed by the run. A homepage
// link found after the first scan used to be in no alert at all on a channel taking both
// events (its homepage_links key was taken, and the digest left out the homepage's links).
TEST_F(DispatcherTest, EachDeadLinkIsToldOncePerChannelAndRun) {
  const std::string home = "http://www.site.example/";
  const auto a = dead_link(home, "http://www.site.example/a.pdf");
  const auto b = dead_link(home, "http://www.site.example/b.pdf");
  const auto c = dead_link("http://www.site.example/news/", "http://www.site.example/c.pdf");
  const std::vector<config::AlertChannel> channels = {
      channel("ops", {"homepage_links", "dead_links"}), channel("home", {"homepage_links"}),
      channel("digest", {"dead_links"})};
  const auto patrol_end = [&] {
    std::vector<Alert> out = {links_alert("homepage_links", "homepage_links:hb-jtt:run7", {a, b}),
                              links_alert("dead_links", "dead_links:hb-jtt:run7", {a, b, c})};
    return out;
  };
  // Mid-patrol scans: a first, then a again (nothing new), and a neighbouring run's key.
  ASSERT_EQ(*enqueue(*store_, links_alert("homepage_links", "homepage_links:hb-jtt:run7", {a}),
                     channels, at(0)), 2);
  EXPECT_EQ(*enqueue(*store_, links_alert("homepage_links", "homepage_links:hb-jtt:run7", {a}),
                     channels, at(60)), 0);
  for (const auto& end : patrol_end()) ASSERT_TRUE(enqueue(*store_, end, channels, at(120)));

  EXPECT_EQ(told(*store_, "ops"),
            (std::vector<std::string>{"homepage_links homepage_links:hb-jtt:run7: a.pdf",
                                      "homepage_links homepage_links:hb-jtt:run7:2: b.pdf",
                                      "dead_links dead_links:hb-jtt:run7: c.pdf"}));
  EXPECT_EQ(told(*store_, "home"),
            (std::vector<std::string>{"homepage_links homepage_links:hb-jtt:run7: a.pdf",
                                      "homepage_links homepage_links:hb-jtt:run7:2: b.pdf"}));
  EXPECT_EQ(told(*store_, "digest"),
            (std::vector<std::string>{"dead_links dead_links:hb-jtt:run7: a.pdf b.pdf c.pdf"}));

  // The daemon restarts and raises the finished run's alerts again: nothing new.
  for (const auto& end : patrol_end()) EXPECT_EQ(*enqueue(*store_, end, channels, at(300)), 0);
  // Run 70 is another run, though its key starts with "run7".
  EXPECT_EQ(*enqueue(*store_, links_alert("homepage_links", "homepage_links:hb-jtt:run70", {a}),
                     channels, at(400)), 2);
}

TEST(RetryDelay, DoublesUpToAnHour) {
  auto c = channel("c");
  EXPECT_EQ(retry_delay(c, 1), seconds(30));
  EXPECT_EQ(retry_delay(c, 2), seconds(60));
  EXPECT_EQ(retry_delay(c, 4), seconds(240));
  EXPECT_EQ(retry_delay(c, 20), hours(1));
}

}  // namespace
}  // namespace sitepatrol::alerts
