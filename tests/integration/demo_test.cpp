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
       {"LINK-BROKEN", "LINK-REDIRECT-LOOP", "LINK-SOFT404", "LINK-UNAPPROVED", "SEC-DARKLINK"})
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
  EXPECT_TRUE(
      f.with_code("INTERACT-UNANSWERED").front().subject.ends_with("/hdjl/lyzx/index.html"));
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
  // Defects 12-14: one content error of each kind, each beside decoys that raise nothing.
  const auto content = [&](const char* code, const char* page) {
    const auto found = f.with_code(code);
    EXPECT_EQ(found.size(), 1u) << code << "\n" << f.describe();
    return found.empty() || !found[0].subject.ends_with(page) ? std::string() : found[0].detail;
  };
  const std::string misstated = content("CONTENT-MISSTATEMENT", "/gzdt/202611/t20261124_3012.html");
  EXPECT_NE(misstated.find("\"中华人民共合国\" should be \"中华人民共和国\""), std::string::npos)
      << misstated;
  EXPECT_EQ(misstated.find("社会主义思想\" should"), std::string::npos) << misstated;
  const std::string typo = content("CONTENT-TYPO", "/gzdt/202611/t20261119_2987.html");
  EXPECT_NE(typo.find("\"再接再励\" should be \"再接再厉\""), std::string::npos) << typo;
  EXPECT_EQ(typo.find("按装"), typo.find("按装机容量")) << typo;  // only inside the sentence
  const std::string outdated = content("CONTENT-OUTDATED", "/gzdt/202610/t20261030_2890.html");
  EXPECT_NE(outdated.find("\"交通部\" (abolished 2008-03-15; now 交通运输部): "
                          "竣工资料将按规定报交通部备案"),
            std::string::npos)
      << outdated;
  EXPECT_EQ(outdated.find("; \"交通部\""), std::string::npos) << outdated;  // once, not the decoys
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
