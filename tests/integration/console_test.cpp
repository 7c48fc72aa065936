// The web console over HTTP (issue 17), as a browser without script would use it: sign in,
// the overview of every site, a site's page, a finding's evidence and history, a human
// review that changes the month's verdict, a re-check the daemon runs at once, the CSV and
// the monthly report; and what must be refused: no session, a wrong password (rate-limited),
// a viewer acting, a form without its CSRF token or from another origin, a user limited to
// one unit asking for another unit's site. Strings from the crawled page (an XSS link text
// and title) come out escaped. A real daemon, a real database, fixture sites on loopback.
#include <gtest/gtest.h>

#include <regex>

#include "app/console/form.h"
#include "tests/integration/console_setup.h"

namespace sitepatrol::integration {
namespace {

using testsupport::WebAnswer;
using testsupport::WebClient;

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// The verdict cell of a site's row in the overview ("" when the row is missing).
std::string verdict_of(const std::string& overview, const std::string& site_id) {
  const auto row = overview.find("href=\"/site/" + site_id + "\"");
  if (row == std::string::npos) return "";
  const auto cell =
      overview.find("<td class=\"", overview.find("</td>", overview.find("</td>", row) + 1));
  return overview.substr(cell, overview.find("</td>", cell) - cell);
}

class ConsoleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(setup_.start(error)) << error;
  }
  ConsoleSetup setup_;
};

TEST_F(ConsoleTest, NobodyGetsInWithoutSigningInAndWrongPasswordsAreLimited) {
  auto anonymous = setup_.client();
  const WebAnswer overview = anonymous->get("/");
  EXPECT_EQ(overview.status, 303);
  EXPECT_EQ(overview.header("location"), "/login?back=%2F");
  EXPECT_EQ(anonymous->get("/site/site").status, 303);
  EXPECT_EQ(anonymous->post("/site/site/recheck", {{"csrf", "0"}}).status, 403);
  const WebAnswer login = anonymous->get("/login");
  EXPECT_EQ(login.status, 200);
  EXPECT_TRUE(contains(login.body, "name=\"password\"")) << login.body;
  EXPECT_TRUE(contains(login.header("content-security-policy"), "script-src 'self'"));

  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(anonymous->post("/login", {{"name", "li"}, {"password", "guess"}}).status, 401);
  }
  // The fourth try is refused even with the right password, and nothing is signed in.
  const WebAnswer limited =
      anonymous->post("/login", {{"name", "li"}, {"password", ConsoleSetup::password("li")}});
  EXPECT_EQ(limited.status, 429);
  EXPECT_TRUE(contains(limited.body, "登录失败次数过多")) << limited.body;
  EXPECT_EQ(anonymous->get("/").status, 303);
  // /healthz and /metrics are served as before, without signing in.
  EXPECT_EQ(anonymous->get("/healthz").status, 200);
  EXPECT_EQ(anonymous->get("/metrics").status, 200);
}

TEST_F(ConsoleTest, TheOverviewShowsEverySiteWithItsVerdictAndCrawledTextEscaped) {
  auto li = setup_.client();
  const WebAnswer signed_in = li->post(
      "/login", {{"name", "li"}, {"password", ConsoleSetup::password("li")}, {"back", "/"}});
  ASSERT_EQ(signed_in.status, 303) << signed_in.body;
  const std::string cookie = signed_in.header("set-cookie");
  EXPECT_TRUE(contains(cookie, "HttpOnly")) << cookie;
  EXPECT_TRUE(contains(cookie, "SameSite=Strict")) << cookie;

  const WebAnswer overview = li->get("/");
  ASSERT_EQ(overview.status, 200) << overview.body;
  EXPECT_TRUE(contains(overview.header("content-security-policy"), "default-src 'none'"));
  EXPECT_EQ(overview.header("x-frame-options"), "DENY");
  EXPECT_TRUE(contains(overview.body, "江苏交通")) << overview.body;
  EXPECT_TRUE(contains(overview.body, "海事&lt;b&gt;局&lt;/b&gt;")) << overview.body;
  EXPECT_FALSE(contains(overview.body, "<b>局")) << overview.body;
  const std::string spam_verdict = verdict_of(overview.body, "site");
  EXPECT_TRUE(contains(spam_verdict, "class=\"fail\"")) << spam_verdict;
  EXPECT_TRUE(contains(spam_verdict, "不合格")) << spam_verdict;
  // Filtered by unit; sorted by a column (the link says which way it goes next).
  const WebAnswer one_unit = li->get("/?unit=" + app::console::url_encode(kOtherUnit));
  EXPECT_TRUE(contains(one_unit.body, "href=\"/site/xss\"")) << one_unit.body;
  EXPECT_FALSE(contains(one_unit.body, "href=\"/site/site\"")) << one_unit.body;
  const WebAnswer sorted = li->get("/?sort=critical&dir=desc");
  ASSERT_EQ(sorted.status, 200);
  EXPECT_LT(sorted.body.find("href=\"/site/site\""), sorted.body.find("href=\"/site/xss\""));

  // The site page of the XSS site: its broken link with the link text escaped.
  const WebAnswer xss = li->get("/site/xss");
  ASSERT_EQ(xss.status, 200) << xss.body;
  EXPECT_TRUE(contains(xss.body, "LINK-BROKEN")) << xss.body;
  EXPECT_TRUE(contains(xss.body, "&lt;img src=x onerror=alert(1)&gt;坏链接")) << xss.body;
  EXPECT_FALSE(contains(xss.body, "<img src=x")) << xss.body;
  EXPECT_FALSE(contains(xss.body, "<script>alert")) << xss.body;

  // In English.
  const WebAnswer english = li->get("/lang/en?back=%2F");
  EXPECT_EQ(english.status, 303);
  EXPECT_EQ(english.header("location"), "/");
  EXPECT_TRUE(contains(li->get("/").body, "All sites"));
  EXPECT_EQ(li->get("/lang/zh?back=https%3A%2F%2Fevil.example%2F").header("location"), "/");
}

