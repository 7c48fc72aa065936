// Golden tests: the monthly and self-inspection reports of the fixture store
// (report_fixture.h) in every format, compared byte for byte with tests/data/reports/.
// After an intended change, regenerate with SITEPATROL_UPDATE_GOLDEN=1 and review the diff.
#include "reports/report_generate.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/reports/report_fixture.h"

namespace sitepatrol::reports {
namespace {

using testing::fill_store;
using testing::fixture_config;
using testing::fixture_options;

std::filesystem::path golden_dir() {
  return std::filesystem::path(SITEPATROL_TEST_DATA) / "reports";
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class ReportGolden : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::open_sqlite(dir_.file("report.db"));
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    fill_store(*store_);
  }

  std::string render(const LoadOptions& options, ReportFormat format) {
    std::ostringstream out;
    auto ok = generate_report(*store_, config_, options, format, out);
    EXPECT_TRUE(ok) << ok.error();
    return out.str();
  }

  void compare(const std::string& name, const std::string& actual) {
    const auto file = golden_dir() / name;
    if (const char* update = std::getenv("SITEPATROL_UPDATE_GOLDEN"); update && *update == '1') {
      std::filesystem::create_directories(golden_dir());
      std::ofstream(file, std::ios::binary) << actual;
    }
    ASSERT_TRUE(std::filesystem::exists(file))
        << file << " missing; run with SITEPATROL_UPDATE_GOLDEN=1";
    EXPECT_EQ(read(file), actual) << "differs from " << file;
  }

  store::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  config::Config config_ = fixture_config();
};

TEST_F(ReportGolden, MonthlyHtml) {
  compare("monthly.html", render(fixture_options(), ReportFormat::html));
}
TEST_F(ReportGolden, MonthlyMarkdown) {
  compare("monthly.md", render(fixture_options(), ReportFormat::md));
}
TEST_F(ReportGolden, MonthlyCsv) {
  compare("monthly.csv", render(fixture_options(), ReportFormat::csv));
}
TEST_F(ReportGolden, MonthlyJson) {
  compare("monthly.json", render(fixture_options(), ReportFormat::json));
}
TEST_F(ReportGolden, MonthlyEnglishHtml) {
  compare("monthly.en.html", render(fixture_options(std::nullopt, "en"), ReportFormat::html));
}
TEST_F(ReportGolden, SelfInspectionHtml) {
  compare("self-inspection-hb-jtt.html", render(fixture_options("hb-jtt"), ReportFormat::html));
}
TEST_F(ReportGolden, SelfInspectionMarkdown) {
  compare("self-inspection-hb-jtt.md", render(fixture_options("hb-jtt"), ReportFormat::md));
}
TEST_F(ReportGolden, SelfInspectionCsv) {
  compare("self-inspection-hb-jtt.csv", render(fixture_options("hb-jtt"), ReportFormat::csv));
}
TEST_F(ReportGolden, SelfInspectionJson) {
  compare("self-inspection-js-jtt.json", render(fixture_options("js-jtt"), ReportFormat::json));
}
TEST_F(ReportGolden, SelfInspectionEnglishMarkdown) {
  compare("self-inspection-js-jtt.en.md",
          render(fixture_options("js-jtt", "en"), ReportFormat::md));
}

}  // namespace
}  // namespace sitepatrol::reports
