// A site up, then down for a whole patrol, then up again, through the real daemon (issue 11):
// what the outage must not do is make its problems look fixed. Checked where users see it:
// the findings JSON of each run, the monthly 通报 and the self-inspection report (HTML and
// JSON) written while the site is down, and the alerts the daemon sent over the three runs.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

#include "tests/integration/daemon_receivers.h"
#include "tests/integration/json_schema.h"
#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

using namespace std::chrono_literals;

std::int64_t finished_runs(const std::filesystem::path& db) {
  sqlite3* h = nullptr;
  std::int64_t n = 0;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT count(*) FROM runs WHERE status = 'finished'", -1, &s,
                           nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
      n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return n;
}

// Rows of the alert outbox (sent, pending or failed) for `event`.
std::int64_t alerts_queued(const std::filesystem::path& db, const std::string& event) {
  sqlite3* h = nullptr;
  std::int64_t n = -1;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT count(*) FROM alerts WHERE event = ?1", -1, &s, nullptr) ==
        SQLITE_OK) {
      sqlite3_bind_text(s, 1, event.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(s) == SQLITE_ROW) n = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return n;
}

struct Outage {
  TempDir dir{"sitepatrol-outage"};
  FixtureServer site;
  FixtureServer hooks;
  WebhookReceiver webhook{hooks, "/hook"};
  std::atomic<bool> down{false};

  Outage() {
    // Every page answers 503 while `down`.
    auto serve = [this](std::string path, std::string body) {
      site.route(std::move(path), [this, body](const testsupport::HttpRequest&) {
        HttpReply r;
        r.status = down ? 503 : 200;
        r.body = down ? "<html><body>Service Unavailable</body></html>" : body;
        return r;
      });
    };
    serve("/", R"(<html><head><title>示范省交通运输厅</title></head><body>
      <a href="/tzgg/index.html">通知公告</a> <a href="/missing.html">办事指南</a>
      <div style="display:none"><a href="http://casino.example/">澳门博彩 在线赌场</a></div>
      </body></html>)");
    serve("/tzgg/index.html", R"(<html><body><a href="/files/gone.pdf">附件</a></body></html>)");
    site.route("/missing.html", [this](const testsupport::HttpRequest&) {
      HttpReply r;
      r.status = down ? 503 : 404;
      return r;
    });
    site.route("/files/gone.pdf", [this](const testsupport::HttpRequest&) {
      HttpReply r;
      r.status = down ? 503 : 404;
      return r;
    });
  }

  std::filesystem::path config() const {
    const std::string port = std::to_string(site.port());
    return dir.write_file("sites.toml", R"([patrol]
database = "outage.db"
timeout_s = 5
per_host_delay_ms = 0
max_retries = 0
check_external_links = false
respect_robots = false
resolve = ["jtt.example:)" + port + R"(:127.0.0.1"]

[[site]]
id = "jtt"
name = "示范省交通运输厅"
url = "http://jtt.example:)" + port + R"(/"
unit = "地方交通运输主管部门"

[schedule]
patrol = "*/2 * * * * *"
  [schedule.site.jtt]
  probes = false

[[alert]]
name = "ops"
kind = "webhook"
url = ")" + hooks.url("/hook") + R"("

[http]
listen = "127.0.0.1:0"
)");
  }

  std::filesystem::path db() const { return dir.path() / "outage.db"; }

  testsupport::ProcessOptions env() const {
    testsupport::ProcessOptions o;
    o.timeout = 60s;
    o.env = {{"TZ", "UTC"}};
    return o;
  }

  // Runs the daemon until `runs` patrols have finished in all, then stops it.
  void patrol_until(std::int64_t runs) {
    testsupport::ChildProcess daemon(
        {testsupport::sitepatrol_binary(), "daemon", "-c", config().string()}, env());
    const auto end = std::chrono::steady_clock::now() + 30s;
    while (finished_runs(db()) < runs && std::chrono::steady_clock::now() < end)
      std::this_thread::sleep_for(50ms);
    daemon.signal(SIGTERM);
    const auto result = daemon.wait(20s);
    ASSERT_EQ(finished_runs(db()), runs) << result.err;
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }

