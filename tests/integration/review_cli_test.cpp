// Human review (人工复核, issue 17) end to end, as an operator scripts it: a site carries an
// injected gambling block (a critical SEC-SPAM, a single-veto item). After `review
// false-alarm` the finding stays listed, marked, but no longer fails --fail-on, the month's
// verdict or the self-inspection report; `review withdraw` brings it back. The reason is
// written to hurt the report (a script tag) and must come out escaped.
// Real processes, a real database, the spam fixture site served on loopback.
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

const std::filesystem::path kSiteRoot =
    std::filesystem::path(SITEPATROL_TEST_DATA) / "integration/security/spam";
constexpr std::string_view kSpamPage = "/xwdt/t20261120_1.html";
constexpr std::string_view kReason = "<script>alert(1)</script>转载的新闻报道，非注入";

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

struct ReviewedSite {
  FixtureServer server{kSiteRoot};
  Patrol patrol{server};
  std::string page;

  ReviewedSite() : page(on_site(server, kSpamPage)) { patrol.set("check_external_links", "false"); }
  std::string config() const { return patrol.config_path().string(); }
  ProcessResult review(const std::string& action, std::vector<std::string> extra = {}) const {
    std::vector<std::string> args{"review", action,   "-c",       config(),    "--site",
                                  "site",   "--code", "SEC-SPAM", "--subject", page};
    args.insert(args.end(), extra.begin(), extra.end());
    return patrol.run(args);
  }
  // The self-inspection report of the month the newest patrol ran in (UTC).
  ProcessResult report(const std::string& format) const {
    const std::string started = patrol.findings().run.value("started_at", "");
    const std::string month = started.substr(0, 7);
    return patrol.run({"report", "-c", config(), "-m", month, "-s", "site", "-f", format});
  }
};

nlohmann::json spam_item(const nlohmann::json& findings, const std::string& page) {
  for (const auto& f : findings.at("findings")) {
    if (f.at("code") == "SEC-SPAM" && f.at("subject") == page) return f;
  }
  return nullptr;
}

