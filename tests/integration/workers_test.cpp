// Workers that share a run (issue 16, docs/workers.md), as processes on one PostgreSQL
// database: `run start` queues a farm of 60 loopback sites, three `sitepatrol worker`s patrol
// them, one is killed with SIGKILL in the middle of a site, and PostgreSQL is restarted while
// the others work. The run still finishes, every site patrolled once to the end, with the
// same findings as one `crawl` of the same farm; the external URL every site links to is
// asked a few times in the run, not once per site.
#include <gtest/gtest.h>
#include <signal.h>

#include <set>

#include "tests/integration/patrol_harness.h"
#include "tests/support/own_postgres_cluster.h"
#include "tests/support/test_database.h"

namespace sitepatrol::integration {
namespace {

using testsupport::ChildProcess;

constexpr int kSites = 60;
constexpr const char* kGovHost = "www.gov.example";

// Every site of the farm: a homepage linking a slow page (so a site takes a while, and a
// kill lands in the middle of one), a column, a broken link and an external page.
void serve_farm(FixtureServer& server) {
  const std::string gov = site_url(kGovHost, server.port(), "/gov.html");
  server.page("/", html("<a href=\"/slow.html\">慢页面</a><a href=\"/tzgg/\">通知公告</a>"
                        "<a href=\"/missing.html\">失效链接</a><a href=\"" +
                        gov + "\">中国政府网</a>"));
  server.page("/gov.html", html("<p>政府网</p>"));
  server.slow("/slow.html", 700, html("<p>慢</p>"));
  server.page("/tzgg/", html("<p>通知</p>"));
}

void add_farm(Patrol& patrol, const FixtureServer& server, int sites = kSites) {
  patrol.resolve(kGovHost, server.port());
  patrol.set("allow_private_networks", "true");
  for (int i = 0; i < sites; ++i) {
    const std::string host = "site" + std::to_string(i) + ".farm.example";
    patrol.resolve(host, server.port());
    patrol.add_site("site" + std::to_string(i), site_url(host, server.port()));
  }
}

// A farm of a few sites, the findings of one crawl of it on SQLite (the reference), and a
// patrol of it configured for `database`.
struct SmallFarm {
  SmallFarm(int sites, const std::string& database) {
    serve_farm(server);
    add_farm(alone, server, sites);
    if (alone.crawl().exit_code == 0) expected = alone.findings();
    add_farm(shared, server, sites);
    shared.set("database", "\"" + database + "\"");
  }
  FixtureServer server;
  Patrol alone;
  Findings expected;  // empty when the reference crawl failed
  Patrol shared;
};

// A `sitepatrol worker` process with a 3 s lease, its log at info level.
std::unique_ptr<ChildProcess> start_worker(const std::string& config, const std::string& id,
                                           const std::string& slots) {
  testsupport::ProcessOptions options;
  options.timeout = std::chrono::seconds(120);
  return std::make_unique<ChildProcess>(
      std::vector<std::string>{testsupport::sitepatrol_binary(), "--log-level", "info", "worker",
                               "-c", config, "--id", id, "--lease", "3", "--slots", slots},
      options);
}

std::multiset<std::string> lines(const Findings& f) {
  std::multiset<std::string> out;
  for (const Finding& x : f.all)
    out.insert(x.site + "|" + x.code + "|" + x.subject + "|" + x.status);
  return out;
}

TEST(Workers, AWorkerKilledAndADatabaseRestartLeaveNoGapAndNoDuplicate) {
  testdb::OwnCluster cluster("workers");  // restarted below: not the other tests' cluster
  ASSERT_FALSE(cluster.uri().empty());
  FixtureServer server;
  serve_farm(server);

  Patrol alone;  // the reference: one crawl on SQLite
  add_farm(alone, server);
  const auto reference = alone.crawl();
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  const Findings expected = alone.findings();
  ASSERT_FALSE(expected.all.empty());
  const std::size_t gov_asked_alone = server.hits("/gov.html");
  EXPECT_EQ(gov_asked_alone, 1u);

  Patrol shared;
  add_farm(shared, server);
  shared.set("database", "\"" + cluster.uri() + "\"");
  const auto config = shared.write_config().string();
  const auto start = shared.run({"run", "start", "-c", config});
  ASSERT_EQ(start.exit_code, 0) << start.err;
  EXPECT_NE(start.out.find(std::to_string(kSites) + " site(s) queued"), std::string::npos)
      << start.out;

  auto worker = [&](const std::string& id) { return start_worker(config, id, "2"); };
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

  // PostgreSQL restarted once a third of the sites are done: every connection is cut; the
  // workers ride it out and the sites whose writes failed go back to the queue.
  auto done = [&] {
    return testdb::query_int(cluster.uri(), "SELECT count(*) FROM run_queue WHERE state = 'done'");
  };
  for (int i = 0; i < 3000 && done() < kSites / 3; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const auto started = [&] {
    return testdb::query_text(cluster.uri(), "SELECT pg_postmaster_start_time()::text");
  };
  const std::string before = started();
  ASSERT_LT(done(), kSites) << "the run ended before the restart";
  ASSERT_EQ(cluster.script("restart"), 0);
  ASSERT_NE(started(), before);

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
  EXPECT_EQ(
      testdb::query_int(cluster.uri(), "SELECT count(*) FROM run_queue WHERE state <> 'done'"), 0);
  // One occurrence per finding and run: nothing written twice by the two claims.
  EXPECT_EQ(testdb::query_int(cluster.uri(),
                              "SELECT count(*) - count(DISTINCT (run_id, finding_id)) "
                              "FROM finding_occurrences"),
            0);
  // The external page: asked by the few sites that met it before anyone had an answer (at
  // most one per slot: 3 workers x 2), not by all 60.
  const std::size_t gov_asked = server.hits("/gov.html") - gov_asked_alone;
  RecordProperty("external_page_asked", static_cast<int>(gov_asked));  // docs/scale.md
  EXPECT_GE(gov_asked, 1u);
  EXPECT_LE(gov_asked, 6u);
}

// A worker paused past its lease (SIGSTOP: a stalled VM, a long GC of the machine) finds,
// when it wakes, that its site went to another worker: its writes are refused, it leaves the
// site to that worker, and the run's findings are the reference ones, not doubled.
TEST(Workers, AWorkerPausedPastItsLeaseLeavesTheSiteToItsSuccessor) {
  testdb::TestDatabase pg(testdb::Engine::postgresql);
  SmallFarm farm(3, pg.name());
  ASSERT_FALSE(farm.expected.all.empty());
  const Findings& expected = farm.expected;
  Patrol& shared = farm.shared;
  const auto config = shared.write_config().string();
  ASSERT_EQ(shared.run({"run", "start", "-c", config}).exit_code, 0);
  auto worker = [&](const std::string& id) { return start_worker(config, id, "1"); };
  auto paused = worker("paused");
  for (int i = 0; i < 1500 && paused->err().find("claimed (claim") == std::string::npos; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  paused->signal(SIGSTOP);  // in the middle of its first site (the slow page takes 700 ms)

  auto successor = worker("successor");
  const auto took = successor->wait();  // every site, the paused one's once its lease ran out
  ASSERT_EQ(took.exit_code, 0) << took.err;
  EXPECT_NE(took.err.find("(claim 2)"), std::string::npos) << took.err;
  paused->signal(SIGCONT);
  const auto woke = paused->wait();
  EXPECT_EQ(woke.exit_code, 0) << woke.err;
  EXPECT_NE(woke.err.find("was taken over"), std::string::npos) << woke.err;

  const Findings got = shared.findings();
  EXPECT_EQ(got.run.value("status", ""), "finished");
  EXPECT_EQ(lines(got), lines(expected));
  EXPECT_EQ(testdb::query_int(pg.name(),
                              "SELECT count(*) - count(DISTINCT (run_id, finding_id)) "
                              "FROM finding_occurrences"),
            0);
}

// `crawl` on PostgreSQL is a run plus one worker in one process: a worker started beside it
// joins the run and takes sites from it, and the crawl still ends with its summary and its
// --fail-on exit code, the findings those of one crawl on SQLite.
TEST(Workers, ACrawlOnPostgreSqlIsARunThatAWorkerCanJoin) {
  testdb::TestDatabase pg(testdb::Engine::postgresql);
  SmallFarm farm(8, pg.name());
  ASSERT_FALSE(farm.expected.all.empty());
  const Findings& expected = farm.expected;
  Patrol& shared = farm.shared;
  shared.set("concurrency", "4");  // one site at a time: room for the helper
  const auto config = shared.write_config().string();
  testsupport::ProcessOptions options;
  options.timeout = std::chrono::seconds(120);
  ChildProcess crawl({testsupport::sitepatrol_binary(), "--log-level", "info", "crawl", "-c",
                      config, "--fail-on", "error"},
                     options);
  ASSERT_TRUE(crawl.wait_for_output("claimed (claim", std::chrono::seconds(30))) << crawl.err();
  auto helper = start_worker(config, "helper", "1");
  const auto helped = helper->wait();
  const auto crawled = crawl.wait();
  EXPECT_EQ(helped.exit_code, 0) << helped.err;
  EXPECT_EQ(crawled.exit_code, 1) << crawled.err;  // --fail-on error: the broken links
  EXPECT_NE(crawled.err.find(" finished in "), std::string::npos) << crawled.err;
  EXPECT_GE(testdb::query_int(pg.name(), "SELECT count(*) FROM run_queue WHERE worker = 'helper'"),
            1);
  EXPECT_EQ(testdb::query_int(pg.name(), "SELECT count(*) FROM run_queue WHERE state = 'done'"), 8);
  const Findings got = shared.findings();
  EXPECT_EQ(got.run.value("status", ""), "finished");
  EXPECT_EQ(lines(got), lines(expected));

  // --shard is for SQLite files; on PostgreSQL workers share the sites instead.
  const auto sharded = shared.run({"crawl", "-c", config, "--shard", "0/2"});
  EXPECT_EQ(sharded.exit_code, 2);
  EXPECT_NE(sharded.err.find("start workers instead"), std::string::npos) << sharded.err;
}

// A site that has worn out five claims (it killed its workers, or its writes always failed)
// is left out of the run with an error, so that the run still finishes. What its last claim
// wrote is taken away, and its earlier findings are carried over unverified, not resolved:
// nobody looked.
TEST(Workers, ASiteClaimedFiveTimesIsLeftOutAndItsFindingsCarriedOver) {
  testdb::TestDatabase pg(testdb::Engine::postgresql);
  SmallFarm farm(2, pg.name());
  const auto config = farm.shared.write_config().string();
  ASSERT_EQ(farm.shared.crawl().exit_code, 0);  // the first night, whole
  const Findings first = farm.shared.findings();
  ASSERT_FALSE(first.with_code("LINK-BROKEN").empty());

  ASSERT_EQ(farm.shared.run({"run", "start", "-c", config}).exit_code, 0);
  // site0's fifth claim ran out mid-patrol, after writing an occurrence of a new finding.
  const std::string newest_run = "(SELECT max(id) FROM runs)";
  testdb::query_text(pg.name(),
                     "UPDATE run_queue SET state = 'claimed', attempts = 5, worker = 'gone', "
                     "lease_until_ms = 0 WHERE site = 'site0' AND run_id = " +
                         newest_run);
  testdb::query_text(pg.name(),
                     "INSERT INTO findings (site, code, subject, first_run, last_run) "
                     "SELECT 'site0', 'LINK-BROKEN', 'http://half.example/', max(id), max(id) "
                     "FROM runs");
  testdb::query_text(pg.name(),
                     "INSERT INTO finding_occurrences "
                     "(run_id, finding_id, severity, page, detail, status) "
                     "SELECT " +
                         newest_run +
                         ", id, 2, 'http://half.example/', '', 'new' "
                         "FROM findings WHERE subject = 'http://half.example/'");
  auto worker = start_worker(config, "w1", "1");
  const auto done = worker->wait();
  EXPECT_EQ(done.exit_code, 0) << done.err;
  EXPECT_NE(done.err.find("claimed 5 times without being finished; left out"), std::string::npos)
      << done.err;

  const Findings second = farm.shared.findings();
  EXPECT_EQ(second.run.value("status", ""), "finished") << second.run.dump();
  EXPECT_EQ(testdb::query_int(pg.name(),
                              "SELECT count(*) FROM finding_occurrences o JOIN findings f "
                              "ON f.id = o.finding_id WHERE f.subject = 'http://half.example/'"),
            0);
  int site0 = 0, site1 = 0;
  for (const Finding& f : second.all) {
    if (f.site == "site0") {
      ++site0;
      EXPECT_FALSE(f.verified) << f.code << " " << f.subject;
      EXPECT_EQ(f.unverified, "not_reached") << f.code << " " << f.subject;
      EXPECT_EQ(f.status, "open") << f.code << " " << f.subject;
    } else {
      ++site1;
      EXPECT_TRUE(f.verified) << f.code << " " << f.subject;
    }
  }
  int site0_first = 0;
  for (const Finding& f : first.all) site0_first += f.site == "site0";
  EXPECT_EQ(site0, site0_first) << second.describe();
  EXPECT_GT(site1, 0) << second.describe();
  const Findings resolved = farm.shared.findings({"--status", "resolved"});
  for (const Finding& f : resolved.all) EXPECT_NE(f.site, "site0") << f.code << " " << f.subject;
}

}  // namespace
}  // namespace sitepatrol::integration
