#include "app/daemon_metrics.h"

#include <gtest/gtest.h>

#include <array>
#include <string_view>

#include "tests/support/prometheus_text.h"
#include "tests/support/run_process.h"

namespace sitepatrol::app {
namespace {

// The daemon's exposition as served by default, read strictly.
testsupport::PromText parse_prometheus(const std::string& text) {
  return testsupport::parse_prometheus(text);
}

// /metrics with every kind of sample the daemon shows, and a site id that needs escaping;
// `legacy`: with the deprecated families ([http] legacy_metrics).
std::string busy(bool legacy = false) {
  DaemonMetrics m;
  const std::string odd = "we\"ird\\site\nid";
  m.probe("a", true, 30);      // 0.03 s: the 0.05 bucket
  m.probe("a", false, 1200);   // 1.2 s: the 2.5 bucket
  m.probe("a", true, 70'000);  // 70 s: only +Inf
  m.probe_in_maintenance("a", 40);
  m.probe(odd, true, 10);
  m.set_maintenance("a", true);
  m.patrol_started();
  m.patrol_ended("finished", 12.5, 40, 300);
  m.patrol_skipped();
  m.set_findings("a", {{{"SEC-DARKLINK", "critical"}, 2}, {{"LINK-BROKEN", "error"}, 5}});
  m.set_findings(odd, {{{"LINK-BROKEN", "error"}, 1}});
  m.set_last_success("a", 1'796'000'000);
  m.set_cert_not_after("a", 1'800'000'000);
  m.alert_attempt("ops", true);
  m.alert_attempt("ops", false);
  m.set_gauges(1, 2, 3);
  m.reload(true);
  m.store_error();
  return m.render(legacy);
}

TEST(DaemonMetrics, ExpositionIsStrictlyValid) {
  const std::string text = busy();
  const auto parsed = parse_prometheus(text);
  EXPECT_EQ(parsed.problem, "") << text;
}

TEST(DaemonMetrics, ProbeDurationIsAHistogramInSeconds) {
  const auto p = parse_prometheus(busy());
  ASSERT_EQ(p.problem, "");
  EXPECT_EQ(p.families.at("sitepatrol_probe_duration_seconds").type, "histogram");
  EXPECT_EQ(p.value("sitepatrol_probe_duration_seconds_bucket", {{"site", "a"}, {"le", "0.05"}}),
            2);  // 30 ms and the 40 ms maintenance probe
  EXPECT_EQ(p.value("sitepatrol_probe_duration_seconds_bucket", {{"site", "a"}, {"le", "2.5"}}), 3);
  EXPECT_EQ(p.value("sitepatrol_probe_duration_seconds_bucket", {{"site", "a"}, {"le", "60"}}), 3);
  EXPECT_EQ(p.value("sitepatrol_probe_duration_seconds_bucket", {{"site", "a"}, {"le", "+Inf"}}),
            4);
  EXPECT_EQ(p.value("sitepatrol_probe_duration_seconds_count", {{"site", "a"}}), 4);
  EXPECT_NEAR(p.value("sitepatrol_probe_duration_seconds_sum", {{"site", "a"}}).value_or(0), 71.27,
              1e-9);
  // The maintenance probe is counted apart and leaves site_up as the last real probe left it.
  EXPECT_EQ(p.value("sitepatrol_probes_total", {{"site", "a"}, {"result", "maintenance"}}), 1);
  EXPECT_EQ(p.value("sitepatrol_site_up", {{"site", "a"}}), 1);
  EXPECT_EQ(p.value("sitepatrol_site_maintenance", {{"site", "a"}}), 1);
}

// A documented metric is never removed: with legacy_metrics the old millisecond sum is there
// beside the histogram, as the counter it always was, and counts the same probes.
TEST(DaemonMetrics, DeprecatedMillisecondSumIsShownOnRequest) {
  EXPECT_FALSE(parse_prometheus(busy()).families.contains(
      "sitepatrol_probe_duration_milliseconds_sum"));
  const auto p = testsupport::parse_prometheus(busy(true), DaemonMetrics::kDeprecatedFamilies);
  ASSERT_EQ(p.problem, "");
  const auto& old = p.families.at("sitepatrol_probe_duration_milliseconds_sum");
  EXPECT_EQ(old.type, "counter");
  EXPECT_NE(old.help.find("Deprecated"), std::string::npos) << old.help;
  EXPECT_EQ(p.value("sitepatrol_probe_duration_milliseconds_sum", {{"site", "a"}}),
            30 + 1200 + 70'000 + 40);
  EXPECT_EQ(p.value("sitepatrol_probe_duration_milliseconds_sum", {{"site", "we\"ird\\site\nid"}}),
            10);
  // Without the waiver the strict reader refuses it, as promtool lints it.
  EXPECT_NE(testsupport::parse_prometheus(busy(true)).problem, "");
}

TEST(DaemonMetrics, SiteGaugesCarryTheSiteLabel) {
  const auto p = parse_prometheus(busy());
  ASSERT_EQ(p.problem, "");
  EXPECT_EQ(p.value("sitepatrol_findings",
                    {{"site", "a"}, {"code", "SEC-DARKLINK"}, {"severity", "critical"}}),
            2);
  EXPECT_EQ(p.value("sitepatrol_tls_cert_not_after_timestamp_seconds", {{"site", "a"}}),
            1'800'000'000);
  EXPECT_EQ(p.value("sitepatrol_last_successful_patrol_timestamp_seconds", {{"site", "a"}}),
            1'796'000'000);
  // The escaped site id reads back as it was.
  EXPECT_EQ(
      p.value("sitepatrol_findings",
              {{"site", "we\"ird\\site\nid"}, {"code", "LINK-BROKEN"}, {"severity", "error"}}),
      1);
}

TEST(DaemonMetrics, FindingsOfASiteAreReplacedNotAdded) {
  DaemonMetrics m;
  m.set_findings("a", {{{"LINK-BROKEN", "error"}, 5}});
  m.set_findings("b", {{{"LINK-BROKEN", "error"}, 1}});
  m.set_findings("a", {});
  const auto p = parse_prometheus(m.render());
  ASSERT_EQ(p.problem, "");
  EXPECT_FALSE(p.value("sitepatrol_findings",
                       {{"site", "a"}, {"code", "LINK-BROKEN"}, {"severity", "error"}}));
  EXPECT_EQ(p.value("sitepatrol_findings",
                    {{"site", "b"}, {"code", "LINK-BROKEN"}, {"severity", "error"}}),
            1);
}

// promtool (a test dependency, deploy/install-deps.sh) accepts the default exposition
// without a complaint; without promtool this fails rather than passing unchecked.
TEST(DaemonMetrics, PromtoolAcceptsTheExposition) {
  EXPECT_EQ(testsupport::promtool_metrics_problems(busy()), "");
  // With legacy_metrics it lints the deprecated family, and nothing else.
  EXPECT_NE(testsupport::promtool_metrics_problems(busy(true)), "");
  EXPECT_EQ(
      testsupport::promtool_metrics_problems(busy(true), DaemonMetrics::kDeprecatedFamilies), "");
}

// The reader refuses what it should, or the tests above could not fail.
TEST(PrometheusText, StrictReaderRefusesBadText) {
  const std::string ok = "# HELP x_total X.\n# TYPE x_total counter\nx_total 1\n";
  EXPECT_EQ(parse_prometheus(ok).problem, "");
  EXPECT_NE(parse_prometheus("x_total 1\n").problem, "");                           // no TYPE
  EXPECT_NE(parse_prometheus("# HELP x X.\n# TYPE x counter\nx 1\n").problem, "");  // no _total
  EXPECT_NE(parse_prometheus("# HELP x_ms X.\n# TYPE x_ms gauge\nx_ms{a=\"\\t\"} 1\n").problem,
            "");  // bad escape
  EXPECT_NE(parse_prometheus("# HELP x_milliseconds X.\n# TYPE x_milliseconds gauge\n"
                             "x_milliseconds 1\n")
                .problem,
            "");
  EXPECT_NE(parse_prometheus(ok + "x_total 2\n").problem, "");  // series twice
  const std::string old_ms =
      "# HELP x_milliseconds_sum X.\n# TYPE x_milliseconds_sum counter\n"
      "x_milliseconds_sum 1\n";
  const std::array<std::string_view, 1> waived = {"x_milliseconds_sum"};
  EXPECT_NE(testsupport::parse_prometheus(old_ms).problem, "");
  EXPECT_EQ(testsupport::parse_prometheus(old_ms, waived).problem, "");
  EXPECT_NE(testsupport::parse_prometheus(old_ms + ok + "x_milliseconds_sum{a=\"1\"} 1\n", waived)
                .problem,
            "");  // still held to the format: a family's samples together
  EXPECT_NE(parse_prometheus("# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 2\n"
                             "h_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n")
                .problem,
            "");  // not cumulative
  EXPECT_NE(parse_prometheus("# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\n"
                             "h_sum 1\nh_count 1\n")
                .problem,
            "");  // no +Inf
}

}  // namespace
}  // namespace sitepatrol::app
