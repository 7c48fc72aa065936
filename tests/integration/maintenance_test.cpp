// Maintenance windows (issue 12) through the real daemon and the real crawl: a site down
// inside its window raises no alert, adds no down probe to its availability and is recorded
// as in maintenance; the same outage outside a window is alerted as before; an alert raised
// inside a window is sent when it ends; the month's report lists the window and says why the
// site was not checked. And /metrics after a restart shows the sites' state read back from
// the database.
#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <ctime>

#include "tests/integration/daemon_helpers.h"
#include "tests/integration/daemon_receivers.h"
#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

struct TwoDownSites {
  TempDir dir{"sitepatrol-maintenance"};
  FixtureServer inside;   // down, in a maintenance window now
  FixtureServer outside;  // down, no window
  FixtureServer hooks;
  WebhookReceiver webhook{hooks, "/hook"};

  TwoDownSites() {
    for (FixtureServer* s : {&inside, &outside}) {
      s->route("/", [](const testsupport::HttpRequest&) {
        HttpReply r;
        r.status = 503;
        r.body = "<html><body>维护中</body></html>";
        return r;
      });
    }
  }

  std::string config() const {
    return std::string(kDaemonPatrol) + R"(resolve = [")" +
           resolve_entry("inside.example", inside) + "\", \"" +
           resolve_entry("outside.example", outside) +
           R"("]

[[site]]
id = "inside"
url = "http://inside.example:)" +
           std::to_string(inside.port()) + R"(/"
maintenance = [{ from = ")" +
           utc_minute(-std::chrono::hours(1)) + R"(", to = ")" + utc_minute(std::chrono::hours(2)) +
           R"(" },
               { cron = "0 3 * * 0", duration = "1h" }]

[[site]]
id = "outside"
url = "http://outside.example:)" +
           std::to_string(outside.port()) + R"(/"

[schedule]
patrol = "*/2 * * * * *"
probe_interval = "1s"
down_after = 2
ratio_min_probes = 1

[[alert]]
name = "ops"
kind = "webhook"
url = ")" + hooks.url("/hook") +
           R"("

[http]
listen = "127.0.0.1:0"
)";
  }

  testsupport::ProcessOptions env() const {
    testsupport::ProcessOptions o;
    o.timeout = 60s;
    o.env = {{"TZ", "UTC"}};
    return o;
  }
};

TEST(Maintenance, DaemonHoldsAlertsAndAvailabilityInsideTheWindowOnly) {
  TwoDownSites s;
  const auto file = s.dir.write_file("sites.toml", s.config());
  testsupport::ChildProcess daemon(
      {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, s.env());
  const unsigned short port = metrics_port(daemon);
  ASSERT_NE(port, 0) << daemon.err();

  // Outside the window: site_down as always.
  ASSERT_TRUE(eventually([&] { return !s.webhook.events("site_down", "outside").empty(); }, 20s))
      << daemon.err();
  // Let the window's site be probed and patrolled as often as the other one was.
  ASSERT_TRUE(eventually(
      [&] {
        const auto m = http_get(port, "/metrics").second;
        return metric(m, "sitepatrol_probes_total{site=\"inside\",result=\"maintenance\"}") >= 4 &&
               metric(m, "sitepatrol_patrols_total{result=\"finished\"}") >= 2;
      },
      30s))
      << daemon.err();
  std::this_thread::sleep_for(1500ms);  // any late alert arrives before counting

  const std::string m = http_get(port, "/metrics").second;
  EXPECT_EQ(parse_metrics(m).problem, "") << m;
  EXPECT_EQ(metric(m, "sitepatrol_site_maintenance{site=\"inside\"}"), 1);
  EXPECT_EQ(metric(m, "sitepatrol_site_maintenance{site=\"outside\"}"), 0);
  EXPECT_EQ(metric(m, "sitepatrol_probes_total{site=\"inside\",result=\"down\"}"), -1) << m;

  // Nothing was told about the site in its window.
  for (const auto& a : s.webhook.accepted()) EXPECT_NE(a["site"], "inside") << a.dump();
  EXPECT_FALSE(s.webhook.events("critical", "outside").empty());  // AVAIL-RATIO 0 %

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s).exit_code, 0);
  const auto db = s.dir.path() / "daemon.db";
  // Its probes did not count: none stored, so no AVAIL-RATIO; the other site has both.
  EXPECT_EQ(query(db, "SELECT count(*) FROM homepage_probes WHERE site = 'inside'"), "0");
  EXPECT_NE(query(db, "SELECT count(*) FROM homepage_probes WHERE site = 'outside'"), "0");
  EXPECT_EQ(query(db,
                  "SELECT count(*) FROM findings WHERE site = 'inside' AND code IN "
                  "('AVAIL-RATIO', 'AVAIL-DOWN')"),
            "0");
  EXPECT_EQ(query(db,
                  "SELECT count(*) FROM findings WHERE site = 'outside' AND code IN "
                  "('AVAIL-RATIO', 'AVAIL-DOWN')"),
            "2");
  // Its patrols recorded it as in maintenance, not down (the finished ones: SIGTERM may have
  // cut the last one short).
  const auto newest = [&](const std::string& column, const std::string& site) {
    return query(db, "SELECT rs." + column +
                         " FROM run_sites rs JOIN runs r ON r.id = rs.run_id "
                         "WHERE r.status = 'finished' AND rs.site = '" +
                         site + "' ORDER BY rs.run_id DESC");
  };
  EXPECT_EQ(newest("coverage", "inside"), "maintenance");
  EXPECT_NE(newest("coverage_reason", "inside").find("HTTP 503"), std::string::npos);
  EXPECT_EQ(newest("coverage", "outside"), "down");
}

