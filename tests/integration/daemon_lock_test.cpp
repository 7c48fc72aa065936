// The daemon and `sitepatrol crawl` on one database, as real processes (issue 12, item 9):
// a crawl while the daemon patrols is refused (exit 4), and a daemon whose patrol comes due
// while a crawl runs skips it with a log line, leaving the crawl's run alone.
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <thread>

#include "tests/integration/daemon_receivers.h"
#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

template <class Pred>
bool eventually(Pred ready, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (ready()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return ready();
}

// A configuration whose one site hangs on its homepage, so a patrol holds the lock until
// it is stopped; the daemon patrols every second.
std::filesystem::path hanging_config(TempDir& dir, const FixtureServer& hanging) {
  const std::string port = std::to_string(hanging.port());
  return dir.write_file("sites.toml", R"([patrol]
database = "lock.db"
timeout_s = 60
resolve = ["hang.example:)" + port + R"(:127.0.0.1"]

[[site]]
id = "hang"
url = "http://hang.example:)" + port + R"(/"

[schedule]
patrol = "* * * * * *"
probe_interval = "1h"

[http]
listen = "127.0.0.1:0"
)");
}

TEST(DaemonLock, CrawlIsRefusedWhileTheDaemonPatrols) {
  TempDir dir{"sitepatrol-daemon-lock"};
  FixtureServer hanging;
  hanging.hang("/");
  const auto file = hanging_config(dir, hanging);
  testsupport::ProcessOptions options;
  options.timeout = 60s;
  testsupport::ChildProcess daemon(
      {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, options);
  // Its patrol has started (and hangs on the homepage): the lock file names the daemon.
  const auto lock_file = dir.path() / "lock.db.lock";
  ASSERT_TRUE(eventually(
      [&] {
        std::ifstream in(lock_file);
        std::string text;
        std::getline(in, text);
        return text.starts_with("pid " + std::to_string(daemon.pid()) + " ");
      },
      20s))
      << daemon.err();

  const ProcessResult crawl = testsupport::run_process(
      {testsupport::sitepatrol_binary(), "crawl", "-c", file.string()}, options);
  EXPECT_EQ(crawl.exit_code, 4) << crawl.err << "\ndaemon:\n" << daemon.err();
  EXPECT_NE(crawl.err.find("another patrol is running on this database"), std::string::npos)
      << crawl.err;

  daemon.signal(SIGTERM);
  const auto stopped = daemon.wait(15s);
  EXPECT_EQ(stopped.exit_code, 0) << stopped.err;
}

TEST(DaemonLock, DaemonSkipsItsPatrolWhileACrawlRuns) {
  TempDir dir{"sitepatrol-daemon-lock2"};
  FixtureServer hanging;
  hanging.hang("/");
  const auto file = hanging_config(dir, hanging);
  testsupport::ProcessOptions options;
  options.timeout = 60s;
  testsupport::ChildProcess crawl({testsupport::sitepatrol_binary(), "crawl", "-c", file.string()},
                                  options);
  ASSERT_TRUE(eventually([&] { return hanging.hits("/") >= 1; }, 20s)) << crawl.err();

  testsupport::ChildProcess daemon(
      {testsupport::sitepatrol_binary(), "daemon", "-c", file.string()}, options);
  EXPECT_TRUE(
      eventually([&] { return daemon.err().find("patrol skipped") != std::string::npos; }, 20s))
      << daemon.err();
  EXPECT_NE(daemon.err().find("another patrol is running on this database"), std::string::npos)
      << daemon.err();

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(15s).exit_code, 0);
  // The crawl still runs: interrupted, it ends as an interrupted crawl does.
  crawl.signal(SIGTERM);
  const auto ended = crawl.wait(20s);
  EXPECT_EQ(ended.exit_code, 130) << ended.err;
}

}  // namespace
}  // namespace sitepatrol::integration