TEST_F(ConsoleTest, AnOperatorsReviewChangesTheVerdictAndIsRecordedWithWhoAndWhy) {
  auto li = setup_.client("li");
  const std::string finding =
      "/finding?site=site&code=SEC-SPAM&subject=" + app::console::url_encode(setup_.spam_page());
  const WebAnswer page = li->get(finding);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "id=\"history\"")) << page.body;
  const std::string csrf = WebClient::csrf_of(page.body);
  ASSERT_FALSE(csrf.empty()) << page.body;
  const std::map<std::string, std::string> review = {
      {"site", "site"},
      {"code", "SEC-SPAM"},
      {"subject", setup_.spam_page()},
      {"verdict", "false_alarm"},
      {"reason", "<script>alert(1)</script>转载的新闻报道，非注入"}};

  // Forged: no token, a wrong token, another origin.
  EXPECT_EQ(li->post("/review", review).status, 403);
  auto wrong = review;
  wrong["csrf"] = std::string(64, 'a');
  EXPECT_EQ(li->post("/review", wrong).status, 403);
  auto with_token = review;
  with_token["csrf"] = csrf;
  EXPECT_EQ(li->post("/review", with_token, {"Origin: http://evil.example"}).status, 403);
  EXPECT_TRUE(contains(verdict_of(li->get("/").body, "site"), "不合格"));

  const WebAnswer done = li->post("/review", with_token);
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_TRUE(done.header("location").starts_with("/finding?site=site&code=SEC-SPAM"));
  const std::string after = verdict_of(li->get("/").body, "site");
  EXPECT_TRUE(contains(after, "class=\"pass\"")) << after;
  const WebAnswer noted = li->get(finding);
  EXPECT_TRUE(contains(noted.body, "li · ")) << noted.body;
  EXPECT_TRUE(contains(noted.body, "&lt;script&gt;alert(1)&lt;/script&gt;转载的新闻报道"))
      << noted.body;
  EXPECT_FALSE(contains(noted.body, "<script>alert(1)")) << noted.body;
  // The same on the command line.
  const auto log =
      setup_.patrol().run({"review", "list", "-c", setup_.patrol().config_path().string()});
  EXPECT_TRUE(contains(log.out, "false_alarm  by li")) << log.out;
}

TEST_F(ConsoleTest, ViewersReadButCannotActAndUnitsLimitWhatIsSeen) {
  auto wang = setup_.client("wang");
  const WebAnswer site = wang->get("/site/site");
  ASSERT_EQ(site.status, 200) << site.body;
  EXPECT_FALSE(contains(site.body, "action=\"/site/site/recheck\"")) << site.body;
  const std::string csrf = WebClient::csrf_of(site.body);  // the sign-out form's
  ASSERT_FALSE(csrf.empty());
  EXPECT_EQ(wang->post("/site/site/recheck", {{"csrf", csrf}}).status, 403);
  EXPECT_EQ(wang->post("/review", {{"csrf", csrf},
                                   {"site", "site"},
                                   {"code", "SEC-SPAM"},
                                   {"subject", setup_.spam_page()},
                                   {"verdict", "false_alarm"},
                                   {"reason", "x"}})
                .status,
            403);

  auto zhao = setup_.client("zhao");
  const WebAnswer overview = zhao->get("/");
  EXPECT_TRUE(contains(overview.body, "href=\"/site/xss\"")) << overview.body;
  EXPECT_FALSE(contains(overview.body, "href=\"/site/site\"")) << overview.body;
  EXPECT_EQ(zhao->get("/site/site").status, 404);
  EXPECT_EQ(zhao->get("/site/site/findings.csv").status, 404);
  EXPECT_EQ(zhao->get("/finding?site=site&code=SEC-SPAM&subject=x").status, 404);
}

