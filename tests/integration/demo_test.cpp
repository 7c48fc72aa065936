// `sitepatrol demo`, the first thing a new user runs, end to end: it patrols the bundled
// site and writes findings.json with the planted defects (app/demo_site/DEFECTS.md), and
// never touches the private address the demo links to.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

TEST(Demo, FindsThePlantedDefects) {
  TempDir out("sitepatrol-it-demo");
  testsupport::ProcessOptions options;
  options.working_dir = out.path();
  options.timeout = 90s;
  const ProcessResult r = testsupport::run_process(
      {testsupport::sitepatrol_binary(), "demo", "-o", (out / "result").string()}, options);
  ASSERT_EQ(r.exit_code, 0) << r.err;

  std::ifstream in(out / "result" / "findings.json");
  ASSERT_TRUE(in) << "no findings.json";
  std::stringstream text;
  text << in.rdbuf();
  ProcessResult as_if_printed;
  as_if_printed.out = text.str();
  const Findings f = parse_findings(as_if_printed);
  ASSERT_TRUE(f.parse_error.empty()) << f.parse_error;

  for (const char* code :
       {"LINK-BROKEN", "LINK-REDIRECT-LOOP", "LINK-SOFT404", "LINK-UNAPPROVED",
        "SEC-DARKLINK"})
    EXPECT_FALSE(f.with_code(code).empty()) << code << " missing\n" << f.describe();
  EXPECT_TRUE(f.find("LINK-UNAPPROVED", "www.unapproved-example.com")) << f.describe();
  EXPECT_TRUE(f.find("SEC-DARKLINK", "http://www.bet-example.com/")) << f.describe();
  // Freshness is judged as of the day the demo's dates are written for, on any day.
  // The port is 18469 unless taken, so the subject is matched by its path.
  const auto stale = f.with_code("FRESH-COLUMN");
  ASSERT_EQ(stale.size(), 1u) << f.describe();
  EXPECT_TRUE(stale[0].subject.ends_with("/rsxx/index.html")) << f.describe();
  EXPECT_NE(stale[0].detail.find("人事信息 (personnel)"), std::string::npos) << stale[0].detail;
  EXPECT_TRUE(f.with_code("FRESH-HOME").empty()) << f.describe();
  EXPECT_TRUE(f.with_code("COLUMN-MISSING").empty()) << f.describe();
  // Defect 10: a message left 处理中 for 128 days; every other interactive feature works.
  ASSERT_EQ(f.with_code("INTERACT-UNANSWERED").size(), 1u) << f.describe();
  EXPECT_TRUE(f.with_code("INTERACT-UNANSWERED").front().subject.ends_with("/hdjl/lyzx/index.html"));
  for (const char* code : {"INTERACT-MISSING", "INTERACT-BROKEN", "INTERACT-TOO-FEW"})
    EXPECT_TRUE(f.with_code(code).empty()) << code << "\n" << f.describe();
  // Defect 11: a 公示 list with unmasked ID and mobile numbers; its masked twin raises nothing.
  const auto leaks = f.with_code("CONTENT-PRIVACY");
  ASSERT_EQ(leaks.size(), 1u) << f.describe();
  EXPECT_TRUE(leaks[0].subject.ends_with("/bsfw/jggs/202611/t20261120_2241.html"));
  EXPECT_NE(leaks[0].detail.find("4 resident ID numbers (420102********0132"), std::string::npos)
      << leaks[0].detail;
  EXPECT_NE(leaks[0].detail.find("4 mobile numbers beside names"), std::string::npos)
      << leaks[0].detail;
  EXPECT_EQ(leaks[0].detail.find("420102197803150132"), std::string::npos) << leaks[0].detail;
  for (const auto& x : f.all) {
    const bool about_private = x.subject.find("10.0.0.1") != std::string::npos ||
                               x.detail.find("10.0.0.1") != std::string::npos;
    if (about_private) {
      EXPECT_EQ(x.code, "LINK-UNAPPROVED") << f.describe();
    }
  }
}

}  // namespace
}  // namespace sitepatrol::integration
