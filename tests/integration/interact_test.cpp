// INTERACT-* end to end (issue 4): three fixture sites under tests/data/interact/, their dates
// written relative to today (Beijing time) so the planted ages hold on any day.
//
//  a  local: GET search that works; a table-style message board with pagination (unanswered
//     120 and 150 days: reported; 80 days and 400 days: not), its write form one click away; a
//     list-style mailbox (处理中 100 days: reported); interviews, a solicitation without
//     feedback, a disclosure request form, and stale mailbox statistics (FRESH-COLUMN).
//  b  ministry_unit: a board of detail pages (尚未回复 200 days: reported; 办理中 80 days: not),
//     no interview this year (INTERACT-TOO-FEW), a solicitation page answering 500 and a GET
//     search whose results page is a 500 (INTERACT-BROKEN both).
//  c  local: a consultation "channel" that is only a telephone number (INTERACT-MISSING) and a
//     POST search form, only checked.
// Over the whole run the fixture servers must see nothing but GET and HEAD.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "store/store.h"
#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

// The harness's quiet list without INTERACT-MISSING, which these tests are about.
constexpr const char* kQuiet =
    "[\"SEC-NO-HTTPS\", \"SEC-HEADERS\", \"ID-MISSING\", \"FRESH-HOME\", \"COLUMN-MISSING\", "
    "\"META-MISSING\"]";

std::string iso(year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

// {{today}}, {{dN}} (N days ago) and {{lastyear}}, as the sites' pages write them.
std::map<std::string, std::string> planted_dates() {
  const auto today = floor<days>(system_clock::now() + hours(8));
  std::map<std::string, std::string> values{{"today", iso(year_month_day(today))}};
  for (int n : {10, 17, 20, 30, 36, 40, 55, 60, 70, 75, 80, 100, 120, 150, 160, 170, 200, 380,
                400, 420, 450})
    values["d" + std::to_string(n)] = iso(year_month_day(today - days(n)));
  const year_month_day ymd(today);
  values["lastyear"] = iso((ymd.year() - years(1)) / June / 15);
  return values;
}

// Every file of tests/data/interact/<site>/ served at its path, dates filled in.
void serve_site(FixtureServer& server, const std::string& site) {
  const fs::path root = fs::path(SITEPATROL_TEST_DATA) / "interact" / site;
  const auto dates = planted_dates();
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string path = "/" + fs::relative(entry.path(), root).generic_string();
    const std::string html = fill_template(text.str(), dates);
    if (path.ends_with("/index.html")) server.page(path.substr(0, path.size() - 10), html);
    server.page(path, html);
  }
}

std::set<std::string> interact_findings(const Findings& f, const std::string& site) {
  std::set<std::string> out;
  for (const auto& x : f.all)
    if (x.site == site && x.code.starts_with("INTERACT-")) out.insert(x.code + " " + x.subject);
  return out;
}

void expect_only_get_and_head(const FixtureServer& server) {
  for (const auto& r : server.requests())
    EXPECT_TRUE(r.method == "GET" || r.method == "HEAD") << r.method << " " << r.target;
}

class Interact : public ::testing::Test {
 protected:
  void SetUp() override {
    serve_site(a_, "a");
    a_.status("/hdjl/zx/submit", 405);
    a_.status("/xxgk/ysq/submit", 405);
    serve_site(b_, "b");
    b_.status("/zqyj/", 500);
    b_.status("/search/do", 500);
    b_.status("/lyb/post.do", 405);
    serve_site(c_, "c");
    c_.status("/ysq/apply", 405);
    patrol_.set("check_external_links", "false");
    patrol_.set("disable_codes", kQuiet);
    patrol_.resolve("www.a.example", a_.port());
    patrol_.resolve("www.b.example", b_.port());
    patrol_.resolve("www.c.example", c_.port());
    patrol_.add_site("a", site_url("www.a.example", a_.port()),
                     "name = \"示范市交通运输局\"\ncategory = \"local\"");
    patrol_.add_site("b", site_url("www.b.example", b_.port()),
                     "name = \"示范航道科学研究所\"\ncategory = \"ministry_unit\"");
    patrol_.add_site("c", site_url("www.c.example", c_.port()),
                     "name = \"示范县交通运输局\"\ncategory = \"local\"");
    round_ = patrol_.round();
  }

