// `sitepatrol recheck` end to end (issue 17): a site owner fixed a broken link and wants to
// know now, not tomorrow, whether the fix took. The real daemon runs on a yearly schedule;
// `recheck --wait` queues the site, the daemon patrols it at once, and the answer names the
// run and what it found and resolved. Without a daemon, --wait says so when it gives up.
#include <gtest/gtest.h>

#include <csignal>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(Recheck, TheDaemonPatrolsARequestedSiteAtOnceAndTellsTheResult) {
  FixtureServer server;
  server.page("/", html("<a href=\"/files/gone.pdf\">附件</a>"));
  Patrol patrol(server);
  patrol.set("check_external_links", "false");
  const std::string config = patrol.write_config().string();
  {
    std::string text = patrol.config_text() +
                       "\n[schedule]\npatrol = \"0 0 1 1 *\"\n  [schedule.site.site]\n  probes = "
                       "false\n";
    patrol.dir().write_file("sites.toml", text);
  }

  // No daemon on that database: the request waits, and --wait gives up saying why.
  const ProcessResult alone =
      patrol.run({"recheck", "-c", config, "--site", "site", "--db",
                  (patrol.dir().path() / "alone.db").string(), "--wait", "--timeout", "2"});
  EXPECT_EQ(alone.exit_code, 3) << alone.err;
  EXPECT_TRUE(contains(alone.err, "is `sitepatrol daemon` running")) << alone.err;
  const ProcessResult unknown = patrol.run({"recheck", "-c", config, "--site", "nope"});
  EXPECT_EQ(unknown.exit_code, 2) << unknown.err;

  testsupport::ProcessOptions options;
  options.timeout = 90s;
  options.working_dir = patrol.dir().path();
  testsupport::ChildProcess daemon({testsupport::sitepatrol_binary(), "daemon", "-c", config},
                                   options);
  ASSERT_TRUE(daemon.wait_for_output("started with", 10s)) << daemon.err();

  // The request is taken at once, outside the yearly schedule.
  const ProcessResult first = patrol.run(
      {"recheck", "-c", config, "--site", "site", "--wait", "--timeout", "30", "--by", "王芳"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err << daemon.err();
  EXPECT_TRUE(contains(first.out, ": run 1 finished: 1 finding (1 new), 0 resolved")) << first.out;

  // The owner fixes the link; a re-check shows the finding resolved.
  server.page("/files/new.pdf", "%PDF-1.4 附件");
  server.page("/", html("<a href=\"/files/new.pdf\">附件</a>"));
  const ProcessResult second =
      patrol.run({"recheck", "-c", config, "--site", "site", "--wait", "--timeout", "30"});
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err << daemon.err();
  EXPECT_TRUE(contains(second.out, ": run 2 finished: 0 findings (0 new), 1 resolved"))
      << second.out << patrol.run({"findings", "-c", config}).out;

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(10s).exit_code, 0) << daemon.err();
}

}  // namespace
}  // namespace sitepatrol::integration
