// `sitepatrol daemon` end to end: the real binary against loopback sites, a webhook receiver
// and an SMTP receiver, on a seconds-granularity schedule (six-field cron, 1 s probes).
// What an operator relies on: each alert arrives once, recovery follows a down alert, a
// failing webhook is retried until it takes the alert, SIGHUP reloads (a bad file is
// refused and the daemon keeps running), SIGTERM stops it within seconds leaving a
// consistent database, and /metrics is Prometheus text.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <unistd.h>

#include <csignal>
#include <fstream>
#include <regex>
#include <thread>

#include "tests/integration/daemon_helpers.h"
#include "tests/integration/daemon_receivers.h"
#include "tests/integration/patrol_harness.h"
#include "tests/support/test_database.h"

namespace sitepatrol::integration {
namespace {

struct DaemonSetup {
  TempDir dir{"sitepatrol-daemon"};
  FixtureServer site;   // links.example: patrolled every 3 s, never probed
  FixtureServer flaky;  // flaky.example: probed every second, never patrolled
  FixtureServer hooks;  // webhook receivers
  SmtpReceiver smtp;
  std::atomic<bool> down{false};
  WebhookReceiver webhook{hooks, "/hook"};
  WebhookReceiver failing{hooks, "/failing", 2};
  WebhookReceiver robot{hooks, "/robot"};

  DaemonSetup() {
    site.page("/", R"(<html><head><title>示范</title></head><body>
      <a href="/ok.html">通知公告</a> <a href="/missing.html">失效</a>
      <div style="display:none"><a href="http://casino.example/">博彩</a></div>
      </body></html>)");
    site.page("/ok.html", "<html><body><a href=\"/gone.pdf\">附件</a></body></html>");
    flaky.route("/", [this](const testsupport::HttpRequest&) {
      HttpReply r;
      r.status = down ? 503 : 200;
      r.body = "<html><body>flaky</body></html>";
      return r;
    });
  }

  std::string config(const std::string& extra_site = "") const {
    const auto host = [](std::string_view name, const FixtureServer& s) {
      return std::string(name) + ":" + std::to_string(s.port()) + ":127.0.0.1";
    };
    std::string text = R"([patrol]
database = "daemon.db"
timeout_s = 5
per_host_delay_ms = 0
check_external_links = false
resolve = [")" + host("links.example", site) +
                       "\", \"" + host("flaky.example", flaky) + R"("]

[[site]]
id = "links"
name = "示范省交通运输厅"
url = "http://links.example:)" +
                       std::to_string(site.port()) + R"(/"

[[site]]
id = "flaky"
url = "http://flaky.example:)" +
                       std::to_string(flaky.port()) + R"(/"
)" + extra_site + R"(
[schedule]
patrol = "*/3 * * * * *"
probe_interval = "1s"
down_after = 2
  [schedule.site.links]
  probes = false
  [schedule.site.flaky]
  patrol = "0 0 1 1 *"

[[alert]]
name = "ops"
kind = "webhook"
url = ")" + hooks.url("/hook") +
                       R"("

[[alert]]
name = "unreliable"
kind = "webhook"
url = ")" + hooks.url("/failing") +
                       R"("
events = ["site_down"]
retry_after = "1s"

[[alert]]
name = "robot"
kind = "dingtalk"
url_env = "SITEPATROL_TEST_ROBOT_URL"
secret_env = "SITEPATROL_TEST_ROBOT_SECRET"
events = ["site_down", "site_up"]

[[alert]]
name = "mail"
kind = "email"
smtp_url = "smtp://127.0.0.1:)" +
                       std::to_string(smtp.port()) + R"("
starttls = false
from = "sitepatrol@example.org"
to = ["webmaster@example.org"]
events = ["site_down"]
sites = ["flaky"]

[http]
listen = "127.0.0.1:0"
)";
    return text;
  }

  std::filesystem::path write(const std::string& text) const {
    return dir.write_file("sites.toml", text);
  }