  std::string a(std::string_view path) const { return site_url("www.a.example", a_.port(), path); }
  std::string b(std::string_view path) const { return site_url("www.b.example", b_.port(), path); }

  FixtureServer a_, b_, c_;
  Patrol patrol_;
  Round round_;
};

TEST_F(Interact, TableAndListBoardsReportTheirOldUnansweredMessagesOnly) {
  ASSERT_TRUE(round_ok(round_));
  EXPECT_EQ(interact_findings(round_.findings, "a"),
            (std::set<std::string>{"INTERACT-UNANSWERED " + a("/detail.html?id=zx101"),
                                   "INTERACT-UNANSWERED " + a("/detail.html?id=zx201"),
                                   "INTERACT-UNANSWERED " + a("/detail.html?id=xx1")}))
      << round_.findings.describe();
  auto f = round_.findings.find("INTERACT-UNANSWERED", a("/detail.html?id=zx201"));
  ASSERT_TRUE(f);
  EXPECT_EQ(f->severity, "critical");
  EXPECT_EQ(f->page, a("/hdjl/zx/index_1.html"));  // found by following 下一页
  EXPECT_NE(f->detail.find("150 days"), std::string::npos) << f->detail;
}

TEST_F(Interact, ReplyRatesAndInterviewsAreStoredPerSiteAndMonth) {
  ASSERT_TRUE(round_ok(round_));
  auto store = store::open_sqlite(patrol_.database_path());
  ASSERT_TRUE(store) << store.error().message;
  auto months = (*store)->interaction_months("a");
  ASSERT_TRUE(months) << months.error().message;
  ASSERT_EQ(months->size(), 12u);
  const auto dates = planted_dates();
  auto month_of = [&](const std::string& day) -> const checks::InteractionMonth& {
    for (const auto& m : *months)
      if (m.month == day.substr(0, 7)) return m;
    throw std::runtime_error("no month for " + day);
  };
  int messages = 0, answered = 0, interviews = 0, no_feedback = 0;
  for (const auto& m : *months) {
    messages += m.messages;
    answered += m.answered;
    interviews += m.interviews;
    no_feedback += m.solicitations_no_feedback;
  }
  // Within 12 months: board zx101 zx102 zx103 zx104 zx201 zx203, mailbox xx1 xx2; answered
  // zx103 zx104 zx203 xx2. Interviews: the two of today. Solicitation yj1 owes feedback.
  EXPECT_EQ(messages, 8);
  EXPECT_EQ(answered, 4);
  EXPECT_EQ(interviews, 2);
  EXPECT_EQ(no_feedback, 1);
  EXPECT_GE(month_of(dates.at("d120")).unanswered, 1);
  EXPECT_EQ(month_of(dates.at("d70")).solicitations_no_feedback, 1);
  auto b = (*store)->interaction_months("b");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->size(), 12u);
}

TEST_F(Interact, StaleMailboxStatisticsAreAStaleColumn) {
  ASSERT_TRUE(round_ok(round_));
  auto f = round_.findings.find("FRESH-COLUMN", a("/hdjl/tj/"));
  ASSERT_TRUE(f) << round_.findings.describe();
  EXPECT_EQ(f->severity, "error");
  EXPECT_NE(f->detail.find("200 days"), std::string::npos) << f->detail;
}

