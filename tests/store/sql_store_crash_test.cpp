// A patrol process killed with SIGKILL half way through its writes must leave a database that
// opens cleanly, keeps every committed batch and every earlier finished run, and lets the
// next run begin (README).
#include "store/sql_store.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using testing::finding;
using testing::link;
using testing::page;
using testing::query_int;
using testing::query_text;
using testing::ref;
using testing::TempDir;

constexpr int kBatchesBeforeKill = 5;
constexpr int kLinksPerBatch = 500;

// The child: writes batch after batch into a new run, reporting each committed batch with
// one byte on `report`, until it is killed. Never returns.
[[noreturn]] void write_until_killed(const std::filesystem::path& file, int report) {
  auto fail = [&] {
    (void)!write(report, "E", 1);
    _exit(1);
  };
  auto store = open_sqlite(file);
  if (!store) fail();
  auto run = (*store)->begin_run("2026-11-08T02:00:00Z", {"s1"});
  if (!run) fail();
  for (int batch = 0;; ++batch) {
    std::vector<LinkRecord> links;
    std::vector<checks::LinkRef> refs;
    for (int i = 0; i < kLinksPerBatch; ++i) {
      std::string url = "http://s1/b" + std::to_string(batch) + "/" + std::to_string(i) + ".html";
      links.push_back(link("s1", url, i % 50 == 0 ? 404 : 200));
      refs.push_back(ref(url, "a", "链接"));
    }
    if (!(*store)->save_links(*run, links)) fail();
    std::vector pages{page("s1", "http://s1/list" + std::to_string(batch) + ".html", refs)};
    if (!(*store)->save_pages(*run, pages)) fail();
    std::vector findings{finding("s1", "LINK-BROKEN", "http://s1/b" + std::to_string(batch))};
    if (!(*store)->save_findings(*run, findings)) fail();
    if (write(report, "B", 1) != 1) fail();
  }
}

TEST(CrashSafety, RunKilledMidWriteIsAbortedAndEarlierRunsAreIntact) {
  TempDir dir;
  const auto file = dir.file("patrol.db");
  std::int64_t finished_run = 0;
  {
    auto store = open_sqlite(file);
    ASSERT_TRUE(store) << store.error().message;
    auto run = (*store)->begin_run("2026-11-01T02:00:00Z", {"s1"});
    ASSERT_TRUE(run);
    finished_run = *run;
    ASSERT_TRUE((*store)->save_findings(
        *run, std::vector{finding("s1", "AVAIL-SLOW", "http://s1/"),
                          finding("s1", "ID-MISSING", "icp", checks::Severity::warning)}));
    ASSERT_TRUE((*store)->finish_run(*run, "2026-11-01T03:00:00Z", {1, 2, 3}));
  }  // closed before fork(): a SQLite connection must not be shared across it

  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    write_until_killed(file, fds[1]);
  }
  close(fds[1]);
  int committed = 0;
  while (committed < kBatchesBeforeKill) {
    char byte = 0;
    ASSERT_EQ(read(fds[0], &byte, 1), 1) << "the writer died before it was killed";
    ASSERT_EQ(byte, 'B') << "the writer failed";
    ++committed;
  }
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  close(fds[0]);

  EXPECT_EQ(query_text(file, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(query_text(file, "PRAGMA foreign_key_check"), "");

  auto store = open_sqlite(file);
  ASSERT_TRUE(store) << store.error().message;
  const std::int64_t killed_run = finished_run + 1;
  auto next = (*store)->begin_run("2026-11-15T02:00:00Z", {"s1"});
  ASSERT_TRUE(next) << next.error().message;
  auto killed = (*store)->run(killed_run);
  ASSERT_TRUE(killed && *killed);
  EXPECT_EQ((*killed)->status, "aborted");

  // Batches committed before the kill are all there, whole.
  EXPECT_GE(query_int(file, "SELECT count(*) FROM link_checks WHERE run_id = " +
                                std::to_string(killed_run)),
            kBatchesBeforeKill * kLinksPerBatch);
  EXPECT_EQ(query_int(file, "SELECT count(*) FROM link_checks WHERE run_id = " +
                                std::to_string(killed_run)) %
                kLinksPerBatch,
            0);
  EXPECT_EQ(query_int(file, "SELECT count(*) FROM page_links") % kLinksPerBatch, 0);

  auto latest = (*store)->findings({std::nullopt, {}, StatusFilter::all});
  ASSERT_TRUE(latest) << latest.error().message;
  ASSERT_EQ(latest->size(), 2u);
  EXPECT_EQ((*latest)[0].finding.code, "AVAIL-SLOW");
  EXPECT_EQ((*latest)[0].status, "new");
  EXPECT_EQ((*latest)[1].finding.code, "ID-MISSING");

  // The new run settles against the finished run, as if the killed one never happened.
  ASSERT_TRUE(
      (*store)->save_findings(*next, std::vector{finding("s1", "AVAIL-SLOW", "http://s1/")}));
  ASSERT_TRUE((*store)->finish_run(*next, "2026-11-15T03:00:00Z", {}));
  auto after = (*store)->findings({std::nullopt, {}, StatusFilter::all});
  ASSERT_TRUE(after);
  ASSERT_EQ(after->size(), 2u);
  EXPECT_EQ((*after)[0].status, "open");
  EXPECT_EQ((*after)[1].status, "resolved");
}

}  // namespace
}  // namespace sitepatrol::store
