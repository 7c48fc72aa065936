// Reports name the maintenance windows of the month (issue 12): the monthly 通报 and the
// self-inspection report, in Chinese and English, and the JSON form.
#include "reports/report_generate.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/reports/report_fixture.h"
#include "tests/support/in_zone.h"

namespace sitepatrol::reports {
namespace {

using testing::fill_store;
using testing::fixture_config;
using testing::fixture_options;

class MaintenanceReport : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::open_sqlite(dir_.file("report.db"));
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    fill_store(*store_);
    config::MaintenanceWindow fixed;
    fixed.from = *config::parse_local_time("2026-11-14T22:00");
    fixed.to = *config::parse_local_time("2026-11-15T02:00");
    fixed.text = "2026-11-14 22:00 – 2026-11-15 02:00";
    config::MaintenanceWindow weekly;
    weekly.cron = *config::CronExpr::parse("0 2 * * 0");
    weekly.duration = std::chrono::hours(2);
    weekly.text = "0 2 * * 0 (2h)";
    for (auto& s : config_.sites)
      if (s.id == "js-jtt") s.maintenance = {fixed, weekly};
  }

  std::string render(const LoadOptions& options, ReportFormat format) {
    std::ostringstream out;
    auto ok = generate_report(*store_, config_, options, format, out);
    EXPECT_TRUE(ok) << ok.error();
    return out.str();
  }

  testsupport::InZone zone_{"Asia/Shanghai"};
  store::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  config::Config config_ = fixture_config();
};

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST_F(MaintenanceReport, MonthlyReportListsTheWindowsOfTheMonth) {
  const std::string zh = render(fixture_options(), ReportFormat::md);
  EXPECT_TRUE(has(zh, "本月维护窗口")) << zh;
  EXPECT_TRUE(has(zh, "2026-11-14 22:00 – 2026-11-15 02:00")) << zh;
  // The five Sundays of November 2026 (1, 8, 15, 22, 29), 02:00-04:00 local time.
  // Markdown escapes the cron's asterisks.
  EXPECT_TRUE(has(zh, R"(2026-11-01 02:00 – 2026-11-01 04:00（0 2 \* \* 0 (2h)）)")) << zh;
  EXPECT_TRUE(has(zh, "2026-11-29 02:00 – 2026-11-29 04:00")) << zh;
  EXPECT_FALSE(has(zh, "2026-12-06 02:00")) << zh;
  const std::string en = render(fixture_options(std::nullopt, "en"), ReportFormat::md);
  EXPECT_TRUE(has(en, "Maintenance windows this month")) << en;
  EXPECT_TRUE(has(en, R"(2026-11-08 02:00 – 2026-11-08 04:00 (0 2 \* \* 0 (2h)))")) << en;
}

TEST_F(MaintenanceReport, SelfInspectionReportListsThemOnlyForItsSite) {
  const std::string with = render(fixture_options("js-jtt"), ReportFormat::md);
  EXPECT_TRUE(has(with, "本月维护窗口")) << with;
  const std::string without = render(fixture_options("hb-jtt"), ReportFormat::md);
  EXPECT_FALSE(has(without, "维护窗口")) << without;
  const std::string en = render(fixture_options("js-jtt", "en"), ReportFormat::html);
  EXPECT_TRUE(has(en, "Maintenance windows this month")) << en;
}

TEST_F(MaintenanceReport, JsonCarriesTheWindows) {
  const std::string json = render(fixture_options("js-jtt"), ReportFormat::json);
  EXPECT_TRUE(has(json, "\"maintenance\"")) << json;
  EXPECT_TRUE(has(json, "\"from\": \"2026-11-15 02:00\"") ||
              has(json, "\"from\":\"2026-11-15 02:00\""))
      << json;
}

}  // namespace
}  // namespace sitepatrol::reports