TEST_F(ConsoleTest, ARecheckIsQueuedRunAndItsResultShownWithTheRunAndCsv) {
  auto li = setup_.client("li");
  ASSERT_EQ(li->get("/").status, 200);  // the overview first: its cache must not hide the result
  const WebAnswer before = li->get("/site/site");
  const std::string csrf = WebClient::csrf_of(before.body);
  const WebAnswer queued = li->post("/site/site/recheck", {{"csrf", csrf}});
  ASSERT_EQ(queued.status, 303) << queued.body;
  EXPECT_EQ(queued.header("location"), "/site/site#recheck");
  std::string page;
  ASSERT_TRUE(eventually(
      [&] {
        page = li->get("/site/site").body;
        return contains(page, "class=\"recheck done\"");
      },
      60s))
      << page << setup_.daemon_err();
  EXPECT_TRUE(contains(page, "li · ")) << page;
  std::smatch run;
  ASSERT_TRUE(std::regex_search(page, run, std::regex(R"re(href="/run/(\d+)">巡查 )re"))) << page;
  const WebAnswer run_page = li->get("/run/" + run[1].str());
  ASSERT_EQ(run_page.status, 200);
  EXPECT_TRUE(contains(run_page.body, "江苏交通")) << run_page.body;
  EXPECT_EQ(li->get("/run/999999").status, 404);

  const WebAnswer csv = li->get("/site/site/findings.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(contains(csv.header("content-type"), "text/csv"));
  EXPECT_TRUE(contains(csv.body, "SEC-SPAM")) << csv.body;
  const std::string month = before.body.substr(before.body.find("/report/") + 8, 7);
  const WebAnswer report = li->get("/site/site/report/" + month);
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_TRUE(contains(report.body, "自查报告")) << report.body.substr(0, 400);
}

TEST_F(ConsoleTest, AFindingsRecheckPatrolsItsSiteAndTheFindingPageSaysTheFixTook) {
  auto li = setup_.client("li");
  const std::string finding = "/finding?site=xss&code=LINK-BROKEN&subject=" +
                              app::console::url_encode(setup_.broken_link());
  const WebAnswer before = li->get(finding);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_TRUE(contains(before.body, "复查此问题")) << before.body;
  EXPECT_FALSE(contains(before.body, "此问题在复查中")) << before.body;

  setup_.remove_broken_link();  // the owner takes the dead link off the homepage
  const WebAnswer queued =
      li->post("/site/xss/recheck", {{"csrf", WebClient::csrf_of(before.body)}, {"back", finding}});
  ASSERT_EQ(queued.status, 303) << queued.body;
  EXPECT_EQ(queued.header("location"), finding + "#recheck");
  // Waiting, the page reloads itself (a refresh to its own address, not the #fragment).
  const WebAnswer waiting = li->get(finding);
  if (contains(waiting.body, "recheck queued") || contains(waiting.body, "recheck running")) {
    EXPECT_TRUE(
        contains(waiting.body, "http-equiv=\"refresh\" content=\"2; url=/finding?site=xss&amp;"))
        << waiting.body.substr(0, 600);
  }
  std::string page;
  ASSERT_TRUE(eventually(
      [&] {
        page = li->get(finding).body;
        return contains(page, "class=\"recheck done\"");
      },
      60s))
      << page << setup_.daemon_err();
  EXPECT_TRUE(contains(page, "此问题在复查中：<b>已整改")) << page;
  EXPECT_FALSE(contains(page, "http-equiv=\"refresh\"")) << page;
  // The overview was computed ahead when the daemon started and again after the patrol.
  EXPECT_TRUE(eventually(
      [&] {
        const std::string err = setup_.daemon_err();
        const auto first = err.find("overview computed ahead");
        return first != std::string::npos &&
               err.find("overview computed ahead", first + 1) != std::string::npos;
      },
      10s))
      << setup_.daemon_err();
  // The site's page no longer lists it, and a sign-in from elsewhere cannot send it off-site.
  EXPECT_FALSE(contains(li->get("/site/xss").body, "LINK-BROKEN"));
  const WebAnswer away = li->post(
      "/site/xss/recheck", {{"csrf", WebClient::csrf_of(page)}, {"back", "//evil.example/"}});
  EXPECT_EQ(away.header("location"), "/#recheck");
}

TEST_F(ConsoleTest, AFindingsRecheckWhileItsSiteIsDownSaysItCouldNotLook) {
  auto li = setup_.client("li");
  const std::string finding = "/finding?site=xss&code=LINK-BROKEN&subject=" +
                              app::console::url_encode(setup_.broken_link());
  const WebAnswer before = li->get(finding);
  ASSERT_EQ(before.status, 200) << before.body;
  setup_.take_xss_site_down();
  const WebAnswer queued =
      li->post("/site/xss/recheck", {{"csrf", WebClient::csrf_of(before.body)}, {"back", finding}});
  ASSERT_EQ(queued.status, 303) << queued.body;
  std::string page;
  ASSERT_TRUE(eventually(
      [&] {
        page = li->get(finding).body;
        return contains(page, "class=\"recheck done\"");
      },
      60s))
      << page << setup_.daemon_err();
  // Not "fixed", not "still there": the patrol could not look, and the finding stays open.
  EXPECT_TRUE(contains(page, "此问题在复查中：<b>未能复核（site_down")) << page;
  EXPECT_TRUE(contains(li->get("/site/xss").body, "LINK-BROKEN"));
}

}  // namespace
}  // namespace sitepatrol::integration
