// A patrol killed outright (SIGKILL) half way, end to end: the next patrol starts cleanly
// on the same database, and the killed run never becomes the "latest" one. And two patrols
// on one database: the second is refused with a clear message (exit 4) and the first runs to
// the end, its run finished, not aborted (issue 12, item 9: the second used to mark the
// first's run aborted, and the first exited 3 after doing all its work).
#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

constexpr int kPages = 30;

std::string page_path(int i) { return "/gzdt/" + std::to_string(i) + ".html"; }

std::size_t article_hits(const FixtureServer& server) {
  std::size_t n = 0;
  for (int i = 1; i <= kPages; ++i) n += server.hits(page_path(i));
  return n;
}

// A homepage listing kPages articles that each take 400 ms to answer.
void serve_slow_site(FixtureServer& server) {
  std::string list;
  for (int i = 1; i <= kPages; ++i) {
    list += "<a href=\"" + page_path(i) + "\">动态" + std::to_string(i) + "</a>";
    server.slow(page_path(i), 400, html("<a href=\"/files/missing.pdf\">附件</a>"));
  }
  server.page("/", html(list));
}

TEST(Crash, KilledPatrolLeavesDatabaseUsableAndIsNotLatest) {
  FixtureServer server;
  serve_slow_site(server);
  Patrol patrol(server);
  patrol.set("per_host_concurrency", "1");  // 30 pages x 400 ms, one at a time: ~12 s
  const auto file = patrol.write_config();

  {
    testsupport::ProcessOptions options;
    options.working_dir = patrol.dir().path();
    options.timeout = 60s;
    testsupport::ChildProcess child(
        {testsupport::sitepatrol_binary(), "crawl", "-c", file.string()}, options);
    // Wait until it is well into the site (the run and some pages are in the database).
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (article_hits(server) < 3 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(50ms);
    ASSERT_GE(article_hits(server), 3u) << "the patrol did not get going\n" << child.err();
    child.signal(SIGKILL);
    const ProcessResult killed = child.wait(10s);
    ASSERT_EQ(killed.term_signal, SIGKILL) << killed.err;
  }

  // The site gets fast; the next patrol runs to the end on the same database.
  for (int i = 1; i <= kPages; ++i)
    server.page(page_path(i), html("<a href=\"/files/missing.pdf\">附件</a>"));
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(r.findings.run.value("id", 0), 2) << r.findings.run.dump();
  EXPECT_EQ(r.findings.run.value("status", ""), "finished") << r.findings.run.dump();
  EXPECT_TRUE(r.findings.run["finished_at"].is_string()) << r.findings.run.dump();
  EXPECT_EQ(r.findings.run.value("pages", 0), kPages + 1) << r.findings.run.dump();
  auto broken = r.findings.find("LINK-BROKEN", on_site(server, "/files/missing.pdf"));
  ASSERT_TRUE(broken) << r.findings.describe();
  // Nothing of the killed run counts as "seen before".
  EXPECT_EQ(broken->status, "new");

  // The killed run is still there, and marked for what it was.
  const Findings killed_run = patrol.findings({"--run", "1"});
  EXPECT_EQ(killed_run.process.exit_code, 0) << killed_run.process.err;
  EXPECT_EQ(killed_run.run.value("status", ""), "aborted") << killed_run.process.out;
}

TEST(ConcurrentPatrol, SecondCrawlIsRefusedAndFirstFinishes) {
  FixtureServer server;
  serve_slow_site(server);
  Patrol patrol(server);
  patrol.set("per_host_concurrency", "1");  // 30 pages x 400 ms, one at a time: ~12 s
  const auto file = patrol.write_config();

  testsupport::ProcessOptions options;
  options.working_dir = patrol.dir().path();
  options.timeout = 120s;
  testsupport::ChildProcess first({testsupport::sitepatrol_binary(), "crawl", "-c", file.string()},
                                  options);
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (article_hits(server) < 2 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(20ms);
  ASSERT_GE(article_hits(server), 2u) << "the first patrol did not get going\n" << first.err();

  const ProcessResult second = testsupport::run_process(
      {testsupport::sitepatrol_binary(), "crawl", "-c", file.string()}, options);
  EXPECT_EQ(second.exit_code, 4) << second.err;
  EXPECT_NE(second.err.find("another patrol is running on this database"), std::string::npos)
      << second.err;
  EXPECT_NE(second.err.find("pid " + std::to_string(first.pid())), std::string::npos) << second.err;

  const ProcessResult done = first.wait();
  EXPECT_EQ(done.exit_code, 0) << done.err;
  const Findings run = patrol.findings({"--run", "1"});
  EXPECT_EQ(run.run.value("status", ""), "finished") << run.process.out;
  EXPECT_EQ(run.run.value("pages", 0), kPages + 1) << run.process.out;

  // With the first one gone, a patrol starts again on the same database.
  const Round again = patrol.round();
  ASSERT_TRUE(round_ok(again));
  EXPECT_EQ(again.findings.run.value("id", 0), 2) << again.findings.run.dump();
}

}  // namespace
}  // namespace sitepatrol::integration
