// `sitepatrol check URL...` as the IT staff use it (issue 14): approved domains given on the
// command line, --fail-on, a distinct exit code when the site is down, no talk of a previous
// run that never was, and no INTERACT-TOO-FEW from a walk the page limit cut short. Real
// processes against loopback fixture sites, in a pipe and on a terminal.
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"
#include "tests/support/pty_process.h"

namespace sitepatrol::integration {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::string resolve_arg(const FixtureServer& server) {
  return std::string(kSiteHost) + ":" + std::to_string(server.port()) + ":127.0.0.1";
}

// `sitepatrol check ARGS...` in a pipe, from an empty working folder.
ProcessResult check(std::vector<std::string> args) {
  static TempDir cwd("sitepatrol-it-check-cli");
  args.insert(args.begin(), {testsupport::sitepatrol_binary(), "check"});
  testsupport::ProcessOptions options;
  options.working_dir = cwd.path();
  return testsupport::run_process(args, options);
}

// A homepage linking to another government domain (and to a page of its own).
void serve_linking_site(FixtureServer& server) {
  server.page("/", html("<a href=\"/about.html\">关于</a>"
                        "<a href=\"http://www.partner.example/\">合作单位</a>"));
  server.page("/about.html", html("<p>关于我们</p>"));
}

TEST(CheckCli, AllowedDomainMakesALinkApproved) {
  FixtureServer server;
  serve_linking_site(server);
  const std::vector<std::string> common = {home(server),    "--resolve", resolve_arg(server),
                                           "--no-external", "--format",  "json"};
  std::vector<std::string> plain = common;
  const Findings before = parse_findings(check(plain));
  ASSERT_TRUE(before.parse_error.empty()) << before.parse_error << before.process.err;
  ASSERT_EQ(before.with_code("LINK-UNAPPROVED").size(), 1u) << before.describe();

  std::vector<std::string> allowed = {"--allowed-domain", "partner.example", "--allowed-domain",
                                      "other.example"};
  allowed.insert(allowed.end(), common.begin(), common.end());
  const Findings after = parse_findings(check(allowed));
  ASSERT_TRUE(after.parse_error.empty()) << after.parse_error << after.process.err;
  EXPECT_EQ(after.process.exit_code, 0) << after.process.err;
  EXPECT_TRUE(after.with_code("LINK-UNAPPROVED").empty()) << after.describe();
}

TEST(CheckCli, AllowedDomainThatIsNoDomainIsAUsageError) {
  const ProcessResult r = check({"--allowed-domain", "not a domain", "http://www.site.example/"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "--allowed-domain")) << r.err;
  EXPECT_TRUE(contains(r.err, "not a domain")) << r.err;
}

TEST(CheckCli, FailOnGivesOneWhenFindingsReachTheLevel) {
  FixtureServer server;
  server.page("/", html("<a href=\"/files/missing.pdf\">附件</a>"));
  const ProcessResult error =
      check({home(server), "--resolve", resolve_arg(server), "--fail-on", "error"});
  EXPECT_EQ(error.exit_code, 1) << error.err;
  const ProcessResult without = check({home(server), "--resolve", resolve_arg(server)});
  EXPECT_EQ(without.exit_code, 0) << without.err;
  const ProcessResult bad =
      check({home(server), "--resolve", resolve_arg(server), "--fail-on", "severe"});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
}

TEST(CheckCli, ASiteThatIsDownExitsFiveAndIsNamed) {
  FixtureServer server;
  server.status("/", 503, "维护中");
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{}, std::vector<std::string>{"--fail-on", "critical"}}) {
    std::vector<std::string> args = {home(server), "--resolve", resolve_arg(server)};
    args.insert(args.end(), extra.begin(), extra.end());
    const ProcessResult r = check(args);
    EXPECT_EQ(r.exit_code, 5) << r.err;
    EXPECT_TRUE(contains(r.err, "site 'www-site-example' is down (HTTP 503)")) << r.err;
  }
}

