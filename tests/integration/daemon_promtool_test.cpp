// The real daemon's /metrics through the real `promtool check metrics` (issue 12): after
// probes (up, and in a maintenance window), a patrol of an HTTPS site with findings and an
// alert sent, every family has samples; promtool must accept the scrape without a complaint,
// before and after a restart, and the restarted daemon shows the certificate expiry it read
// back from the database. Restarted with [http] legacy_metrics, it serves the deprecated
// family too.
// promtool is a test dependency (deploy/install-deps.sh): without it this test fails.
#include <gtest/gtest.h>

#include <csignal>

#include "tests/integration/daemon_helpers.h"
#include "tests/integration/daemon_receivers.h"
#include "tests/integration/patrol_harness.h"
#include "tests/support/tls_cert.h"

namespace sitepatrol::integration {
namespace {

TEST(DaemonPromtool, RealScrapePassesPromtoolBeforeAndAfterARestart) {
  ASSERT_TRUE(testsupport::find_promtool()) << testsupport::kNoPromtool;
  TempDir dir{"sitepatrol-promtool"};
  testsupport::CertOptions cert = testsupport::cert_valid_for(std::chrono::days(200));
  cert.common_name = "secure.example";
  cert.dns_names = {"secure.example"};
  const auto files = testsupport::make_self_signed_cert(dir.path() / "certs", cert);
  FixtureServer::Options tls;
  tls.tls = &files;
  FixtureServer secure(tls);  // HTTPS, a dead link on its homepage
  secure.page("/", R"(<html><body><a href="/gone.html">失效链接</a></body></html>)");
  FixtureServer planned;  // in a maintenance window, down
  planned.route("/", [](const testsupport::HttpRequest&) {
    HttpReply r;
    r.status = 503;
    return r;
  });
  FixtureServer hooks;
  WebhookReceiver webhook{hooks, "/hook"};
  const auto config = [&](const std::string& patrol, const std::string& probes,
                          const std::string& http_extra = "") {
    return std::string(kDaemonPatrol) + R"(ca_bundle = ")" + files.cert_file.string() +
           R"("
resolve = [")" +
           resolve_entry("secure.example", secure) + "\", \"" +
           resolve_entry("planned.example", planned) + R"("]

[[site]]
id = "secure"
url = "https://secure.example:)" +
           std::to_string(secure.port()) + R"(/"

[[site]]
id = "planned"
url = "http://planned.example:)" +
           std::to_string(planned.port()) + R"(/"
maintenance = [{ from = ")" +
           utc_minute(-std::chrono::hours(1)) + R"(", to = ")" + utc_minute(std::chrono::hours(2)) +
           R"(" }]

[schedule]
patrol = ")" +
           patrol +
           R"("
probe_interval = ")" +
           probes +
           R"("

[[alert]]
name = "ops"
kind = "webhook"
url = ")" + hooks.url("/hook") +
           R"("

[http]
listen = "127.0.0.1:0"
)" + http_extra;
  };
  testsupport::ProcessOptions env;
  env.env = {{"TZ", "UTC"}};
  const std::int64_t not_after =
      std::chrono::duration_cast<std::chrono::seconds>(cert.not_after.time_since_epoch()).count();
  const std::string cert_gauge = "sitepatrol_tls_cert_not_after_timestamp_seconds{site=\"secure\"}";
  {
    const auto file = dir.write_file("sites.toml", config("*/2 * * * * *", "1s"));
    testsupport::ChildProcess daemon(
        {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, env);
    const unsigned short port = metrics_port(daemon);
    ASSERT_NE(port, 0) << daemon.err();
    std::string m;
    ASSERT_TRUE(eventually(
        [&] {
          m = http_get(port, "/metrics").second;
          return metric(m, "sitepatrol_patrols_total{result=\"finished\"}") >= 1 &&
                 metric(m, cert_gauge) > 0 &&
                 metric(m, "sitepatrol_probes_total{site=\"planned\",result=\"maintenance\"}") >=
                     1 &&
                 metric(m, "sitepatrol_probes_total{site=\"secure\",result=\"up\"}") >= 1 &&
                 metric(m, "sitepatrol_alert_sends_total{channel=\"ops\"") >= 1;
        },
        30s))
        << daemon.err() << m;
    EXPECT_EQ(testsupport::promtool_metrics_problems(m), "") << m;
    EXPECT_EQ(parse_metrics(m).problem, "") << m;
    // The certificate's notAfter, to the second; the findings are there, the deprecated sum
    // is not (it is served only with legacy_metrics).
    EXPECT_NEAR(metric(m, cert_gauge), static_cast<double>(not_after), 1) << m;
    EXPECT_GE(metric(m, "sitepatrol_findings{site=\"secure\",code=\"LINK-BROKEN\""), 1) << m;
    EXPECT_EQ(metric(m, "sitepatrol_probe_duration_milliseconds_sum"), -1) << m;
    EXPECT_GE(metric(m, "sitepatrol_probe_duration_seconds_count{site=\"secure\"}"), 1) << m;
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait(10s).exit_code, 0) << daemon.err();
  }

  // Restarted with nothing scheduled for a year: what /metrics shows comes from the database.
  const auto file =
      dir.write_file("sites.toml", config("0 0 1 1 *", "1h", "legacy_metrics = true\n"));
  testsupport::ChildProcess daemon(
      {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, env);
  const unsigned short port = metrics_port(daemon);
  ASSERT_NE(port, 0) << daemon.err();
  const std::string m = http_get(port, "/metrics").second;
  EXPECT_EQ(testsupport::promtool_metrics_problems(m, app::DaemonMetrics::kDeprecatedFamilies), "")
      << m;
  // The legacy family is declared (no probe has run yet, so it has no samples to lint).
  EXPECT_NE(m.find("# TYPE sitepatrol_probe_duration_milliseconds_sum counter\n"),
            std::string::npos)
      << m;
  EXPECT_EQ(testsupport::parse_prometheus(m, app::DaemonMetrics::kDeprecatedFamilies).problem, "");
  EXPECT_NEAR(metric(m, cert_gauge), static_cast<double>(not_after), 1) << m;
  EXPECT_GE(metric(m, "sitepatrol_findings{site=\"secure\",code=\"LINK-BROKEN\""), 1) << m;
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s).exit_code, 0) << daemon.err();
}

}  // namespace
}  // namespace sitepatrol::integration
