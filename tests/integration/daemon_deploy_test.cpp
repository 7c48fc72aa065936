// The deployment files of deploy/: the systemd units pass `systemd-analyze verify` without a
// single warning (unknown keys and bad values are only warnings to systemd, so the test
// insists on silence), and the Kubernetes ConfigMap's sites.toml is a valid configuration.
// Skipped where systemd-analyze is not installed.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

const std::filesystem::path kDeploy = std::filesystem::path(SITEPATROL_SOURCE_DIR) / "deploy";

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string find_in_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const auto candidate = std::filesystem::path(dir) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

TEST(Deploy, SystemdUnitsVerifyCleanly) {
  const std::string analyze = find_in_path("systemd-analyze");
  // deploy/install-deps.sh installs systemd: a missing tool is a broken set-up, not a pass.
  ASSERT_FALSE(analyze.empty()) << "systemd-analyze is not installed (deploy/install-deps.sh)";
  // The units name /usr/local/bin/sitepatrol, which verify wants to exist: point them at the
  // binary under test, in a folder of their own.
  TempDir dir{"sitepatrol-units"};
  std::vector<std::string> argv{analyze, "verify", "--man=no"};
  for (const char* unit : {"sitepatrol.service", "sitepatrol-crawl.service",
                           "sitepatrol-crawl.timer"}) {
    const std::string text = std::regex_replace(slurp(kDeploy / "systemd" / unit),
                                                std::regex("/usr/local/bin/sitepatrol"),
                                                testsupport::sitepatrol_binary());
    ASSERT_FALSE(text.empty()) << unit;
    argv.push_back(dir.write_file(unit, text).string());
  }
  testsupport::ProcessOptions options;
  options.timeout = 30s;
  const auto result = testsupport::run_process(argv, options);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "") << "systemd-analyze verify warned";
}

// The sites.toml block of a manifest's ConfigMap, indentation removed.
std::string configmap_toml(const std::filesystem::path& manifest) {
  std::istringstream in(slurp(manifest));
  std::string toml;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "  sites.toml: |") {
      inside = true;
    } else if (inside && line.rfind("    ", 0) == 0) {
      toml += line.substr(4) + "\n";
    } else if (inside && !line.empty()) {
      break;
    } else if (inside) {
      toml += "\n";
    }
  }
  return toml;
}

TEST(Deploy, KubernetesConfigMapHoldsAValidConfiguration) {
  std::string toml = configmap_toml(kDeploy / "kubernetes" / "sitepatrol.yaml");
  ASSERT_NE(toml.find("[schedule]"), std::string::npos);
  TempDir dir{"sitepatrol-k8s"};
  // The database's folder is the pod's volume; `config check` here wants one that exists.
  for (std::size_t at; (at = toml.find("\"/var/lib/sitepatrol/")) != std::string::npos;)
    toml.replace(at + 1, std::string("/var/lib/sitepatrol").size(), dir.path().string());
  const auto file = dir.write_file("sites.toml", toml);
  testsupport::ProcessOptions options;
  options.env = {{"DINGTALK_ROBOT_URL", "https://oapi.dingtalk.com/robot/send?access_token=t"}};
  const auto result = testsupport::run_process(
      {testsupport::sitepatrol_binary(), "config", "check", "-c", file.string()}, options);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("hb-jtt"), std::string::npos) << result.out;
}

// The workers' set (issue 16): its configuration names PostgreSQL, without a password.
TEST(Deploy, KubernetesWorkersConfigMapHoldsAValidConfiguration) {
  const std::string toml = configmap_toml(kDeploy / "kubernetes" / "workers.yaml");
  ASSERT_NE(toml.find("database = \"postgresql://"), std::string::npos) << toml;
  TempDir dir{"sitepatrol-k8s"};
  const auto file = dir.write_file("sites.toml", toml);
  testsupport::ProcessOptions options;
  options.env = {{"DINGTALK_ROBOT_URL", "https://oapi.dingtalk.com/robot/send?access_token=t"}};
  const auto result = testsupport::run_process(
      {testsupport::sitepatrol_binary(), "config", "check", "-c", file.string()}, options);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("database: postgresql://sitepatrol@"), std::string::npos)
      << result.out;
}

// kubectl and kubeconform are not at hand: tests/support/check_kubernetes.py parses each
// manifest and resolves its references (volumes, claims, ports, selectors, Secrets,
// services) and the sitepatrol command each container runs.
testsupport::ProcessResult check_manifest(const std::filesystem::path& file) {
  return testsupport::run_process(
      {"python3", std::string(SITEPATROL_SOURCE_DIR) + "/tests/support/check_kubernetes.py",
       file.string(), "crawl", "findings", "check", "config", "demo", "baseline", "report",
       "daemon", "alert", "run", "worker"});
}

TEST(Deploy, KubernetesManifestsParseAndTheirReferencesResolve) {
  for (const char* name : {"sitepatrol.yaml", "workers.yaml"}) {
    const auto result = check_manifest(kDeploy / "kubernetes" / name);
    EXPECT_EQ(result.exit_code, 0) << name << "\n" << result.out << result.err;
  }
}

TEST(Deploy, TheManifestCheckFindsABrokenReference) {
  std::string text = slurp(kDeploy / "kubernetes" / "workers.yaml");
  const std::string from = "configMap: {name: sitepatrol-sites}";
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), "configMap: {name: sitepatrol-site}");
  TempDir dir{"sitepatrol-k8s"};
  const auto result = check_manifest(dir.write_file("broken.yaml", text));
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("no ConfigMap 'sitepatrol-site'"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace sitepatrol::integration