TEST(CheckCli, ASiteNobodyAnswersForExitsFive) {
  const unsigned short port = unused_port();
  const ProcessResult r =
      check({site_url(kSiteHost, port), "--resolve",
             std::string(kSiteHost) + ":" + std::to_string(port) + ":127.0.0.1", "--timeout", "5"});
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_TRUE(contains(r.err, "is down")) << r.err;
}

TEST(CheckCli, AFirstRunSpeaksOfNoPreviousRunInAPipeOrOnATerminal) {
  FixtureServer server;
  server.page("/", html("<a href=\"/files/missing.pdf\">附件</a>"));
  const ProcessResult piped = check({home(server), "--resolve", resolve_arg(server)});
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_TRUE(contains(piped.err, "Run 1 finished")) << piped.err;
  EXPECT_FALSE(contains(piped.err, "previous run")) << piped.err;

  TempDir cwd("sitepatrol-it-check-pty");
  testsupport::ProcessOptions options;
  options.working_dir = cwd.path();
  const ProcessResult shown = testsupport::run_on_terminal(
      {testsupport::sitepatrol_binary(), "check", home(server), "--resolve", resolve_arg(server)},
      options, {120, 40});
  ASSERT_EQ(shown.exit_code, 0) << shown.out;
  EXPECT_TRUE(contains(shown.out, "LINK-BROKEN")) << shown.out;
  EXPECT_FALSE(contains(shown.out, "previous run")) << shown.out;
}

// A local site must hold two online interviews a year; this one's list shows none this year,
// and the homepage links a dozen more pages.
void serve_site_with_few_interviews(FixtureServer& server) {
  std::string links = "<a href=\"/ft/\">在线访谈</a>";
  for (int i = 1; i <= 12; ++i)
    links += "<a href=\"/news/" + std::to_string(i) + ".html\">新闻" + std::to_string(i) + "</a>";
  server.page("/", html(links));
  server.page("/ft/", html("<ul><li><a href=\"/ft/1.html\">访谈一</a> 2019-03-02</li></ul>"));
  server.page("/ft/1.html", html("<p>访谈一</p>"));
  for (int i = 1; i <= 12; ++i)
    server.page("/news/" + std::to_string(i) + ".html", html("<p>新闻</p>"));
}

TEST(CheckCli, AWalkCutShortByThePageLimitRaisesNoTooFew) {
  FixtureServer server;
  serve_site_with_few_interviews(server);
  const Findings whole = parse_findings(
      check({home(server), "--resolve", resolve_arg(server), "--no-external", "-f", "json"}));
  ASSERT_TRUE(whole.parse_error.empty()) << whole.parse_error << whole.process.err;
  EXPECT_EQ(whole.with_code("INTERACT-TOO-FEW").size(), 1u) << whole.describe();

  const Findings cut = parse_findings(check({home(server), "--resolve", resolve_arg(server),
                                             "--no-external", "--max-pages", "3", "-f", "json"}));
  ASSERT_TRUE(cut.parse_error.empty()) << cut.parse_error << cut.process.err;
  EXPECT_TRUE(cut.with_code("INTERACT-TOO-FEW").empty()) << cut.describe();
}

TEST(CheckCli, ACrawlCutShortRaisesNoTooFewEither) {
  FixtureServer server;
  serve_site_with_few_interviews(server);
  Patrol patrol;
  patrol.resolve(kSiteHost, server.port());
  patrol.set("check_external_links", "false");
  patrol.set("max_pages_per_site", "3");
  patrol.add_site("hb-jtt", home(server), "name = \"湖北省交通运输厅\"");
  const Round cut = patrol.round();
  ASSERT_TRUE(round_ok(cut));
  EXPECT_TRUE(cut.findings.with_code("INTERACT-TOO-FEW").empty()) << cut.findings.describe();
}

}  // namespace
}  // namespace sitepatrol::integration
