// A site the month's last patrol could not check (issue 11): the report says so, names the
// points not checked, keeps the carried-over findings as open, and computes no index.
#include <gtest/gtest.h>

#include "reports/report_format.h"
#include "reports/report_model.h"

namespace sitepatrol::reports {
namespace {

using checks::Severity;

store::FindingRow carried(std::string code, std::string subject) {
  store::FindingRow r;
  r.finding = checks::Finding{
      "s", std::move(code), Severity::error, std::move(subject), "http://s.example/", "HTTP 404"};
  r.status = "open";
  r.first_seen = "2026-11-02T02:00:00Z";
  r.last_seen = "2026-11-02T02:00:00Z";
  r.verified = false;
  r.unverified = "site_down";
  r.unverified_detail = "HTTP 503";
  return r;
}

ReportData down_site() {
  ReportData data;
  data.generated_at = "2026-12-01T08:00:00Z";
  data.site = "s";
  SiteMonth m;
  m.site.id = "s";
  m.site.name = "示范站";
  m.site.url = "http://s.example/";
  m.runs = 2;
  m.runs_down = 1;
  m.last_run_at = "2026-11-20T02:00:00Z";
  m.coverage = {"down", "HTTP 503"};
  store::FindingRow outage;
  outage.finding = checks::Finding{
      "s", "AVAIL-DOWN", Severity::critical, "http://s.example/", "http://s.example/", "HTTP 503"};
  outage.status = "new";
  outage.first_seen = outage.last_seen = m.last_run_at;
  m.current = {outage, carried("LINK-BROKEN", "http://s.example/a.pdf"),
               carried("LINK-BROKEN", "http://s.example/b.pdf")};
  data.month.month = "2026-11";
  data.month.runs = 2;
  data.month.sites = {m};
  return data;
}

TEST(UncheckedSite, IndicesAreNotMeasurableAndCountsKeepTheOpenProblems) {
  const Report r = build_report(down_site());
  ASSERT_EQ(r.sites.size(), 1u);
  const SiteReport& s = r.sites[0];
  EXPECT_FALSE(s.complete);
  EXPECT_EQ(s.unverified, 2);
  EXPECT_FALSE(s.indices.disclosure.measurable);
  EXPECT_FALSE(s.indices.service.measurable);
  EXPECT_FALSE(s.indices.interaction.measurable);
  EXPECT_FALSE(s.indices.disclosure.meets.has_value());
  EXPECT_EQ(s.by_severity[static_cast<int>(Severity::error)], 2);
  EXPECT_EQ(s.resolved_count, 0);
  EXPECT_EQ(s.open_count + s.new_count, 3);
  EXPECT_NE(verdict_text(s, Lang::zh).find("未能完成检查（首页无法访问（HTTP 503）"),
            std::string::npos)
      << verdict_text(s, Lang::zh);
  EXPECT_NE(verdict_text(s, Lang::en).find("could not be checked"), std::string::npos);
}

TEST(UncheckedSite, NoPointSaysNoProblemsFound) {
  const Report r = build_report(down_site());
  ASSERT_EQ(r.points.size(), 4u);
  for (const InspectionPoint& p : r.points) {
    EXPECT_FALSE(p.checked) << p.title;
    EXPECT_FALSE(p.passed) << p.title;
    EXPECT_EQ(p.conclusion.find("未发现问题"), std::string::npos) << p.conclusion;
    EXPECT_NE(p.conclusion.find("未能完成检查"), std::string::npos) << p.conclusion;
  }
  // The link point names the two links it could not re-check, and reads no "0 links checked".
  EXPECT_NE(r.points[2].conclusion.find("2 个问题本次未能复查"), std::string::npos)
      << r.points[2].conclusion;
  for (const std::string& line : r.points[2].evidence)
    EXPECT_EQ(line.find("检查链接 0 个"), std::string::npos) << line;
}

TEST(UncheckedSite, CompleteSitesKeepTheirIndices) {
  ReportData data = down_site();
  data.month.sites[0].coverage = {};
  const Report r = build_report(data);
  EXPECT_TRUE(r.sites[0].complete);
  EXPECT_TRUE(r.sites[0].indices.disclosure.measurable);
  EXPECT_TRUE(r.points[0].checked);
}

}  // namespace
}  // namespace sitepatrol::reports
