// The monitoring files shipped in deploy/: the Prometheus alerting rules and the Grafana
// dashboard refer only to metrics /metrics really has, and promtool accepts the rules and
// runs their unit tests (promtool is a test dependency).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "app/daemon_metrics.h"
#include "tests/support/prometheus_text.h"
#include "tests/support/run_process.h"

namespace sitepatrol::app {
namespace {

const std::filesystem::path kDeploy = std::filesystem::path(SITEPATROL_SOURCE_DIR) / "deploy";

std::string read(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The names /metrics offers, with one sample of each family.
std::set<std::string> exposed() {
  DaemonMetrics m;
  m.probe("a", true, 10);
  m.set_maintenance("a", false);
  m.patrol_ended("finished", 1, 1, 1);
  m.set_findings("a", {{{"SEC-DARKLINK", "critical"}, 1}});
  m.set_last_success("a", 1);
  m.set_cert_not_after("a", 1);
  m.alert_attempt("ops", true);
  m.reload(true);
  const auto p = testsupport::parse_prometheus(m.render());
  EXPECT_EQ(p.problem, "");
  return testsupport::queryable_names(p);
}

std::vector<std::string> metric_names_in(const std::string& expr) {
  static const std::regex name(R"(\bsitepatrol_[a-z_]+)");
  std::vector<std::string> out;
  for (std::sregex_iterator it(expr.begin(), expr.end(), name), end; it != end; ++it)
    out.push_back(it->str());
  return out;
}

TEST(MonitoringFiles, AlertRulesUseExistingMetrics) {
  const std::string rules = read(kDeploy / "prometheus/rules.yml");
  ASSERT_FALSE(rules.empty());
  const auto names = exposed();
  std::set<std::string> alerts;
  static const std::regex alert(R"(- alert: (\w+))");
  for (std::sregex_iterator it(rules.begin(), rules.end(), alert), end; it != end; ++it)
    alerts.insert((*it)[1]);
  for (const char* wanted : {"SitepatrolSiteDown", "SitepatrolCertificateExpiring",
                             "SitepatrolPatrolNotSuccessful", "SitepatrolCriticalFindings"})
    EXPECT_TRUE(alerts.contains(wanted)) << wanted;
  const auto used = metric_names_in(rules);
  EXPECT_GE(used.size(), 5u);
  for (const auto& n : used) EXPECT_TRUE(names.contains(n)) << n << " is not in /metrics";
}

// promtool is a test dependency (deploy/install-deps.sh): without it these fail, not skip.
TEST(MonitoringFiles, PromtoolAcceptsTheRules) {
  const auto promtool = testsupport::find_promtool();
  ASSERT_TRUE(promtool) << testsupport::kNoPromtool;
  const auto r = testsupport::run_process(
      {promtool->string(), "check", "rules", (kDeploy / "prometheus/rules.yml").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

// The rules do what docs/deploy.md says, on series shaped like the daemon's
// (deploy/prometheus/rules_test.yml): a site down outside its maintenance window alerts, the
// same outage inside one does not; an expiring certificate, a stale patrol and an open
// critical finding alert, their healthy counterparts do not.
TEST(MonitoringFiles, PromtoolRuleTestsPass) {
  const auto promtool = testsupport::find_promtool();
  ASSERT_TRUE(promtool) << testsupport::kNoPromtool;
  testsupport::ProcessOptions o;
  o.working_dir = kDeploy / "prometheus";
  const auto r =
      testsupport::run_process({promtool->string(), "test", "rules", "rules_test.yml"}, o);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("SUCCESS"), std::string::npos) << r.out << r.err;
}

TEST(MonitoringFiles, DashboardPanelsQueryExistingMetrics) {
  const auto dashboard = nlohmann::json::parse(read(kDeploy / "grafana/sitepatrol.json"));
  const auto names = exposed();
  ASSERT_TRUE(dashboard.contains("panels"));
  ASSERT_GE(dashboard["panels"].size(), 5u);
  std::set<std::string> used;
  for (const auto& panel : dashboard["panels"]) {
    ASSERT_TRUE(panel.contains("targets")) << panel.dump();
    ASSERT_FALSE(panel["targets"].empty()) << panel["title"];
    for (const auto& target : panel["targets"]) {
      const auto in_expr = metric_names_in(target.at("expr").get<std::string>());
      EXPECT_FALSE(in_expr.empty()) << target.dump();
      for (const auto& n : in_expr) {
        EXPECT_TRUE(names.contains(n))
            << n << " (panel " << panel["title"] << ") is not in /metrics";
        used.insert(n);
      }
    }
  }
  for (const char* wanted :
       {"sitepatrol_findings", "sitepatrol_tls_cert_not_after_timestamp_seconds",
        "sitepatrol_last_successful_patrol_timestamp_seconds",
        "sitepatrol_probe_duration_seconds_bucket"})
    EXPECT_TRUE(used.contains(wanted)) << wanted;
}

}  // namespace
}  // namespace sitepatrol::app