TEST_F(Interact, DetailPagesTooFewInterviewsAndBrokenSearchAndSolicitation) {
  ASSERT_TRUE(round_ok(round_));
  EXPECT_EQ(interact_findings(round_.findings, "b"),
            (std::set<std::string>{"INTERACT-UNANSWERED " + b("/lyb/m1.html"),
                                   "INTERACT-TOO-FEW interview", "INTERACT-BROKEN solicitation",
                                   "INTERACT-BROKEN search"}))
      << round_.findings.describe();
  auto search = round_.findings.find("INTERACT-BROKEN", "search");
  ASSERT_TRUE(search);
  EXPECT_NE(search->detail.find("HTTP 500"), std::string::npos) << search->detail;
  EXPECT_EQ(b_.hits("/search/do", "GET"), 1u);  // submitted once, with the site's name
  auto too_few = round_.findings.find("INTERACT-TOO-FEW", "interview");
  ASSERT_TRUE(too_few);
  EXPECT_EQ(too_few->severity, "warning");
}

TEST_F(Interact, ATelephoneNumberIsNoConsultationChannel) {
  ASSERT_TRUE(round_ok(round_));
  EXPECT_EQ(interact_findings(round_.findings, "c"),
            (std::set<std::string>{"INTERACT-MISSING message_board"}))
      << round_.findings.describe();
  auto f = round_.findings.find("INTERACT-MISSING", "message_board");
  ASSERT_TRUE(f);
  EXPECT_NE(f->detail.find("telephone"), std::string::npos) << f->detail;
}

TEST_F(Interact, NothingButGetAndHeadReachesTheSites) {
  ASSERT_TRUE(round_ok(round_));
  EXPECT_GT(a_.requests_seen(), 10u);
  expect_only_get_and_head(a_);
  expect_only_get_and_head(b_);
  expect_only_get_and_head(c_);
  // The POST forms' actions were checked without data, the POST search form never submitted.
  EXPECT_GE(a_.hits("/hdjl/zx/submit"), 1u);
  EXPECT_GE(c_.hits("/search.jsp"), 1u);
  EXPECT_EQ(c_.hits("/search.jsp", "POST"), 0u);
}

// [[site.feature]] names a feature no link names: it is fetched (though nothing links to it)
// and replaces the telephone-only page the names found.
TEST(InteractConfigured, AConfiguredFeatureIsFetchedAndUsedInsteadOfTheNamedOnes) {
  FixtureServer server;
  serve_site(server, "c");
  server.status("/ysq/apply", 405);
  server.page("/hudong/", html("<form action=\"/hudong/post\" method=\"post\">"
                               "<input name=\"title\"><textarea name=\"body\"></textarea></form>"));
  server.status("/hudong/post", 405);
  Patrol patrol(server, "name = \"示范县交通运输局\"\n  [[site.feature]]\n  kind = \"message_board\"\n"
                        "  url = \"" + site_url(kSiteHost, server.port(), "/hudong/") + "\"");
  patrol.set("disable_codes", kQuiet);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_TRUE(interact_findings(r.findings, "site").empty()) << r.findings.describe();
  EXPECT_EQ(server.hits("/hudong/", "GET"), 1u);
  EXPECT_EQ(server.hits("/hudong/post", "POST"), 0u);
  expect_only_get_and_head(server);
}

// A list's pagination costs no crawl depth, and stops after the page whose entries are all
// older than 12 months: with max_depth 1 the second page (two clicks from home) is still read
// as a page, the fourth is only checked.
TEST(InteractPagination, FollowedWithoutSpendingDepthForTwelveMonths) {
  FixtureServer server;
  serve_site(server, "a");
  server.status("/hdjl/zx/submit", 405);
  server.status("/xxgk/ysq/submit", 405);
  Patrol patrol(server, "name = \"示范市交通运输局\"");
  patrol.set("max_depth", "1");
  patrol.set("disable_codes", kQuiet);
  patrol.set("check_external_links", "false");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_TRUE(r.findings.find("INTERACT-UNANSWERED", on_site(server, "/detail.html?id=zx201")))
      << r.findings.describe();
  EXPECT_EQ(server.hits("/hdjl/zx/index_1.html", "GET"), 1u);
  EXPECT_EQ(server.hits("/hdjl/zx/index_2.html", "GET"), 1u);  // the page after a recent one
  EXPECT_EQ(server.hits("/hdjl/zx/index_3.html", "GET"), 0u);  // after one all over a year old
}

}  // namespace
}  // namespace sitepatrol::integration