// Alerts of a site in its window are held, not dropped: a dead homepage link found while the
// window lasts is told once it is over; the same link on a site without a window is told at
// once. The window ends 20 s after the test starts (a generous bound for the daemon to
// start and finish its first patrol).
TEST(Maintenance, HeldAlertsAreSentWhenTheWindowEnds) {
  TempDir dir{"sitepatrol-held"};
  FixtureServer planned;  // up, a dead link on its homepage, in a window for 20 s
  FixtureServer plain;    // the same, no window
  FixtureServer hooks;
  WebhookReceiver webhook{hooks, "/hook"};
  for (FixtureServer* s : {&planned, &plain})
    s->page("/", R"(<html><body><a href="/gone.html">失效链接</a></body></html>)");
  const std::time_t end = std::time(nullptr) + 20;
  const auto window_end = std::chrono::system_clock::from_time_t(end);
  const std::string to = utc_at(end, "%Y-%m-%dT%H:%M:%S");
  const auto file =
      dir.write_file("sites.toml", std::string(kDaemonPatrol) + R"(resolve = [")" +
                                       resolve_entry("planned.example", planned) + "\", \"" +
                                       resolve_entry("plain.example", plain) +
                                       R"("]

[[site]]
id = "planned"
url = "http://planned.example:)" + std::to_string(planned.port()) +
                                       R"(/"
maintenance = [{ from = ")" + utc_minute(-std::chrono::hours(1)) +
                                       R"(", to = ")" + to + R"(" }]

[[site]]
id = "plain"
url = "http://plain.example:)" + std::to_string(plain.port()) +
                                       R"(/"

[schedule]
patrol = "*/2 * * * * *"
probe_interval = "1h"

[[alert]]
name = "ops"
kind = "webhook"
url = ")" + hooks.url("/hook") + R"("
events = ["homepage_links"]

[http]
listen = "127.0.0.1:0"
)");
  testsupport::ProcessOptions env;
  env.timeout = 90s;
  env.env = {{"TZ", "UTC"}};
  testsupport::ChildProcess daemon(
      {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, env);
  const unsigned short port = metrics_port(daemon);
  ASSERT_NE(port, 0) << daemon.err();

  // The first patrol covers both sites: the plain one's alert comes, the planned one's waits.
  ASSERT_TRUE(eventually([&] { return !webhook.events("homepage_links", "plain").empty(); }, 18s))
      << daemon.err();
  ASSERT_LT(std::chrono::system_clock::now(), window_end - 1s)
      << "the first patrol ended after the window; the test cannot tell held from late";
  EXPECT_EQ(
      metric(http_get(port, "/metrics").second, "sitepatrol_site_maintenance{site=\"planned\"}"),
      1);
  while (std::chrono::system_clock::now() < window_end - 500ms) {
    ASSERT_TRUE(webhook.events("homepage_links", "planned").empty())
        << "told inside the window: " << webhook.events("homepage_links", "planned")[0].dump();
    std::this_thread::sleep_for(100ms);
  }

  // Once the window is over: told, once, with the link that was found inside it.
  ASSERT_TRUE(eventually([&] { return !webhook.events("homepage_links", "planned").empty(); }, 20s))
      << daemon.err();
  std::this_thread::sleep_for(2500ms);  // later patrols find the link again, not anew
  const auto told = webhook.events("homepage_links", "planned");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_NE(told[0].dump().find("gone.html"), std::string::npos) << told[0].dump();
  EXPECT_EQ(webhook.events("homepage_links", "plain").size(), 1u);
  EXPECT_EQ(
      metric(http_get(port, "/metrics").second, "sitepatrol_site_maintenance{site=\"planned\"}"),
      0);
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s).exit_code, 0);
}

