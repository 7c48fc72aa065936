// Gathering a month from the store: month boundaries (UTC, by run start), only finished runs,
// the month's end state, resolutions that stick, runs with the homepage down, attachments.
#include "reports/report_load.h"

#include <gtest/gtest.h>

#include "tests/reports/report_fixture.h"

namespace sitepatrol::reports {
namespace {

using checks::Severity;

TEST(MonthBounds, ValidAndInvalid) {
  EXPECT_EQ(month_bounds("2026-12"), std::make_pair(std::string("2026-12-01T00:00:00Z"),
                                                    std::string("2027-01-01T00:00:00Z")));
  for (const char* bad : {"2026-13", "2026-00", "2026-1", "26-11", "2026-11-01", "2026/11", ""}) {
    EXPECT_FALSE(month_bounds(bad).has_value()) << bad;
  }
  EXPECT_EQ(month_before("2026-01"), "2025-12");
  EXPECT_EQ(month_before("2026-11", 12), "2025-11");
}

class LoadMonth : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::open_sqlite(dir_.file("load.db"));
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    config_.sites.push_back(testing::fixture_site("a", "A", "http://a.example/", "local", "U"));
    config_.sites.push_back(testing::fixture_site("b", "B", "http://b.example/", "local", "U"));
  }

  // One run over `sites` started at `start`; `finish` false leaves it running (then aborted).
  void run(const std::string& start, std::vector<checks::Finding> findings,
           std::vector<std::string> sites = {"a"}, bool finish = true) {
    auto id = store_->begin_run(start, sites);
    ASSERT_TRUE(id);
    ASSERT_TRUE(store_->save_findings(*id, findings));
    if (finish) {
      ASSERT_TRUE(store_->finish_run(*id, start, store::RunTotals{}));
    }
  }

  static checks::Finding finding(std::string code, std::string subject) {
    return checks::Finding{"a", std::move(code), Severity::error, std::move(subject), "", ""};
  }

  MonthData load(const std::string& month) {
    auto m = load_month(*store_, config_, month, std::nullopt);
    EXPECT_TRUE(m) << m.error();
    return m ? *m : MonthData{};
  }

  store::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  config::Config config_;
};

TEST_F(LoadMonth, RunsBelongToTheMonthTheyStartedIn) {
  run("2026-10-31T23:59:59Z", {finding("LINK-BROKEN", "x")});
  run("2026-11-01T00:00:00Z", {finding("LINK-BROKEN", "y")});
  const MonthData oct = load("2026-10");
  ASSERT_EQ(oct.sites.size(), 1u);
  EXPECT_EQ(oct.sites[0].current.at(0).finding.subject, "x");
  const MonthData nov = load("2026-11");
  EXPECT_EQ(nov.runs, 1);
  EXPECT_EQ(nov.sites[0].current.at(0).finding.subject, "y");
  EXPECT_EQ(nov.sites[0].resolved.at(0).row.finding.subject, "x");
  EXPECT_TRUE(load("2026-12").sites.empty());
}

TEST_F(LoadMonth, UnfinishedRunsDoNotCount) {
  run("2026-11-02T00:00:00Z", {finding("LINK-BROKEN", "x")});
  run("2026-11-03T00:00:00Z", {finding("SEC-SPAM", "y")}, {"a"}, false);  // killed, then aborted
  checks::Finding on_b = finding("LINK-BROKEN", "x");
  on_b.site = "b";
  run("2026-11-04T00:00:00Z", {on_b}, {"b"});  // aborts it
  const MonthData m = load("2026-11");
  EXPECT_EQ(m.runs, 2);
  ASSERT_EQ(m.sites.size(), 2u);
  EXPECT_EQ(m.sites[0].runs, 1);
  ASSERT_EQ(m.sites[0].current.size(), 1u);
  EXPECT_EQ(m.sites[0].current[0].finding.code, "LINK-BROKEN");
}

TEST_F(LoadMonth, EndStateDownRunsAndResolutionsThatStick) {
  run("2026-11-02T00:00:00Z", {finding("AVAIL-DOWN", "h"), finding("LINK-BROKEN", "x")});
  run("2026-11-09T00:00:00Z", {finding("LINK-BROKEN", "z")});  // AVAIL-DOWN, x resolved
  run("2026-11-16T00:00:00Z", {finding("AVAIL-DOWN", "h")});   // x stays fixed, h back
  const SiteMonth s = load("2026-11").sites.at(0);
  EXPECT_EQ(s.runs, 3);
  EXPECT_EQ(s.runs_down, 2);
  EXPECT_EQ(s.last_run_at, "2026-11-16T00:00:00Z");
  ASSERT_EQ(s.current.size(), 1u);
  EXPECT_EQ(s.current[0].finding.code, "AVAIL-DOWN");
  std::vector<std::string> resolved;
  for (const auto& r : s.resolved) resolved.push_back(r.row.finding.subject + "@" + r.resolved_at);
  // h came back: not resolved; x and z are, each at the run that resolved it.
  EXPECT_EQ(resolved,
            (std::vector<std::string>{"z@2026-11-16T00:00:00Z", "x@2026-11-09T00:00:00Z"}));
}

TEST_F(LoadMonth, SiteFilterAndAttachments) {
  auto id = store_->begin_run("2026-11-02T00:00:00Z", {"a", "b"});
  ASSERT_TRUE(id);
  std::vector<store::LinkRecord> links = {store::testing::link("a", "http://a.example/f.PDF?x=1"),
                                          store::testing::link("a", "http://a.example/g.doc", 500),
                                          store::testing::link("a", "http://a.example/p.html", 404),
                                          store::testing::link("b", "http://b.example/h.xls")};
  ASSERT_TRUE(store_->save_links(*id, links));
  ASSERT_TRUE(store_->finish_run(*id, "2026-11-02T01:00:00Z", store::RunTotals{}));
  auto m = load_month(*store_, config_, "2026-11", std::string("a"));
  ASSERT_TRUE(m);
  ASSERT_EQ(m->sites.size(), 1u);
  EXPECT_EQ(m->sites[0].links_checked, 3);
  EXPECT_EQ(m->sites[0].attachments, 2);
  EXPECT_EQ(m->sites[0].attachments_failed, 1);
}

}  // namespace
}  // namespace sitepatrol::reports
