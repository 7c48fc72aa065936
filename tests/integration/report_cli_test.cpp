// `sitepatrol report` through the real binary: the same bytes as the golden files, output to
// a file, and the usage errors a user can make.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/integration/report_setup.h"

namespace sitepatrol::integration {
namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::filesystem::path golden(const std::string& name) {
  return std::filesystem::path(SITEPATROL_TEST_DATA) / "reports" / name;
}

TEST(ReportCli, MonthlyJsonToStdoutMatchesGolden) {
  ReportSetup setup;
  auto r = setup.report({"--month", "2026-11", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, read(golden("monthly.json")));
}

TEST(ReportCli, SelfInspectionMarkdownToFile) {
  ReportSetup setup;
  const auto out = setup.dir() / "hb.md";
  auto r = setup.report({"-m", "2026-11", "-s", "hb-jtt", "-f", "md", "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(read(out), read(golden("self-inspection-hb-jtt.md")));
}

TEST(ReportCli, HtmlIsTheDefaultAndEnglishOnRequest) {
  ReportSetup setup;
  auto r = setup.report({"--month", "2026-11", "--lang", "en"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, read(golden("monthly.en.html")));
}

TEST(ReportCli, MonthWithoutRunsSaysSo) {
  ReportSetup setup;
  auto r = setup.report({"--month", "2026-09", "--format", "md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("本月没有完成的巡检"), std::string::npos) << r.out;
}

TEST(ReportCli, UsageErrors) {
  ReportSetup setup;
  auto bad_month = setup.report({"--month", "2026-13"});
  EXPECT_EQ(bad_month.exit_code, 2);
  EXPECT_NE(bad_month.err.find("--month"), std::string::npos) << bad_month.err;
  auto no_month = setup.report({});
  EXPECT_EQ(no_month.exit_code, 2);
  auto unknown_site = setup.report({"--month", "2026-11", "--site", "nope"});
  EXPECT_EQ(unknown_site.exit_code, 2);
  EXPECT_NE(unknown_site.err.find("'nope'"), std::string::npos) << unknown_site.err;
  auto bad_format = setup.report({"--month", "2026-11", "--format", "pdf"});
  EXPECT_EQ(bad_format.exit_code, 2);
}

TEST(ReportCli, MissingDatabaseIsARuntimeError) {
  ReportSetup setup;
  auto r = setup.report({"--month", "2026-11", "--db", (setup.dir() / "none.db").string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sitepatrol::integration
