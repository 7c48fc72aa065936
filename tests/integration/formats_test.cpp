// The command line's outputs and exit codes, end to end: findings as CSV and as a table,
// `check URL` without a configuration, `--fail-on`, and `--shard` over several sites.
#include <gtest/gtest.h>

#include <set>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// A site "hb-jtt" whose homepage carries one broken link (an error, nothing critical).
struct BrokenLinkSite {
  FixtureServer server;
  Patrol patrol;
  BrokenLinkSite() {
    server.page("/", html("<a href=\"/files/missing.pdf\">附件</a>"));
    patrol.resolve(kSiteHost, server.port());
    patrol.add_site("hb-jtt", home(server), "name = \"湖北省交通运输厅\"");
  }
};

TEST(Formats, CsvStartsWithBomAndHeader) {
  BrokenLinkSite site;
  ASSERT_EQ(site.patrol.crawl().exit_code, 0);
  const ProcessResult r = site.patrol.run(
      {"findings", "-c", site.patrol.config_path().string(), "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(r.out.starts_with("\xEF\xBB\xBF")) << r.out;
  const std::string first_line = r.out.substr(3, r.out.find('\n') - 3);
  EXPECT_TRUE(first_line.starts_with("site,code,severity,subject,page,detail,status")) << first_line;
  EXPECT_TRUE(contains(r.out, "hb-jtt,LINK-BROKEN,error," + on_site(site.server, "/files/missing.pdf")))
      << r.out;
}

TEST(Formats, TableShowsSiteAndCodes) {
  BrokenLinkSite site;
  ASSERT_EQ(site.patrol.crawl().exit_code, 0);
  const ProcessResult r = site.patrol.run(
      {"findings", "-c", site.patrol.config_path().string(), "--format", "table"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "hb-jtt")) << r.out;
  EXPECT_TRUE(contains(r.out, "LINK-BROKEN")) << r.out;
}

TEST(Formats, CheckUrlPrintsJsonWithoutConfiguration) {
  FixtureServer server;
  server.page("/", html("<a href=\"/files/missing.pdf\">附件</a>"));
  TempDir cwd("sitepatrol-it-check");
  testsupport::ProcessOptions options;
  options.working_dir = cwd.path();
  const ProcessResult r = testsupport::run_process(
      {testsupport::sitepatrol_binary(), "check", home(server), "--resolve",
       std::string(kSiteHost) + ":" + std::to_string(server.port()) + ":127.0.0.1", "--format",
       "json"},
      options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Findings f = parse_findings(r);
  ASSERT_TRUE(f.parse_error.empty()) << f.parse_error << "\n" << r.out;
  auto broken = f.find("LINK-BROKEN", on_site(server, "/files/missing.pdf"));
  ASSERT_TRUE(broken) << f.describe();
  EXPECT_EQ(broken->page, home(server));
  EXPECT_TRUE(std::filesystem::is_empty(cwd.path())) << "check left files behind";
}

TEST(Formats, FailOnErrorExitsOneWhenAnErrorExists) {
  BrokenLinkSite site;
  const ProcessResult r = site.patrol.crawl({"--fail-on", "error"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
}

TEST(Formats, FailOnCriticalExitsZeroWhenNothingIsCritical) {
  BrokenLinkSite site;
  const ProcessResult r = site.patrol.crawl({"--fail-on", "critical"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const Findings f = site.patrol.findings();
  EXPECT_FALSE(f.with_code("LINK-BROKEN").empty()) << f.describe();  // the error is there
}

// The site ids that have findings in `f`.
std::set<std::string> sites_in(const Findings& f) {
  std::set<std::string> out;
  for (const auto& x : f.all) out.insert(x.site);
  return out;
}

TEST(Formats, TwoShardsCoverEverySiteExactlyOnce) {
  FixtureServer server;
  server.page("/", html("<a href=\"/files/missing.pdf\">附件</a>"));
  Patrol patrol;
  const std::vector<std::string> ids = {"hb-jtt", "hn-jtt", "gd-jtt", "cj-msa"};
  for (const auto& id : ids) {
    const std::string host = "www." + id + ".example";
    patrol.resolve(host, server.port());
    patrol.add_site(id, site_url(host, server.port()));
  }
  const auto file = patrol.write_config().string();
  std::vector<Findings> shards;
  for (const std::string shard : {"0/2", "1/2"}) {
    const std::string db = (patrol.dir() / ("shard-" + shard.substr(0, 1) + ".db")).string();
    const ProcessResult crawl = patrol.run({"crawl", "-c", file, "--db", db, "--shard", shard});
    ASSERT_EQ(crawl.exit_code, 0) << crawl.err;
    shards.push_back(parse_findings(patrol.run({"findings", "--db", db, "--format", "json"})));
    ASSERT_TRUE(shards.back().parse_error.empty()) << shards.back().process.err;
  }
  const auto a = sites_in(shards[0]);
  const auto b = sites_in(shards[1]);
  std::set<std::string> all(a.begin(), a.end());
  all.insert(b.begin(), b.end());
  EXPECT_EQ(all, std::set<std::string>(ids.begin(), ids.end()));
  EXPECT_EQ(a.size() + b.size(), ids.size()) << "a site was patrolled by both shards";
  EXPECT_EQ(shards[0].run.value("sites", -1) + shards[1].run.value("sites", -1), 4);
}

}  // namespace
}  // namespace sitepatrol::integration
