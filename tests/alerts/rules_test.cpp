#include "alerts/rules.h"

#include <gtest/gtest.h>

namespace sitepatrol::alerts {
namespace {

config::SiteConfig site(std::string id = "hb-jtt") {
  config::SiteConfig s;
  s.id = std::move(id);
  s.name = "湖北省交通运输厅";
  s.url = "http://www.site.example/";
  return s;
}

// Probes newest first: "u" up, "d" down, e.g. "ddu" = two failures after an up.
std::vector<store::ProbeRecord> history(std::string_view newest_first) {
  std::vector<store::ProbeRecord> out;
  std::int64_t t = 1'000'000;
  for (char c : newest_first) {
    store::ProbeRecord p;
    p.site = "hb-jtt";
    p.at_ms = t;
    p.up = c == 'u';
    p.status = p.up ? 200 : 503;
    p.error = p.up ? "" : "HTTP 503";
    out.push_back(p);
    t -= 60'000;
  }
  return out;
}

TEST(ProbeAlert, DownAfterNConsecutiveFailures) {
  const auto s = site();
  EXPECT_FALSE(probe_alert(s, history("u"), 3));
  EXPECT_FALSE(probe_alert(s, history("d"), 3));
  EXPECT_FALSE(probe_alert(s, history("ddu"), 3));
  auto down = probe_alert(s, history("dddu"), 3);
  ASSERT_TRUE(down);
  EXPECT_EQ(down->event, "site_down");
  EXPECT_EQ(down->site, "hb-jtt");
  EXPECT_EQ(down->key, "site_down:hb-jtt:1000000");
  EXPECT_NE(down->text.find("HTTP 503"), std::string::npos);
  // The very first probes of a site may complete the streak too.
  EXPECT_TRUE(probe_alert(s, history("ddd"), 3));
}

TEST(ProbeAlert, DownSaysSinceTheStreaksFirstFailure) {
  auto down = probe_alert(site(), history("dddu"), 3);
  ASSERT_TRUE(down && down->since);
  EXPECT_EQ(unix_ms(*down->since), 1'000'000 - 2 * 60'000);  // the oldest of the three
  EXPECT_EQ(down->down_after, 3);
  EXPECT_EQ(down->probe_error, "HTTP 503");
}

TEST(ProbeAlert, UpGivesTheWholeOutage) {
  // Ten failures, longer than down_after: the outage began with the oldest of them.
  auto up = probe_alert(site(), history("uddddddddddu"), 3);
  ASSERT_TRUE(up && up->since && up->outage);
  EXPECT_EQ(unix_ms(*up->since), 1'000'000 - 10 * 60'000);
  EXPECT_EQ(up->outage->count(), 10 * 60);
  EXPECT_EQ(up->probe_status, 200);
}

TEST(ProbeAlert, ALongerStreakDoesNotRepeat) {
  EXPECT_FALSE(probe_alert(site(), history("dddd"), 3));
  EXPECT_FALSE(probe_alert(site(), history("ddddu"), 3));
}

TEST(ProbeAlert, RecoveryFollowsOnlyADownSite) {
  auto up = probe_alert(site(), history("udddu"), 3);
  ASSERT_TRUE(up);
  EXPECT_EQ(up->event, "site_up");
  EXPECT_EQ(up->key, "site_up:hb-jtt:1000000");
  EXPECT_FALSE(probe_alert(site(), history("uddu"), 3));   // never reported down
  EXPECT_FALSE(probe_alert(site(), history("uu"), 3));
  EXPECT_TRUE(probe_alert(site(), history("ud"), 1));
}

store::FindingRow row(std::string site, std::string code, checks::Severity severity,
                      std::string subject, std::string page, std::string status = "new") {
  store::FindingRow r;
  r.finding = checks::Finding{std::move(site), std::move(code), severity, std::move(subject),
                              std::move(page), "HTTP 404"};
  r.status = std::move(status);
  return r;
}

TEST(RunAlerts, GroupsNewFindingsPerSite) {
  const std::vector<config::SiteConfig> sites = {site("hb-jtt"), site("cj-msa")};
  const std::string home = "http://www.site.example/";
  const std::vector<store::FindingRow> rows = {
      row("hb-jtt", "LINK-BROKEN", checks::Severity::error, home + "a.pdf", home),
      row("hb-jtt", "LINK-TIMEOUT", checks::Severity::error, home + "b.html", home + "tzgg/"),
      row("hb-jtt", "LINK-BROKEN", checks::Severity::error, home + "old.pdf", home, "open"),
      row("hb-jtt", "SEC-DARKLINK", checks::Severity::critical, "http://casino.example/", home),
      row("hb-jtt", "AVAIL-DOWN", checks::Severity::critical, home, home),
      row("hb-jtt", "LINK-UNAPPROVED", checks::Severity::warning, "x.example", home),
  };
  const auto now = std::chrono::system_clock::time_point(std::chrono::hours(500000));
  const auto alerts = run_alerts(7, rows, sites, now);
  ASSERT_EQ(alerts.size(), 3u);
  EXPECT_EQ(alerts[0].event, "homepage_links");
  EXPECT_EQ(alerts[0].key, "homepage_links:hb-jtt:run7");
  ASSERT_EQ(alerts[0].findings.size(), 1u);
  EXPECT_EQ(alerts[0].findings[0].finding.subject, home + "a.pdf");
  EXPECT_EQ(alerts[1].event, "critical");
  ASSERT_EQ(alerts[1].findings.size(), 1u);   // AVAIL-DOWN is the probes' business
  EXPECT_EQ(alerts[1].findings[0].finding.code, "SEC-DARKLINK");
  EXPECT_EQ(alerts[2].event, "dead_links");
  EXPECT_EQ(alerts[2].key, "dead_links:hb-jtt:run7");
  EXPECT_EQ(alerts[2].findings.size(), 2u);   // the open one was told before
  EXPECT_NE(alerts[2].text.find("(on " + home + "tzgg/)"), std::string::npos) << alerts[2].text;

  const auto early = run_alerts(7, rows, sites, now, /*homepage_only=*/true);
  ASSERT_EQ(early.size(), 1u);
  EXPECT_EQ(early[0].key, alerts[0].key);   // the same event: queued once
}

TEST(RunAlerts, NothingNewNothingSaid) {
  const std::vector<config::SiteConfig> sites = {site()};
  const std::vector<store::FindingRow> rows = {
      row("hb-jtt", "LINK-BROKEN", checks::Severity::error, "http://x/a", "http://x/", "open"),
      row("hb-jtt", "SEC-SPAM", checks::Severity::critical, "http://x/", "http://x/", "resolved")};
  EXPECT_TRUE(run_alerts(8, rows, sites, {}).empty());
}

// 人工复核: a new finding a review sets aside is not told; one whose review lapsed is.
TEST(RunAlerts, AFindingSetAsideByAReviewIsNotTold) {
  const std::vector<config::SiteConfig> sites = {site()};
  const std::string home = "http://www.site.example/";
  store::FindingRow dark =
      row("hb-jtt", "SEC-DARKLINK", checks::Severity::critical, "http://casino.example/", home);
  store::ReviewRecord review;
  review.verdict = "false_alarm";
  review.reason = "the partner's sponsor link, hidden on purpose";
  dark.review = store::FindingReview{review, ""};
  store::FindingRow broken =
      row("hb-jtt", "LINK-BROKEN", checks::Severity::error, home + "a.pdf", home);
  broken.review = store::FindingReview{review, "changed"};
  const auto alerts = run_alerts(9, std::vector{dark, broken}, sites, {});
  ASSERT_EQ(alerts.size(), 2u);
  EXPECT_EQ(alerts[0].event, "homepage_links");
  EXPECT_EQ(alerts[1].event, "dead_links");
  for (const Alert& a : alerts) {
    ASSERT_EQ(a.findings.size(), 1u);
    EXPECT_EQ(a.findings[0].finding.code, "LINK-BROKEN");
  }
}

}  // namespace
}  // namespace sitepatrol::alerts
