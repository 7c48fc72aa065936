// A file-size limit (ulimit -f, a full quota) while `crawl` writes its database (issue 12):
// the write fails and the command exits 3, naming the database, instead of dying of SIGXFSZ
// (exit 153) half way.
#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

TEST(FileSizeLimit, CrawlExitsThreeInsteadOfDyingOfTheSignal) {
  const std::string prlimit = "/usr/bin/prlimit";
  ASSERT_EQ(::access(prlimit.c_str(), X_OK), 0) << "prlimit (util-linux) is needed";
  FixtureServer server;
  server.page("/", html("<a href=\"/a.html\">甲</a><a href=\"/b.html\">乙</a>"));
  server.page("/a.html", html("<p>甲</p>"));
  server.page("/b.html", html("<p>乙</p>"));
  Patrol patrol(server);
  const auto file = patrol.write_config();
  // 64 KiB: less than the database's schema needs, so a write fails whichever comes first.
  const auto r = testsupport::run_process(
      {prlimit, "--fsize=65536", testsupport::sitepatrol_binary(), "crawl", "-c", file.string()});
  EXPECT_EQ(r.term_signal, 0) << "killed by signal " << r.term_signal << "\n" << r.err;
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("patrol.db"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sitepatrol::integration
