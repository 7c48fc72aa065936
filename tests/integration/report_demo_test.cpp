// `sitepatrol demo` ends by writing the month's two reports and printing their paths; the
// monthly report shows every problem the demo patrol found, the verdict and the indices, and
// the self-inspection report follows the four points of task 6.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "reports/detail_text.h"
#include "reports/html_escape.h"
#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ReportDemo, WritesBothReportsWithEveryFinding) {
  TempDir out("sitepatrol-it-demo-report");
  testsupport::ProcessOptions options;
  options.working_dir = out.path();
  options.timeout = 90s;
  const ProcessResult r = testsupport::run_process(
      {testsupport::sitepatrol_binary(), "demo", "-o", (out / "result").string()}, options);
  ASSERT_EQ(r.exit_code, 0) << r.err;

  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex("Monthly report: (\\S+)"))) << r.out;
  const std::filesystem::path monthly = m[1].str();
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex("Self-inspection report: (\\S+)"))) << r.out;
  const std::filesystem::path self = m[1].str();
  EXPECT_EQ(monthly, out / "result" / "monthly-report.html");
  EXPECT_EQ(self, out / "result" / "self-inspection-demo-jtt.html");

  ProcessResult findings;
  findings.out = read(out / "result" / "findings.json");
  const Findings f = parse_findings(findings);
  ASSERT_TRUE(f.parse_error.empty()) << f.parse_error;
  ASSERT_FALSE(f.all.empty());

  const std::string html = read(monthly);
  for (const auto& x : f.all) {
    // Subjects that are keys (icp, solicitation) show by their Chinese names (issue 14).
    checks::Finding finding;
    finding.code = x.code;
    finding.subject = x.subject;
    const std::string subject = reports::subject_text(finding, reports::Lang::zh);
    EXPECT_NE(html.find(reports::html_escape(subject)), std::string::npos)
        << x.code << " " << subject << " not in the monthly report";
  }
  // The planted dark link and the message left unanswered (defect 10) both veto.
  const auto verdict = html.find("不合格：");
  ASSERT_NE(verdict, std::string::npos);
  const std::string vetoes = html.substr(verdict, html.find('<', verdict) - verdict);
  EXPECT_NE(vetoes.find("暗链"), std::string::npos) << vetoes;
  EXPECT_NE(vetoes.find("互动回应差"), std::string::npos) << vetoes;
  EXPECT_NE(vetoes.find("严重表述错误"), std::string::npos) << vetoes;  // demo defect 12
  for (const char* text :
       {"信息公开指数", "在线服务指数", "公众互动指数", "data-chart=\"availability\""}) {
    EXPECT_NE(html.find(text), std::string::npos) << text;
  }

  const std::string report = read(self);
  for (const char* point : {"一、页面访问、栏目更新和内容准确情况", "二、服务功能和互动功能情况",
                            "三、应用系统及链接情况", "四、安全防护情况"}) {
    EXPECT_NE(report.find(point), std::string::npos) << point;
  }
  EXPECT_NE(report.find("http://www.bet-example.com/"), std::string::npos);
}

}  // namespace
}  // namespace sitepatrol::integration