TEST(ReviewCli, AFalseAlarmLeavesTheVerdictAndFailOnButStaysListed) {
  ReviewedSite site;
  const ProcessResult first = site.patrol.crawl({"--fail-on", "critical"});
  ASSERT_EQ(first.exit_code, 1) << first.err;  // the spam is critical
  {
    const ProcessResult report = site.report("json");
    ASSERT_EQ(report.exit_code, 0) << report.err;
    const auto doc = nlohmann::json::parse(report.out);
    EXPECT_FALSE(doc.at("sites").at(0).at("verdict").at("passed")) << report.out;
  }

  const ProcessResult marked =
      site.review("false-alarm", {"--reason", std::string(kReason), "--by", "张伟"});
  ASSERT_EQ(marked.exit_code, 0) << marked.err;
  EXPECT_TRUE(contains(marked.out, "marked a false alarm")) << marked.out;

  // Listed, marked, with who and why.
  const ProcessResult listed =
      site.patrol.run({"findings", "-c", site.config(), "--format", "json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const auto item = spam_item(nlohmann::json::parse(listed.out), site.page);
  ASSERT_FALSE(item.is_null()) << listed.out;
  EXPECT_EQ(item.at("review").at("verdict"), "false_alarm");
  EXPECT_EQ(item.at("review").at("reviewer"), "张伟");
  EXPECT_EQ(item.at("review").at("reason"), kReason);
  EXPECT_EQ(item.at("review").at("set_aside"), true);
  const ProcessResult table = site.patrol.run({"findings", "-c", site.config()});
  EXPECT_TRUE(contains(table.out, "reviewed")) << table.out;
  EXPECT_TRUE(contains(table.out, "1 set aside by human review")) << table.out;

  // The next patrol raises it again, and it no longer fails the run or the month.
  const ProcessResult second = site.patrol.crawl({"--fail-on", "critical"});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_TRUE(contains(second.err, "1 finding(s) set aside by human review")) << second.err;
  {
    const ProcessResult report = site.report("json");
    ASSERT_EQ(report.exit_code, 0) << report.err;
    const auto s = nlohmann::json::parse(report.out).at("sites").at(0);
    EXPECT_TRUE(s.at("verdict").at("passed")) << s.at("verdict").dump();
    ASSERT_EQ(s.at("reviewed").size(), 1u) << s.dump();
    EXPECT_EQ(s.at("reviewed").at(0).at("code"), "SEC-SPAM");
  }
  {
    const ProcessResult html = site.report("html");
    ASSERT_EQ(html.exit_code, 0) << html.err;
    EXPECT_TRUE(contains(html.out, "人工复核")) << "the review section";
    EXPECT_TRUE(contains(html.out, "&lt;script&gt;alert(1)&lt;/script&gt;转载的新闻报道"));
    EXPECT_FALSE(contains(html.out, "<script>alert(1)"));
    const ProcessResult csv = site.report("csv");
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_TRUE(contains(csv.out, ",SEC-SPAM,")) << csv.out;
    EXPECT_TRUE(contains(csv.out, ",人工复核：误报,")) << csv.out;
  }

  // Withdrawn, naming the page as the findings table shows it (a path on the site): it
  // counts again, and the log keeps both actions.
  const ProcessResult withdrawn_by_path =
      site.patrol.run({"review", "withdraw", "-c", site.config(), "--site", "site", "--code",
                       "SEC-SPAM", "--subject", std::string(kSpamPage), "--by", "李娜"});
  ASSERT_EQ(withdrawn_by_path.exit_code, 0) << withdrawn_by_path.err;
  EXPECT_TRUE(contains(withdrawn_by_path.out, site.page)) << withdrawn_by_path.out;
  EXPECT_EQ(site.patrol.crawl({"--fail-on", "critical"}).exit_code, 1);
  const ProcessResult log = site.patrol.run({"review", "list", "-c", site.config()});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  const auto withdrawn = log.out.find("withdrawn  by 李娜");
  const auto marked_at = log.out.find("false_alarm  by 张伟");
  EXPECT_NE(withdrawn, std::string::npos) << log.out;
  EXPECT_NE(marked_at, std::string::npos) << log.out;
  EXPECT_LT(withdrawn, marked_at) << "newest first\n" << log.out;
}

TEST(ReviewCli, AReviewOfAnUnknownFindingOrWithoutAReasonFails) {
  ReviewedSite site;
  ASSERT_EQ(site.patrol.crawl().exit_code, 0);
  const ProcessResult no_reason = site.review("false-alarm");
  EXPECT_EQ(no_reason.exit_code, 2) << no_reason.err;
  EXPECT_TRUE(contains(no_reason.err, "--reason")) << no_reason.err;
  const ProcessResult bad_day = site.review("accept", {"--reason", "x", "--until", "12/31"});
  EXPECT_EQ(bad_day.exit_code, 2) << bad_day.err;
  EXPECT_TRUE(contains(bad_day.err, "YYYY-MM-DD")) << bad_day.err;
  const ProcessResult unknown =
      site.patrol.run({"review", "false-alarm", "-c", site.config(), "--site", "site", "--code",
                       "SEC-SPAM", "--subject", site.page + "x", "--reason", "why"});
  EXPECT_EQ(unknown.exit_code, 3) << unknown.err;
  EXPECT_TRUE(contains(unknown.err, "no finding SEC-SPAM of site site")) << unknown.err;
  // It names the subjects the site does have for that code.
  EXPECT_TRUE(contains(unknown.err, "current SEC-SPAM subjects of site:\n    " + site.page + "\n"))
      << unknown.err;
  const ProcessResult log = site.patrol.run({"review", "list", "-c", site.config()});
  EXPECT_TRUE(contains(log.out, "No reviews.")) << log.out;
}

}  // namespace
}  // namespace sitepatrol::integration