  testsupport::ProcessResult cli(std::vector<std::string> args) const {
    std::vector<std::string> argv{testsupport::sitepatrol_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("-c");
    argv.push_back(config().string());
    return testsupport::run_process(argv, env());
  }

  nlohmann::json findings(int run) const {
    auto r = cli({"findings", "--run", std::to_string(run), "--status", "all", "--format", "json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }

  std::string month() const {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd{now};
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()));
    return out;
  }
};

const nlohmann::json* find(const nlohmann::json& doc, std::string_view code,
                           std::string_view subject_end = "") {
  for (const auto& f : doc["findings"]) {
    if (f["code"] == code && f["subject"].get<std::string>().ends_with(subject_end)) return &f;
  }
  return nullptr;
}

TEST(Outage, UpDownUpKeepsProblemsOpenAndAlertsOnce) {
  Outage o;

  // Run 1: up. Two broken links and a hidden gambling link, all new.
  o.patrol_until(1);
  const auto run1 = o.findings(1);
  for (const char* path : {"/missing.html", "/files/gone.pdf"}) {
    const auto* f = find(run1, "LINK-BROKEN", path);
    ASSERT_TRUE(f) << path << "\n" << run1.dump(1);
    EXPECT_EQ((*f)["status"], "new");
    EXPECT_EQ((*f)["verified"], true);
  }
  ASSERT_TRUE(find(run1, "SEC-DARKLINK")) << run1.dump(1);
  // Run 1's alerts not yet delivered when the daemon stopped go out on its next start.

  // Run 2: every page answers 503.
  o.down = true;
  o.patrol_until(2);
  const auto run2 = o.findings(2);
  const auto* outage = find(run2, "AVAIL-DOWN");
  ASSERT_TRUE(outage) << run2.dump(1);
  EXPECT_EQ((*outage)["verified"], true);
  for (const auto& f : run2["findings"]) {
    EXPECT_NE(f["status"], "resolved") << "an outage fixed nothing: " << f.dump();
  }
  const std::string run1_start = run1["run"]["started_at"];
  for (const auto& [code, path] :
       {std::pair{"LINK-BROKEN", "/missing.html"}, std::pair{"LINK-BROKEN", "/files/gone.pdf"},
        std::pair{"SEC-DARKLINK", ""}}) {
    const auto* f = find(run2, code, path);
    ASSERT_TRUE(f) << code << " " << path << "\n" << run2.dump(1);
    EXPECT_EQ((*f)["status"], "open");
    EXPECT_EQ((*f)["verified"], false);
    EXPECT_EQ((*f)["unverified"]["reason"], "site_down");
    EXPECT_EQ((*f)["unverified"]["detail"], "HTTP 503");
    EXPECT_EQ((*f)["last_seen"], run1_start) << "last_seen stays the last verified sighting";
  }

  // The month's reports, written now, while the last run could not check the site.
  const auto html = o.cli({"report", "--month", o.month()});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_NE(html.out.find("未能完成检查"), std::string::npos);
  EXPECT_NE(html.out.find("首页无法访问（HTTP 503）"), std::string::npos);
  EXPECT_NE(html.out.find("不可测"), std::string::npos);
  EXPECT_NE(html.out.find("本次未能复查"), std::string::npos);
  EXPECT_EQ(html.out.find("已整改</td>"), std::string::npos) << "nothing was fixed";
  const auto json = o.cli({"report", "--month", o.month(), "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto report = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << json.out;
  const auto& site = report["sites"][0];
  EXPECT_EQ(site["coverage"]["state"], "down");
  EXPECT_EQ(site["coverage"]["complete"], false);
  int carried = 0;
  for (const auto& f : run2["findings"]) carried += f["verified"] == false;
  EXPECT_GE(carried, 3);
  EXPECT_EQ(site["coverage"]["unverified_findings"], carried);
  EXPECT_TRUE(site["pages"].is_null()) << "a count nothing measured is not 0";
  EXPECT_TRUE(site["score"].is_null());
  for (const char* index : {"disclosure", "service", "interaction"}) {
    EXPECT_EQ(site["indices"][index]["measurable"], false) << index;
    EXPECT_TRUE(site["indices"][index]["value"].is_null()) << index;
  }
  EXPECT_EQ(site["rectification"]["resolved"], 0);
  EXPECT_GE(site["findings_by_severity"]["error"].get<int>(), 2) << "counts must not read 0";
  const auto self = o.cli({"report", "--month", o.month(), "--site", "jtt", "--format", "json"});
  ASSERT_EQ(self.exit_code, 0) << self.err;
  const auto points = nlohmann::json::parse(self.out, nullptr, false)["points"];
  ASSERT_EQ(points.size(), 4u);
  for (const auto& p : points) {
    EXPECT_EQ(p["checked"], false) << p.dump();
    EXPECT_EQ(p["passed"], false) << p.dump();
    EXPECT_EQ(p["conclusion"].get<std::string>().find("未发现问题"), std::string::npos) << p.dump();
  }
  const auto self_html = o.cli({"report", "--month", o.month(), "--site", "jtt"});
  ASSERT_EQ(self_html.exit_code, 0) << self_html.err;
  EXPECT_NE(self_html.out.find("未能完成检查"), std::string::npos);
  EXPECT_EQ(self_html.out.find("经自查，本项未发现问题"), std::string::npos);

  // Run 3: back up. The problems are still there: open, not new; the outage is resolved.
  o.down = false;
  o.patrol_until(3);
  const auto run3 = o.findings(3);
  for (const auto& [code, path] :
       {std::pair{"LINK-BROKEN", "/missing.html"}, std::pair{"LINK-BROKEN", "/files/gone.pdf"},
        std::pair{"SEC-DARKLINK", ""}}) {
    const auto* f = find(run3, code, path);
    ASSERT_TRUE(f) << code << " " << path << "\n" << run3.dump(1);
    EXPECT_EQ((*f)["status"], "open") << code << " " << path;
    EXPECT_EQ((*f)["verified"], true);
    EXPECT_EQ((*f)["first_seen"], run1_start);
  }
  const auto* recovered = find(run3, "AVAIL-DOWN");
  ASSERT_TRUE(recovered) << run3.dump(1);
  EXPECT_EQ((*recovered)["status"], "resolved");

  // Alerts: the dead links and the dark link were raised once, in run 1; nothing repeated
  // after the outage. Raised means queued in the outbox: a daemon stopped seconds after it
  // started may leave some for its next start to deliver, so deliveries are at most one.
  std::this_thread::sleep_for(500ms);
  for (const char* event : {"dead_links", "homepage_links", "critical"}) {
    EXPECT_EQ(alerts_queued(o.db(), event), 1) << event;
    EXPECT_LE(o.webhook.events(event, "jtt").size(), 1u) << event;
  }

  // Every body the webhook received is what docs/webhook.md publishes.
  const auto bodies = o.webhook.accepted();
  ASSERT_GE(bodies.size(), 1u);
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    const auto doc = o.dir.write_file("alert" + std::to_string(i) + ".json", bodies[i].dump());
    const ProcessResult v = validate_json(schema_path("webhook.schema.json"), doc);
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err << "\n" << bodies[i].dump(1);
  }
}

}  // namespace
}  // namespace sitepatrol::integration
