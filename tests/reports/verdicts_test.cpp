// Single-veto verdicts at the edges of the national thresholds (docs/codes.md).
#include "reports/verdicts.h"

#include <gtest/gtest.h>

namespace sitepatrol::reports {
namespace {

using checks::Severity;

store::FindingRow row(std::string code, std::string subject,
                      Severity severity = Severity::critical) {
  store::FindingRow r;
  r.finding = checks::Finding{"s", std::move(code), severity, std::move(subject), "", ""};
  r.status = "open";
  return r;
}

SiteMonth site_with(std::string code, int count) {
  SiteMonth m;
  m.site.id = "s";
  m.runs = 1;
  for (int i = 0; i < count; ++i)
    m.current.push_back(row(code, "http://s/c" + std::to_string(i) + "/"));
  return m;
}

const VetoCheck& item(const SiteVerdict& v, std::string_view name) {
  for (const VetoCheck& c : v.checks) {
    if (c.item == name) return c;
  }
  throw std::runtime_error("no item " + std::string(name));
}

TEST(Verdicts, CleanSitePasses) {
  SiteMonth m = site_with("LINK-BROKEN", 40);
  const SiteVerdict v = judge_site(m);
  EXPECT_TRUE(v.passed);
  EXPECT_EQ(v.checks.size(), 11u);
}

TEST(Verdicts, UnreachableFromRunsAtFivePercent) {
  SiteMonth m;
  m.runs = 100;
  m.runs_down = 5;  // exactly 5 %: veto
  EXPECT_FALSE(judge_site(m).passed);
  EXPECT_EQ(item(judge_site(m), "unreachable").basis, "runs");
  m.runs = 101;  // 4.95 %: early warning only
  const SiteVerdict v = judge_site(m);
  EXPECT_TRUE(v.passed);
  EXPECT_TRUE(item(v, "unreachable").warning);
  m.runs = 167;  // 2.99 %: nothing
  EXPECT_FALSE(item(judge_site(m), "unreachable").warning);
}

TEST(Verdicts, ProbesWinOverRuns) {
  SiteMonth m;
  m.runs = 1;
  m.runs_down = 1;  // the one patrol failed, but 20 probes a day say otherwise
  m.probes = ProbeAvailability{600, 29};  // 4.83 %
  SiteVerdict v = judge_site(m);
  EXPECT_TRUE(v.passed);
  EXPECT_EQ(item(v, "unreachable").basis, "probes");
  m.probes = ProbeAvailability{600, 30};  // 5 %
  EXPECT_FALSE(judge_site(m).passed);
}

TEST(Verdicts, AvailRatioFindingVetoes) {
  SiteMonth m = site_with("AVAIL-RATIO", 1);
  const SiteVerdict v = judge_site(m);
  EXPECT_FALSE(v.passed);
  EXPECT_EQ(item(v, "unreachable").basis, "AVAIL-RATIO");
  EXPECT_NE(veto_reason(item(v, "unreachable"), Lang::zh).find("AVAIL-RATIO"), std::string::npos);
}

TEST(Verdicts, HomepageNotUpdated) {
  EXPECT_TRUE(judge_site(site_with("FRESH-HOME", 0)).passed);
  EXPECT_FALSE(judge_site(site_with("FRESH-HOME", 1)).passed);
}

TEST(Verdicts, KeyColumnsStaleFromConfiguredClasses) {
  SiteMonth m = site_with("FRESH-COLUMN", 5);
  for (int i = 0; i < 4; ++i)
    m.site.column_classes["http://s/c" + std::to_string(i) + "/"] = "news";
  m.site.column_classes["http://s/c4/"] = "personnel";
  EXPECT_TRUE(judge_site(m).passed) << "4 key columns, 5 stale in all";
  m.site.column_classes["http://s/c4/"] = "policy";
  const SiteVerdict v = judge_site(m);
  EXPECT_FALSE(v.passed);
  EXPECT_EQ(item(v, "key_columns_stale").value, 5);
  EXPECT_EQ(veto_reason(item(v, "key_columns_stale"), Lang::en),
            "news, notice and policy columns not updated: 5 >= 5");
}

TEST(Verdicts, StaleColumnsAtTen) {
  EXPECT_FALSE(item(judge_site(site_with("FRESH-COLUMN", 7)), "columns_stale").warning);
  EXPECT_TRUE(item(judge_site(site_with("FRESH-COLUMN", 8)), "columns_stale").warning);
  EXPECT_TRUE(judge_site(site_with("FRESH-COLUMN", 9)).passed);
  EXPECT_FALSE(judge_site(site_with("FRESH-COLUMN", 10)).passed);
}

TEST(Verdicts, BlankColumnsAtFive) {
  EXPECT_FALSE(item(judge_site(site_with("COLUMN-EMPTY", 1)), "columns_blank").warning);
  EXPECT_TRUE(item(judge_site(site_with("COLUMN-EMPTY", 2)), "columns_blank").warning);
  EXPECT_TRUE(judge_site(site_with("COLUMN-EMPTY", 4)).passed);
  EXPECT_FALSE(judge_site(site_with("COLUMN-EMPTY", 5)).passed);
}

TEST(Verdicts, ColumnStatisticsReplaceFindings) {
  SiteMonth m = site_with("FRESH-COLUMN", 10);  // the findings would veto ...
  m.columns = std::vector<ColumnStat>{};        // ... but the column history says otherwise
  for (int i = 0; i < 5; ++i) {
    ColumnStat c;
    c.url = "http://s/n" + std::to_string(i) + "/";
    c.column_class = i < 4 ? "notice" : "news";
    c.stale = true;
    m.columns->push_back(c);
  }
  const SiteVerdict v = judge_site(m);
  EXPECT_EQ(item(v, "columns_stale").value, 5);
  EXPECT_EQ(item(v, "columns_stale").basis, "columns");
  EXPECT_TRUE(item(v, "key_columns_stale").vetoed);
}

TEST(Verdicts, PoorResponse) {
  EXPECT_FALSE(judge_site(site_with("INTERACT-UNANSWERED", 1)).passed);
  SiteMonth m;
  m.current.push_back(row("INTERACT-MISSING", "interview"));
  EXPECT_TRUE(judge_site(m).passed) << "no interviews is not a veto";
  m.current.push_back(row("INTERACT-BROKEN", "message_board"));
  EXPECT_FALSE(judge_site(m).passed) << "no working consultation channel is";
}

TEST(Verdicts, SecurityItemsVetoOnOne) {
  for (const char* code : {"SEC-DARKLINK", "SEC-SPAM", "SEC-TAMPER"}) {
    EXPECT_TRUE(judge_site(site_with(code, 0)).passed) << code;
    EXPECT_FALSE(judge_site(site_with(code, 1)).passed) << code;
  }
  EXPECT_TRUE(judge_site(site_with("SEC-FOREIGN-SCRIPT", 3)).passed);
}

// Leaking personal data is a single-veto item of the national indicators (issue 13).
TEST(Verdicts, LeakedPersonalDataFailsTheSite) {
  SiteMonth m = site_with("SEC-SPAM", 0);
  m.current.push_back(
      row("CONTENT-PRIVACY", "http://jtt.hb.example/gsgg/t1.html", Severity::critical));
  const SiteVerdict v = judge_site(m);
  EXPECT_FALSE(v.passed);
  EXPECT_TRUE(item(v, "privacy").vetoed);
  EXPECT_EQ(item(v, "privacy").evidence,
            std::vector<std::string>{"http://jtt.hb.example/gsgg/t1.html"});
  EXPECT_EQ(veto_label("privacy", Lang::zh), "隐私泄露");
}

// A serious misstatement is a single-veto item; a slip in the name of one of the site's own
// leaders (error, not critical) is not (issue 13).
TEST(Verdicts, SeriousMisstatementFailsTheSite) {
  SiteMonth m = site_with("SEC-SPAM", 0);
  m.current.push_back(
      row("CONTENT-MISSTATEMENT", "http://jtt.hb.example/gzdt/t2.html", Severity::error));
  m.current.push_back(row("CONTENT-TYPO", "http://jtt.hb.example/gzdt/t3.html", Severity::warning));
  EXPECT_TRUE(judge_site(m).passed);
  m.current.push_back(
      row("CONTENT-MISSTATEMENT", "http://jtt.hb.example/gzdt/t1.html", Severity::critical));
  const SiteVerdict v = judge_site(m);
  EXPECT_FALSE(v.passed);
  EXPECT_EQ(item(v, "misstatement").evidence,
            std::vector<std::string>{"http://jtt.hb.example/gzdt/t1.html"});
  EXPECT_EQ(veto_label("misstatement", Lang::zh), "严重表述错误");
}

TEST(Verdicts, AHiddenLinkLeftForReviewIsNoDarkLink) {
  SiteMonth m = site_with("SEC-SPAM", 0);
  m.current.push_back(row("SEC-DARKLINK", "http://partner.example/", Severity::warning));
  SiteVerdict v = judge_site(m);
  EXPECT_TRUE(v.passed);
  EXPECT_EQ(item(v, "dark_links").value, 0);
  m.current.push_back(row("SEC-DARKLINK", "http://www.bocai.example/", Severity::critical));
  v = judge_site(m);
  EXPECT_FALSE(v.passed);
  EXPECT_EQ(item(v, "dark_links").evidence, std::vector<std::string>{"http://www.bocai.example/"});
}

}  // namespace
}  // namespace sitepatrol::reports
