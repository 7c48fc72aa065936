// Update freshness end to end: the real binary patrols the fixture site of
// tests/data/integration/freshness/ (PLANTED.md lists what is planted) with `crawl --as-of`,
// and `findings` must list exactly the planted freshness findings. Then the same site a few
// days later: the homepage crosses its 14 days, and the column history shows two runs.
#include <gtest/gtest.h>

#include <set>

#include "store/store.h"
#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

const std::filesystem::path kSite =
    std::filesystem::path(SITEPATROL_TEST_DATA) / "integration" / "freshness" / "site";

constexpr std::string_view kNovember25 = "2026-11-25T02:00:00Z";

// The site as a local bureau; freshness and META-MISSING on. Article pages are not part of
// the fixture: their links are 404s.
class FreshnessPatrol : public Patrol {
 public:
  explicit FreshnessPatrol(const FixtureServer& server)
      : Patrol(server, "category = \"local\"\nname = \"示范县交通运输局\"\n") {
    set("disable_codes",  // INTERACT-MISSING: the fixture has no interactive features
        "[\"SEC-NO-HTTPS\", \"SEC-HEADERS\", \"ID-MISSING\", \"LINK-BROKEN\", "
        "\"INTERACT-MISSING\"]");
  }
};

std::set<std::pair<std::string, std::string>> codes_and_subjects(const Findings& f) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& x : f.all) out.emplace(x.code, x.subject);
  return out;
}

TEST(Freshness, FixtureSiteGivesExactlyThePlantedFindings) {
  FixtureServer server(kSite);
  FreshnessPatrol patrol(server);
  const Round r = patrol.round({"--as-of", std::string(kNovember25)});
  ASSERT_TRUE(round_ok(r));
  const std::set<std::pair<std::string, std::string>> expected = {
      {"FRESH-COLUMN", on_site(server, "/tzgg/")},
      {"FRESH-COLUMN", on_site(server, "/yjgl/list.gbk.html")},
      {"FRESH-COLUMN", on_site(server, "/rsxx/")},
      {"FRESH-COLUMN", on_site(server, "/zwgk/czyjs/")},
      {"COLUMN-EMPTY", on_site(server, "/zwgk/ghjh/")},
      {"COLUMN-EMPTY", on_site(server, "/bsfw/jggs/")},
      {"COLUMN-MISSING", "statistics"},
      {"COLUMN-MISSING", "travel_info"},
  };
  EXPECT_EQ(codes_and_subjects(r.findings), expected) << r.findings.describe();

  // What a site owner reads in the details.
  const auto notices = r.findings.find("FRESH-COLUMN", on_site(server, "/tzgg/"));
  ASSERT_TRUE(notices);
  EXPECT_EQ(notices->severity, "error");
  EXPECT_NE(notices->detail.find("newest entry 2026-03-01 is 269 days old (limit 180 days)"),
            std::string::npos) << notices->detail;
  EXPECT_NE(notices->detail.find("通知公告"), std::string::npos);
  const auto gbk = r.findings.find("FRESH-COLUMN", on_site(server, "/yjgl/list.gbk.html"));
  ASSERT_TRUE(gbk);
  EXPECT_NE(gbk->detail.find("应急管理 (emergency) [news]: newest entry 2026-11-10 is 15 days"),
            std::string::npos) << gbk->detail;
  const auto undated = r.findings.find("FRESH-COLUMN", on_site(server, "/zwgk/czyjs/"));
  ASSERT_TRUE(undated);
  EXPECT_NE(undated->detail.find("no entry carries a date"), std::string::npos);
  const auto blank = r.findings.find("COLUMN-EMPTY", on_site(server, "/zwgk/ghjh/"));
  ASSERT_TRUE(blank);
  EXPECT_NE(blank->detail.find("no information yet"), std::string::npos);

  // The monthly report judges the column vetoes from the stored column history.
  const ProcessResult report = patrol.run(
      {"report", "-c", patrol.config_path().string(), "--month", "2026-11", "--format", "json"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const auto doc = nlohmann::json::parse(report.out);
  const auto& checks = doc.at("sites").at(0).at("verdict").at("checks");
  bool judged = false;
  for (const auto& c : checks) {
    if (c.at("item") != "columns_stale") continue;
    judged = true;
    EXPECT_EQ(c.at("basis"), "columns");
    EXPECT_EQ(c.at("value"), 4.0);
  }
  EXPECT_TRUE(judged) << report.out;
}

TEST(Freshness, HomepageTurnsStaleAfterFourteenDaysAndHistoryKeepsEachRun) {
  FixtureServer server(kSite);
  FreshnessPatrol patrol(server);
  // The homepage's newest entry is 2026-11-20: on 12-04 (Beijing) it is 14 days old.
  const Round day14 = patrol.round({"--as-of", "2026-12-04T02:00:00Z"});
  ASSERT_TRUE(round_ok(day14));
  EXPECT_FALSE(day14.findings.find("FRESH-HOME", home(server))) << day14.findings.describe();
  const Round day15 = patrol.round({"--as-of", "2026-12-05T02:00:00Z"});
  ASSERT_TRUE(round_ok(day15));
  const auto stale = day15.findings.find("FRESH-HOME", home(server));
  ASSERT_TRUE(stale) << day15.findings.describe();
  EXPECT_EQ(stale->severity, "critical");
  // The calendar (2026-11-24) and the footer's 更新时间 are no entries.
  EXPECT_NE(stale->detail.find("newest entry 2026-11-20 is 15 days old"), std::string::npos)
      << stale->detail;
  // The news column is now stale too (23 days).
  EXPECT_TRUE(day15.findings.find("FRESH-COLUMN", on_site(server, "/gzdt/")));

  auto store = store::open_sqlite(patrol.database_path());
  ASSERT_TRUE(store) << store.error().message;
  auto history = (*store)->column_history("site");
  ASSERT_TRUE(history) << history.error().message;
  std::set<std::int64_t> runs;
  std::optional<store::ColumnHistoryRow> news_second;
  for (const auto& row : *history) {
    runs.insert(row.run);
    if (row.column.key == "news" && row.column.url == on_site(server, "/gzdt/")) {
      news_second = row;
    }
  }
  EXPECT_EQ(runs.size(), 2u);
  ASSERT_TRUE(news_second);
  EXPECT_EQ(news_second->column.entries, 5);      // both pages of the column
  EXPECT_EQ(news_second->column.new_entries, 0);  // nothing new since the first run
  EXPECT_FALSE(news_second->column.first_seen);
  EXPECT_FALSE(news_second->column.dates_suspicious);
  EXPECT_EQ(checks::to_string(*news_second->column.newest), "2026-11-12");
}

}  // namespace
}  // namespace sitepatrol::integration