TEST(Maintenance, CrawlMarksTheSiteInMaintenanceNotDown) {
  FixtureServer server;
  server.route("/", [](const testsupport::HttpRequest&) {
    HttpReply r;
    r.status = 503;
    r.body = "<html><body>维护中</body></html>";
    return r;
  });
  const std::string from = utc_minute(-std::chrono::hours(1));
  const std::string to = utc_minute(std::chrono::hours(1));
  Patrol patrol(server, "maintenance = [{ from = \"" + from + "\", to = \"" + to + "\" }]");
  patrol.env("TZ", "UTC");
  const auto round = patrol.round();
  EXPECT_EQ(round.crawl.exit_code, 0) << round.crawl.err;
  EXPECT_TRUE(round.findings.with_code("AVAIL-DOWN").empty()) << round.findings.describe();
  EXPECT_EQ(query(patrol.database_path(), "SELECT coverage FROM run_sites"), "maintenance");

  // The month's report lists the window and says why the site was not checked.
  const std::string month = utc_text({}, "%Y-%m");  // the run's month
  const auto report = [&](const std::string& format) {
    const auto r = patrol.run(
        {"report", "-c", patrol.config_path().string(), "--month", month, "--format", format});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  const std::string md = report("md");
  const auto shown = [](std::string t) { return t.replace(10, 1, " "); };  // T -> space
  const std::string window = shown(from) + " – " + shown(to);
  EXPECT_NE(md.find("本月维护窗口"), std::string::npos) << md;
  EXPECT_NE(md.find(window), std::string::npos) << md;
  EXPECT_NE(md.find("维护窗口内首页无法访问（" + window + "; HTTP 503）"), std::string::npos) << md;
  const auto json = nlohmann::json::parse(report("json"));
  const auto& site = json.at("sites").at(0);
  EXPECT_EQ(site.at("coverage").at("state"), "maintenance") << site.dump();
  EXPECT_EQ(site.at("runs_down"), 0) << site.dump();  // the outage was planned
  ASSERT_EQ(site.at("maintenance").size(), 1u) << site.dump();
  EXPECT_EQ(site.at("maintenance").at(0).at("window"), window) << site.dump();
}

TEST(Maintenance, CrawlOutsideTheWindowIsDown) {
  FixtureServer server;
  server.route("/", [](const testsupport::HttpRequest&) {
    HttpReply r;
    r.status = 503;
    return r;
  });
  Patrol patrol(server,
                "maintenance = [{ from = \"2020-01-01T00:00\", to = \"2020-01-02T00:00\" }]");
  patrol.env("TZ", "UTC");
  const auto round = patrol.round();
  EXPECT_FALSE(round.findings.with_code("AVAIL-DOWN").empty()) << round.crawl.err;
  EXPECT_EQ(query(patrol.database_path(), "SELECT coverage FROM run_sites"), "down");
}

// A restarted daemon's /metrics shows the findings, last successful patrol and certificate
// state it had before, read from the database, before any new patrol or probe.
TEST(DaemonMetricsRestore, SiteGaugesSurviveARestart) {
  TempDir dir{"sitepatrol-restore"};
  FixtureServer site;
  site.page("/", R"(<html><body><a href="/missing.html">失效</a></body></html>)");
  const auto config = [&](const std::string& patrol) {
    return std::string(kDaemonPatrol) + R"(resolve = [")" + resolve_entry("links.example", site) +
           R"("]

[[site]]
id = "links"
url = "http://links.example:)" +
           std::to_string(site.port()) + R"(/"

[schedule]
patrol = ")" +
           patrol + R"("
probe_interval = "1h"

[http]
listen = "127.0.0.1:0"
)";
  };
  testsupport::ProcessOptions env;
  env.env = {{"TZ", "UTC"}};
  const std::string broken = "sitepatrol_findings{site=\"links\",code=\"LINK-BROKEN\"";
  {
    const auto file = dir.write_file("sites.toml", config("*/2 * * * * *"));
    testsupport::ChildProcess daemon(
        {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, env);
    const unsigned short port = metrics_port(daemon);
    ASSERT_NE(port, 0) << daemon.err();
    ASSERT_TRUE(
        eventually([&] { return metric(http_get(port, "/metrics").second, broken) >= 1; }, 20s))
        << daemon.err();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait(10s).exit_code, 0);
  }
  // Patrols once a year now: whatever /metrics shows comes from the database.
  const auto file = dir.write_file("sites.toml", config("0 0 1 1 *"));
  testsupport::ChildProcess daemon(
      {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, env);
  const unsigned short port = metrics_port(daemon);
  ASSERT_NE(port, 0) << daemon.err();
  const std::string m = http_get(port, "/metrics").second;
  EXPECT_EQ(parse_metrics(m).problem, "") << m;
  EXPECT_GE(metric(m, broken), 1) << m;
  EXPECT_GT(metric(m, "sitepatrol_last_successful_patrol_timestamp_seconds{site=\"links\"}"), 1.7e9)
      << m;
  EXPECT_EQ(metric(m, "sitepatrol_patrols_total"), -1);  // counters start again, as they may
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s).exit_code, 0);
}

}  // namespace
}  // namespace sitepatrol::integration
