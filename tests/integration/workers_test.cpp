// Workers that share a run (issue 16, docs/workers.md), as processes on one PostgreSQL
// database: `run start` queues a farm of loopback sites, three `sitepatrol worker`s patrol
// them, one is killed with SIGKILL in the middle of a site. The run still finishes, every
// site patrolled once to the end, with the same findings as one `crawl` of the same farm.
#include <gtest/gtest.h>
#include <signal.h>

#include <set>

#include "tests/integration/patrol_harness.h"
#include "tests/support/test_database.h"

namespace sitepatrol::integration {
namespace {

using testsupport::ChildProcess;

constexpr int kSites = 12;

// Every site of the farm: a homepage linking a slow page (so a site takes a while, and a
// kill lands in the middle of one), a column and a broken link.
void serve_farm(FixtureServer& server) {
  server.page("/", html("<a href=\"/slow.html\">慢页面</a><a href=\"/tzgg/\">通知公告</a>"
                        "<a href=\"/missing.html\">失效链接</a>"));
  server.slow("/slow.html", 700, html("<p>慢</p>"));
  server.page("/tzgg/", html("<p>通知</p>"));
}

void add_farm(Patrol& patrol, const FixtureServer& server) {
  for (int i = 0; i < kSites; ++i) {
    const std::string host = "site" + std::to_string(i) + ".farm.example";
    patrol.resolve(host, server.port());
    patrol.add_site("site" + std::to_string(i), site_url(host, server.port()));
  }
}

std::multiset<std::string> lines(const Findings& f) {
  std::multiset<std::string> out;
  for (const Finding& x : f.all)
    out.insert(x.site + "|" + x.code + "|" + x.subject + "|" + x.status);
  return out;
}

TEST(Workers, AWorkerKilledMidSiteLeavesNoGapAndNoDuplicate) {
  testdb::TestDatabase pg(testdb::Engine::postgresql);
  FixtureServer server;
  serve_farm(server);

  Patrol alone;  // the reference: one crawl on SQLite
  add_farm(alone, server);
  const auto reference = alone.crawl();
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  const Findings expected = alone.findings();
  ASSERT_FALSE(expected.all.empty());

  Patrol shared;
  add_farm(shared, server);
  shared.set("database", "\"" + pg.name() + "\"");
  const auto config = shared.write_config().string();
  const auto start = shared.run({"run", "start", "-c", config});
  ASSERT_EQ(start.exit_code, 0) << start.err;
  EXPECT_NE(start.out.find(std::to_string(kSites) + " site(s) queued"), std::string::npos)
      << start.out;

  auto worker = [&](const std::string& id) {
    testsupport::ProcessOptions options;
    options.timeout = std::chrono::seconds(120);
    return std::make_unique<ChildProcess>(
        std::vector<std::string>{testsupport::sitepatrol_binary(), "--log-level", "info", "worker",
                                 "-c", config, "--id", id, "--lease", "3", "--slots", "2"},
        options);
  };
  auto doomed = worker("doomed");
  auto w1 = worker("w1");
  auto w2 = worker("w2");
  // Two sites at a time (--slots 2); killed soon after its third claim: a site is done, the
  // next ones half-patrolled (the slow page takes 700 ms).
  auto claims = [&] {
    const std::string err = doomed->err();
    int n = 0;
    for (auto at = err.find("claimed (claim"); at != std::string::npos;
         at = err.find("claimed (claim", at + 1))
      ++n;
    return n;
  };
  for (int i = 0; i < 1500 && claims() < 3; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_GE(claims(), 3) << doomed->err();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  doomed->signal(SIGKILL);
  const auto killed = doomed->wait();
  EXPECT_EQ(killed.term_signal, SIGKILL);

  const auto r1 = w1->wait();
  const auto r2 = w2->wait();
  ASSERT_EQ(r1.exit_code, 0) << r1.err;
  ASSERT_EQ(r2.exit_code, 0) << r2.err;
  // The killed worker's site was claimed again once its lease ran out, and patrolled again.
  EXPECT_NE((r1.err + r2.err).find("(claim 2)"), std::string::npos) << r1.err << r2.err;
  EXPECT_NE((r1.err + r2.err).find("finished"), std::string::npos) << r1.err << r2.err;

  const Findings got = shared.findings();
  ASSERT_EQ(got.process.exit_code, 0) << got.process.err;
  EXPECT_EQ(got.run.value("status", ""), "finished");
  EXPECT_EQ(got.run.value("sites", 0), kSites);
  EXPECT_EQ(lines(got), lines(expected));
  EXPECT_EQ(testdb::query_int(pg.name(), "SELECT count(*) FROM run_queue WHERE state <> 'done'"),
            0);
  // One occurrence per finding and run: nothing written twice by the two claims.
  EXPECT_EQ(testdb::query_int(pg.name(),
                              "SELECT count(*) - count(DISTINCT (run_id, finding_id)) "
                              "FROM finding_occurrences"),
            0);
}

}  // namespace
}  // namespace sitepatrol::integration