  testsupport::ProcessOptions env() const {
    testsupport::ProcessOptions o;
    o.timeout = 60s;
    o.env = {{"SITEPATROL_TEST_ROBOT_URL", hooks.url("/robot")},
             {"SITEPATROL_TEST_ROBOT_SECRET", "SEC-test"},
             {"TZ", "UTC"}};
    return o;
  }
};

// The flaky homepage goes down: one site_down after two failed probes, on every channel
// that wants it (the failing webhook gets it on its third try); it comes back: site_up. Then
// two patrols of the links site: its findings are new in the first and open in the second.
void go_down_and_up(DaemonSetup& s, unsigned short port, const testsupport::ChildProcess& daemon) {
  ASSERT_TRUE(eventually([&] {
    return http_get(port, "/metrics")
               .second.find("sitepatrol_probes_total{site=\"flaky\",result=\"up\"}") !=
           std::string::npos;
  })) << daemon.err();
  s.down = true;
  ASSERT_TRUE(eventually([&] { return !s.webhook.events("site_down", "flaky").empty(); }))
      << daemon.err();
  ASSERT_TRUE(eventually([&] { return !s.failing.accepted().empty(); })) << daemon.err();
  ASSERT_TRUE(eventually([&] { return !s.smtp.messages().empty(); })) << daemon.err();
  ASSERT_TRUE(eventually([&] { return !s.robot.accepted().empty(); })) << daemon.err();
  s.down = false;
  ASSERT_TRUE(eventually([&] { return !s.webhook.events("site_up", "flaky").empty(); }))
      << daemon.err();
  ASSERT_TRUE(eventually(
      [&] {
        return metric(http_get(port, "/metrics").second,
                      "sitepatrol_patrols_total{result=\"finished\"}") >= 2;
      },
      20s))
      << daemon.err();
  // Let any late duplicate arrive before counting.
  std::this_thread::sleep_for(1500ms);
}

// The history, as `alert history` shows it: the failing webhook's delivery took three tries.
void expect_retried_delivery_in_history(const DaemonSetup& s, const std::filesystem::path& file) {
  const auto history = testsupport::run_process(
      {testsupport::sitepatrol_binary(), "alert", "history", "-c", file.string()}, s.env());
  EXPECT_EQ(history.exit_code, 0) << history.err;
  EXPECT_TRUE(
      std::regex_search(history.out, std::regex(R"(unreliable +site_down +flaky +sent +3 )")))
      << history.out;
}

TEST(Daemon, AlertsOnceRecoveryRetriesReloadAndCleanStop) {
  DaemonSetup s;
  const auto file = s.write(s.config());
  testsupport::ChildProcess daemon(
      {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, s.env());
  const unsigned short port = metrics_port(daemon);
  ASSERT_NE(port, 0) << daemon.err();
  EXPECT_EQ(http_get(port, "/healthz"), (std::pair<int, std::string>{200, "ok\n"}));

  ASSERT_NO_FATAL_FAILURE(go_down_and_up(s, port, daemon));

  const auto down = s.webhook.events("site_down", "flaky");
  ASSERT_EQ(down.size(), 1u);
  EXPECT_EQ(down[0]["url"], site_url("flaky.example", s.flaky.port()));
  EXPECT_TRUE(std::regex_match(down[0]["time"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  // Since when, from the stored probes; back up with the outage's length, however many
  // probes beyond down_after failed while the test waited for the other channels.
  const auto since = down[0]["since"].get<std::string>();
  EXPECT_LE(since, down[0]["time"].get<std::string>());  // 1 s probes: maybe the same second
  EXPECT_EQ(down[0]["probe"]["down_after"], 2);
  const auto up = s.webhook.events("site_up", "flaky");
  ASSERT_EQ(up.size(), 1u);
  EXPECT_EQ(up[0]["since"], since);
  EXPECT_GE(up[0]["outage_s"].get<int>(), 1);
  EXPECT_NE(up[0]["text"].get<std::string>().find("恢复访问"), std::string::npos) << up[0].dump();
  EXPECT_EQ(s.failing.accepted().size(), 1u);  // site_down only, once
  EXPECT_EQ(s.failing.bodies().size(), 3u);    // two 500s, then accepted
  EXPECT_EQ(s.failing.bodies()[0], s.failing.bodies()[2]);
  EXPECT_EQ(s.smtp.messages().size(), 1u);
  EXPECT_NE(s.smtp.messages()[0].find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(s.smtp.messages()[0].find("X-Sitepatrol-Event: site_down"), std::string::npos);
  // DingTalk: markdown message, signed URL.
  ASSERT_EQ(s.robot.accepted().size(), 2u);
  EXPECT_EQ(s.robot.accepted()[0]["msgtype"], "markdown");
  const auto robot_requests = s.hooks.requests();
  EXPECT_TRUE(std::ranges::any_of(robot_requests, [](const testsupport::HttpRequest& r) {
    return r.target.starts_with("/robot?timestamp=") &&
           r.target.find("&sign=") != std::string::npos;
  }));

  // The links site: broken links on the homepage told once, the digest once (without them),
  // the dark link (critical) once, although every patrol sees them.
  const auto homepage = s.webhook.events("homepage_links", "links");
  ASSERT_EQ(homepage.size(), 1u);
  EXPECT_EQ(homepage[0]["findings"][0]["subject"],
            site_url("links.example", s.site.port(), "/missing.html"));
  const auto digest = s.webhook.events("dead_links", "links");
  ASSERT_EQ(digest.size(), 1u);
  // gone.pdf; missing.html went as homepage_links to this channel already.
  ASSERT_EQ(digest[0]["findings"].size(), 1u) << digest[0].dump();
  EXPECT_EQ(digest[0]["findings"][0]["subject"],
            site_url("links.example", s.site.port(), "/gone.pdf"));
  EXPECT_EQ(s.webhook.events("critical", "links").size(), 1u);
  EXPECT_TRUE(s.webhook.events("site_down", "links").empty());

  // /metrics parses as Prometheus text and counts what happened.
  const std::string metrics = http_get(port, "/metrics").second;
  EXPECT_EQ(parse_metrics(metrics).problem, "") << metrics;
  EXPECT_GE(
      metric(metrics, "sitepatrol_alert_sends_total{channel=\"unreliable\",result=\"failed\"}"), 2);
  EXPECT_GE(metric(metrics,
                   "sitepatrol_findings{site=\"links\",code=\"LINK-BROKEN\",severity=\"error\"}"),
            2);
  EXPECT_GE(metric(metrics, "sitepatrol_pages_total"), 2);

  // SIGHUP with a broken file: refused, still running. Then a good file with a third site.
  s.write("[schedule]\nprobe_interval = \"soon\"\n");
  daemon.signal(SIGHUP);
  ASSERT_TRUE(daemon.wait_for_output("reload failed", 5s)) << daemon.err();
  EXPECT_NE(daemon.err().find("schedule.probe_interval"), std::string::npos) << daemon.err();
  EXPECT_EQ(http_get(port, "/healthz").first, 200);
  s.write(s.config("\n[[site]]\nid = \"third\"\nurl = \"http://flaky.example:" +
                   std::to_string(s.flaky.port()) + "/third\"\n"));
  daemon.signal(SIGHUP);
  ASSERT_TRUE(daemon.wait_for_output("configuration reloaded (3 sites", 5s)) << daemon.err();
  ASSERT_TRUE(eventually([&] {
    return http_get(port, "/metrics").second.find("sitepatrol_probes_total{site=\"third\"") !=
           std::string::npos;
  })) << daemon.err();

  // SIGTERM: gone within seconds, exit 0, the database whole.
  const auto asked = Clock::now();
  daemon.signal(SIGTERM);
  const auto result = daemon.wait(10s);
  EXPECT_LT(Clock::now() - asked, 5s);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto db = s.dir.path() / "daemon.db";
  EXPECT_EQ(query(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(query(db, "SELECT count(*) FROM alerts WHERE status = 'pending'"), "0");
  EXPECT_EQ(query(db, "SELECT count(*) FROM alerts WHERE key LIKE 'site_down:flaky:%'"), "4");

  expect_retried_delivery_in_history(s, file);
}

// Issue 16: the same daemon on PostgreSQL: probes, alerts once on every channel, patrols,
// /metrics and a clean stop, with nothing but the database setting changed.
TEST(Daemon, WorksUnchangedOnPostgreSql) {
  testdb::TestDatabase pg(testdb::Engine::postgresql);
  DaemonSetup s;
  std::string text = s.config();
  const std::string sqlite_line = "database = \"daemon.db\"";
  text.replace(text.find(sqlite_line), sqlite_line.size(), "database = \"" + pg.name() + "\"");
  const auto file = s.write(text);
  testsupport::ChildProcess daemon(
      {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, s.env());
  const unsigned short port = metrics_port(daemon);
  ASSERT_NE(port, 0) << daemon.err();

  ASSERT_NO_FATAL_FAILURE(go_down_and_up(s, port, daemon));

  EXPECT_EQ(s.webhook.events("site_down", "flaky").size(), 1u);
  EXPECT_EQ(s.webhook.events("site_up", "flaky").size(), 1u);
  EXPECT_EQ(s.failing.accepted().size(), 1u);
  EXPECT_EQ(s.failing.bodies().size(), 3u);  // two 500s, then accepted: retries are stored
  EXPECT_EQ(s.webhook.events("homepage_links", "links").size(), 1u);
  EXPECT_EQ(s.webhook.events("critical", "links").size(), 1u);
  const std::string metrics = http_get(port, "/metrics").second;
  EXPECT_EQ(parse_metrics(metrics).problem, "") << metrics;
  EXPECT_GE(metric(metrics,
                   "sitepatrol_findings{site=\"links\",code=\"LINK-BROKEN\",severity=\"error\"}"),
            2);

  daemon.signal(SIGTERM);
  const auto result = daemon.wait(10s);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(testdb::query_int(pg.name(), "SELECT count(*) FROM alerts WHERE status = 'pending'"),
            0);
  EXPECT_GE(testdb::query_int(pg.name(), "SELECT count(*) FROM homepage_probes WHERE up = 0"), 2);
  EXPECT_GE(testdb::query_int(pg.name(), "SELECT count(*) FROM runs WHERE status = 'finished'"), 2);
  expect_retried_delivery_in_history(s, file);
}

// `alert test` sends one message on every channel and says which failed.
TEST(Daemon, AlertTestReachesEveryChannel) {
  DaemonSetup s;
  const auto file = s.write(s.config());
  const auto result = testsupport::run_process(
      {testsupport::sitepatrol_binary(), "alert", "test", "-c", file.string()}, s.env());
  EXPECT_EQ(result.exit_code, 3) << result.out << result.err;  // "unreliable" fails its first
  EXPECT_NE(result.out.find("ops (webhook): sent"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("unreliable (webhook): FAILED: HTTP 500"), std::string::npos);
  EXPECT_NE(result.out.find("robot (dingtalk): sent"), std::string::npos);
  EXPECT_NE(result.out.find("mail (email): sent"), std::string::npos);
  ASSERT_EQ(s.webhook.events("test").size(), 1u);
  ASSERT_EQ(s.smtp.messages().size(), 1u);
  EXPECT_NE(s.smtp.messages()[0].find("X-Sitepatrol-Event: test"), std::string::npos);
  EXPECT_EQ(s.smtp.recipients(), (std::vector<std::string>{"<webmaster@example.org>"}));
}

// A site that hangs neither blocks the probes of the others nor stops SIGTERM: the patrol in
// progress is cancelled, its run left unfinished, and the next `crawl` marks it aborted.
TEST(Daemon, HangingSiteAndStopDuringPatrol) {
  TempDir dir{"sitepatrol-daemon-hang"};
  FixtureServer hanging;
  hanging.hang("/");
  FixtureServer fine;
  fine.page("/", "<html><body>ok</body></html>");
  const std::string text = R"([patrol]
database = "hang.db"
timeout_s = 30
resolve = ["hang.example:)" +
                           std::to_string(hanging.port()) + R"(:127.0.0.1", "fine.example:)" +
                           std::to_string(fine.port()) + R"(:127.0.0.1"]

[[site]]
id = "hang"
url = "http://hang.example:)" +
                           std::to_string(hanging.port()) + R"(/"

[[site]]
id = "fine"
url = "http://fine.example:)" +
                           std::to_string(fine.port()) + R"(/"

[schedule]
patrol = "* * * * * *"
probe_interval = "1s"

[http]
listen = "127.0.0.1:0"
)";
  const auto file = dir.write_file("sites.toml", text);
  testsupport::ProcessOptions options;
  options.timeout = 60s;
  testsupport::ChildProcess daemon(
      {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, options);
  const unsigned short port = metrics_port(daemon);
  ASSERT_NE(port, 0) << daemon.err();
  // The patrol starts and hangs on the hanging homepage; the fine site's probe comes back.
  ASSERT_TRUE(eventually(
      [&] {
        const auto m = http_get(port, "/metrics").second;
        return metric(m, "sitepatrol_patrol_running") == 1 &&
               m.find("sitepatrol_probes_total{site=\"fine\",result=\"up\"}") != std::string::npos;
      },
      10s))
      << daemon.err();
  // ... and keeps coming back every second while the other homepage hangs.
  ASSERT_TRUE(eventually(
      [&] {
        return metric(http_get(port, "/metrics").second,
                      "sitepatrol_probes_total{site=\"fine\",result=\"up\"}") >= 3;
      },
      6s))
      << daemon.err();
  EXPECT_EQ(metric(http_get(port, "/metrics").second, "sitepatrol_patrol_running"), 1);

  const auto asked = Clock::now();
  daemon.signal(SIGTERM);
  const auto result = daemon.wait(10s);
  EXPECT_LT(Clock::now() - asked, 5s);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto db = dir.path() / "hang.db";
  EXPECT_EQ(query(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(query(db, "SELECT status FROM runs ORDER BY id DESC LIMIT 1"), "running");
}

// AVAIL-RATIO comes from the stored probes and lands in the next patrol's findings, where it
// raises a critical alert like any other critical finding.
TEST(Daemon, ProbeFailuresBecomeAvailRatio) {
  TempDir dir{"sitepatrol-daemon-ratio"};
  FixtureServer site;
  FixtureServer hooks;
  WebhookReceiver webhook{hooks, "/hook"};
  std::atomic<bool> down{true};
  site.route("/", [&](const testsupport::HttpRequest&) {
    HttpReply r;
    r.status = down ? 503 : 200;
    r.body = "<html><body>ok</body></html>";
    return r;
  });
  const std::string home = site_url("ratio.example", site.port());
  const std::string text = R"([patrol]
database = "ratio.db"
per_host_delay_ms = 0
# A bare fixture homepage has no dated entries: FRESH-HOME (critical) would alert too.
disable_codes = ["FRESH-HOME"]
resolve = ["ratio.example:)" +
                           std::to_string(site.port()) + R"(:127.0.0.1"]

[[site]]
id = "ratio"
url = ")" + home + R"("

[schedule]
patrol = "*/2 * * * * *"
probe_interval = "1s"
ratio_min_probes = 3

[[alert]]
kind = "webhook"
url = ")" + hooks.url("/hook") +
                           R"("
events = ["critical"]

[http]
listen = "127.0.0.1:0"
)";
  const auto file = dir.write_file("sites.toml", text);
  testsupport::ProcessOptions options;
  options.timeout = 60s;
  testsupport::ChildProcess daemon(
      {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, options);
  const unsigned short port = metrics_port(daemon);
  ASSERT_NE(port, 0) << daemon.err();
  ASSERT_TRUE(eventually([&] {
    return metric(http_get(port, "/metrics").second,
                  "sitepatrol_probes_total{site=\"ratio\",result=\"down\"}") >= 1;
  })) << daemon.err();
  down = false;  // the patrols that follow see the homepage up: no AVAIL-DOWN to mask it
  ASSERT_TRUE(eventually([&] { return !webhook.events("critical", "ratio").empty(); }, 15s))
      << daemon.err();
  const auto alert = webhook.events("critical", "ratio")[0];
  ASSERT_EQ(alert["findings"].size(), 1u) << alert.dump();
  EXPECT_EQ(alert["findings"][0]["code"], "AVAIL-RATIO");
  EXPECT_EQ(alert["findings"][0]["subject"], home);
  EXPECT_NE(alert["findings"][0]["detail"].get<std::string>().find("probes failed"),
            std::string::npos);
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s).exit_code, 0);
}

// A full disk, simulated with a file-size limit set on the running daemon (prlimit): writes
// fail, the daemon says so and keeps probing; once there is room again the probes it held
// are written, none lost, and the database is whole.
TEST(Daemon, SurvivesAFullDiskAndCatchesUp) {
  const std::string prlimit = "/usr/bin/prlimit";
  if (::access(prlimit.c_str(), X_OK) != 0) GTEST_SKIP() << "prlimit is not installed";
  TempDir dir{"sitepatrol-daemon-full"};
  FixtureServer site;
  site.page("/", "<html><body>ok</body></html>");
  std::string text = R"([patrol]
database = "full.db"
resolve = ["a.example:)" +
                     std::to_string(site.port()) + R"(:127.0.0.1"]
)";
  for (int i = 0; i < 4; ++i) {
    text += "\n[[site]]\nid = \"s" + std::to_string(i) +
            "\"\nurl = \"http://a.example:" + std::to_string(site.port()) + "/\"\n";
  }
  text +=
      "\n[schedule]\npatrol = []\nprobe_interval = \"1s\"\n\n[http]\nlisten = \"127.0.0.1:0\"\n";
  const auto file = dir.write_file("sites.toml", text);
  testsupport::ProcessOptions options;
  options.timeout = 60s;
  testsupport::ChildProcess daemon(
      {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, options);
  const unsigned short port = metrics_port(daemon);
  ASSERT_NE(port, 0) << daemon.err();
  const auto db = dir.path() / "full.db";
  const auto stored = [&] {
    return std::stoi("0" + query(db, "SELECT count(*) FROM homepage_probes"));
  };
  ASSERT_TRUE(eventually([&] { return stored() >= 4; })) << daemon.err();

  // No room to grow: every file the daemon writes is capped at its current size (the soft
  // limit only, so it can be lifted again without privileges).
  std::error_code ec;
  const auto size = std::max(std::filesystem::file_size(db, ec),
                             std::filesystem::file_size(db.string() + "-wal", ec));
  const auto pid = std::to_string(daemon.pid());
  ASSERT_EQ(testsupport::run_process(
                {prlimit, "--pid", pid, "--fsize=" + std::to_string(size) + ":unlimited"})
                .exit_code,
            0);
  ASSERT_TRUE(eventually([&] {
    const auto m = http_get(port, "/metrics").second;
    return metric(m, "sitepatrol_store_errors_total") >= 3 &&
           metric(m, "sitepatrol_probes_total{site=\"s0\"") >= 3;
  })) << daemon.err();
  EXPECT_EQ(http_get(port, "/healthz").first, 200);
  const int while_full = stored();
  EXPECT_LT(while_full, 40);

  // Room again: the held probes are written; the database has every probe the daemon made.
  ASSERT_EQ(
      testsupport::run_process({prlimit, "--pid", pid, "--fsize=unlimited:unlimited"}).exit_code,
      0);
  const double probed =
      metric(http_get(port, "/metrics").second, "sitepatrol_probes_total{site=\"s0\"");
  ASSERT_GT(probed, 0);
  ASSERT_GE(probed, 2);  // at least one of them made while the disk was full
  ASSERT_TRUE(eventually(
      [&] {
        return std::stoi("0" +
                         query(db, "SELECT count(*) FROM homepage_probes WHERE site = 's0'")) >=
               static_cast<int>(probed);
      },
      10s))
      << daemon.err();
  EXPECT_GT(stored(), while_full);
  EXPECT_NE(daemon.err().find("will retry"), std::string::npos);
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s).exit_code, 0);
  EXPECT_EQ(query(db, "PRAGMA integrity_check"), "ok");
}

// With `patrol = []` the daemon leaves patrols to `sitepatrol crawl` (a timer, a CronJob) and
// still alerts on the runs it finishes, once; runs from before the daemon started are not news.
// `database`: a SQLite file in the test's folder, or a PostgreSQL URI (where `crawl` is a
// queued run worked by one worker, as workers on other machines would).
void alerts_on_runs_finished_by_crawl(const std::string& database) {
  TempDir dir{"sitepatrol-daemon-crawl"};
  FixtureServer site;
  FixtureServer hooks;
  WebhookReceiver webhook{hooks, "/hook"};
  site.page("/", "<html><body><a href=\"/missing.html\">失效</a></body></html>");
  const std::string text = R"([patrol]
database = ")" + database + R"("
per_host_delay_ms = 0
resolve = ["links.example:)" +
                           std::to_string(site.port()) + R"(:127.0.0.1"]

[[site]]
id = "links"
url = "http://links.example:)" +
                           std::to_string(site.port()) + R"(/"

[schedule]
patrol = []
  [schedule.site.links]
  probes = false

[[alert]]
kind = "webhook"
url = ")" + hooks.url("/hook") +
                           R"("

[http]
listen = "127.0.0.1:0"
)";
  const auto file = dir.write_file("sites.toml", text);
  const std::vector<std::string> crawl{testsupport::sitepatrol_binary(), "crawl", "-c",
                                       file.string(), "--quiet"};
  ASSERT_EQ(testsupport::run_process(crawl).exit_code, 0);  // before the daemon: history

  testsupport::ProcessOptions options;
  options.timeout = 60s;
  testsupport::ChildProcess daemon(
      {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, options);
  ASSERT_NE(metrics_port(daemon), 0) << daemon.err();
  site.page("/",
            "<html><body><a href=\"/missing.html\">失效</a> <a href=\"/new.html\">新</a>"
            "</body></html>");
  const auto second = testsupport::run_process(crawl);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  ASSERT_TRUE(eventually([&] { return !webhook.events("homepage_links", "links").empty(); }, 10s))
      << daemon.err();
  std::this_thread::sleep_for(2500ms);  // a second look at the same run must not repeat it
  const auto told = webhook.events("homepage_links", "links");
  ASSERT_EQ(told.size(), 1u);
  ASSERT_EQ(told[0]["findings"].size(), 1u);  // only the new dead link
  EXPECT_EQ(told[0]["findings"][0]["subject"],
            site_url("links.example", site.port(), "/new.html"));
  // The digest would only repeat it, on the same channel, seconds later: not sent.
  EXPECT_TRUE(webhook.events("dead_links", "links").empty());
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s).exit_code, 0);
}

TEST(Daemon, AlertsOnRunsFinishedByCrawl) { alerts_on_runs_finished_by_crawl("crawl.db"); }

TEST(Daemon, AlertsOnRunsFinishedByWorkersOnPostgreSql) {
  testdb::TestDatabase pg(testdb::Engine::postgresql);
  alerts_on_runs_finished_by_crawl(pg.name());
}

}  // namespace
}  // namespace sitepatrol::integration
