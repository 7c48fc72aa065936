// Two patrols on one database, as two real processes: the second is refused with a clear
// message (exit 4) and the first runs to the end, its run finished, not aborted (issue 12,
// item 9: the second used to mark the first's run aborted and the first exited 3).
#include <gtest/gtest.h>

#include <thread>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

constexpr int kPages = 12;

std::string page_path(int i) { return "/gzdt/" + std::to_string(i) + ".html"; }

std::size_t article_hits(const FixtureServer& server) {
  std::size_t n = 0;
  for (int i = 1; i <= kPages; ++i) n += server.hits(page_path(i));
  return n;
}

TEST(ConcurrentPatrol, SecondCrawlIsRefusedAndFirstFinishes) {
  FixtureServer server;
  std::string list;
  for (int i = 1; i <= kPages; ++i) {
    list += "<a href=\"" + page_path(i) + "\">动态" + std::to_string(i) + "</a>";
    server.slow(page_path(i), 300, html("<p>正文</p>"));
  }
  server.page("/", html(list));
  Patrol patrol(server);
  patrol.set("per_host_concurrency", "1");  // 12 pages x 300 ms, one at a time: ~4 s
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
