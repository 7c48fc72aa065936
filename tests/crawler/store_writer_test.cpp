#include "crawler/store_writer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

namespace sitepatrol::crawler {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

// A Store that keeps the calls it gets; may fail one kind of write.
class RecordingStore final : public store::Store {
 public:
  struct Call {
    std::string what;  // pages | links | findings | memory
    std::int64_t run = 0;
    std::size_t size = 0;
    std::thread::id thread;
  };

  std::vector<Call> calls() const {
    std::lock_guard lock(mutex_);
    return calls_;
  }
  std::vector<std::size_t> sizes(const std::string& what) const {
    std::vector<std::size_t> out;
    for (const auto& c : calls())
      if (c.what == what) out.push_back(c.size);
    return out;
  }
  std::vector<std::string> page_urls() const {
    std::lock_guard lock(mutex_);
    return page_urls_;
  }

  std::string fail_writes_of;  // "links": every save_links fails
  std::chrono::milliseconds write_time{0};

  void expect_sites_in_flight(int) override {}
  void fence_writes(std::optional<store::SiteClaim>) override {}
  store::Result<std::int64_t> begin_run(const std::string&,
                                        const std::vector<std::string>&) override {
    return 1;
  }
  store::Result<void> save_pages(std::int64_t run,
                                 std::span<const store::PageRecord> pages) override {
    {
      std::lock_guard lock(mutex_);
      for (const auto& p : pages) page_urls_.push_back(p.page.url);
    }
    return record("pages", run, pages.size());
  }
  store::Result<void> save_links(std::int64_t run,
                                 std::span<const store::LinkRecord> links) override {
    return record("links", run, links.size());
  }
  store::Result<void> save_findings(std::int64_t run,
                                    std::span<const checks::Finding> findings) override {
    return record("findings", run, findings.size());
  }
  store::Result<void> finish_run(std::int64_t, const std::string&,
                                 const store::RunTotals&) override {
    return {};
  }
  store::Result<std::vector<std::pair<std::string, store::PageMemory>>> validators(
      const std::string&) override {
    return std::vector<std::pair<std::string, store::PageMemory>>{};
  }
  store::Result<std::optional<store::PageMemory>> page_memory(const std::string& site,
                                                              const std::string& url) override {
    (void)record("memory", 0, 0);
    if (site == "s" && url == "http://www.site.example/") {
      store::PageMemory m;
      m.etag = "\"e1\"";
      m.title = "首页";
      m.links = {{"http://www.site.example/a.html", "a", "A", false, "", ""}};
      return m;
    }
    if (url == "http://www.site.example/broken")
      return std::unexpected(store::StoreError{"disk I/O error"});
    return std::optional<store::PageMemory>{};
  }
  store::Result<std::map<std::string, checks::PageSketch>> baselines(const std::string&) override {
    return std::map<std::string, checks::PageSketch>{};
  }
  store::Result<void> add_baselines(
      const std::string&, std::span<const std::pair<std::string, checks::PageSketch>>) override {
    return {};
  }
  store::Result<int> accept_baselines(const std::string&) override { return 0; }
  store::Result<std::vector<store::BaselineInfo>> baseline_list(const std::string&) override {
    return std::vector<store::BaselineInfo>{};
  }
  store::Result<std::optional<store::RunInfo>> run(std::optional<std::int64_t>) override {
    return std::optional<store::RunInfo>{};
  }
  store::Result<std::vector<store::FindingRow>> findings(const store::FindingQuery&) override {
    return std::vector<store::FindingRow>{};
  }
  store::Result<std::vector<store::FindingCount>> finding_counts(std::int64_t) override {
    return std::vector<store::FindingCount>{};
  }
  store::Result<std::map<std::string, checks::ColumnState>> column_states(
      const std::string&) override {
    return std::map<std::string, checks::ColumnState>{};
  }
  store::Result<void> save_columns(std::int64_t run, const std::string&,
                                   std::span<const checks::ColumnObservation> columns) override {
    return record("columns", run, columns.size());
  }
  store::Result<std::vector<store::ColumnHistoryRow>> column_history(
      const std::string&) override {
    return std::vector<store::ColumnHistoryRow>{};
  }
  // issue 4
  store::Result<void> save_interaction_months(
      std::int64_t run, const std::string&, std::span<const checks::InteractionMonth> m) override {
    return record("interaction", run, m.size());
  }
  store::Result<std::vector<checks::InteractionMonth>> interaction_months(
      const std::string&) override {
    return std::vector<checks::InteractionMonth>{};
  }

 private:
  store::Result<void> record(const std::string& what, std::int64_t run, std::size_t size) {
    if (write_time.count() > 0) std::this_thread::sleep_for(write_time);
    std::lock_guard lock(mutex_);
    calls_.push_back({what, run, size, std::this_thread::get_id()});
    if (what == fail_writes_of) return std::unexpected(store::StoreError{"database is locked"});
    return {};
  }

  mutable std::mutex mutex_;
  std::vector<Call> calls_;
  std::vector<std::string> page_urls_;
};

store::PageRecord page(int i) {
  store::PageRecord p;
  p.site = "s";
  p.page.url = "http://www.site.example/p" + std::to_string(i) + ".html";
  return p;
}

store::LinkRecord link(int i) {
  store::LinkRecord l;
  l.site = "s";
  l.link.url = "http://www.site.example/l" + std::to_string(i) + ".html";
  return l;
}

checks::Finding finding(int i) {
  checks::Finding f;
  f.site = "s";
  f.code = "LINK-BROKEN";
  f.subject = "http://www.site.example/f" + std::to_string(i) + ".html";
  return f;
}

template <class Pred>
bool eventually(Pred pred, std::chrono::milliseconds limit = 5s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!pred() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
  return pred();
}

TEST(StoreWriter, FullBatchesAreWrittenWithoutWaitingForClose) {
  RecordingStore store;
  asio::io_context io;
  StoreWriter writer(store, 7, io.get_executor(), 3);
  for (int i = 0; i < 7; ++i) writer.add_page(page(i));

  ASSERT_TRUE(eventually([&] { return store.sizes("pages").size() == 2; }));
  EXPECT_EQ(store.sizes("pages"), (std::vector<std::size_t>{3, 3}));

  EXPECT_EQ(writer.close(), std::nullopt);
  EXPECT_EQ(store.sizes("pages"), (std::vector<std::size_t>{3, 3, 1}));  // close flushed the rest
  for (const auto& c : store.calls()) EXPECT_EQ(c.run, 7);
  // Order kept: batches are written in the order they were handed over.
  std::vector<std::string> want;
  for (int i = 0; i < 7; ++i) want.push_back(page(i).page.url);
  EXPECT_EQ(store.page_urls(), want);
}

TEST(StoreWriter, EachKindIsBatchedOnItsOwn) {
  RecordingStore store;
  asio::io_context io;
  StoreWriter writer(store, 1, io.get_executor(), 4);
  for (int i = 0; i < 4; ++i) writer.add_link(link(i));  // a full batch of links
  for (int i = 0; i < 2; ++i) writer.add_finding(finding(i));
  for (int i = 0; i < 9; ++i) writer.add_link(link(10 + i));
  EXPECT_EQ(writer.close(), std::nullopt);

  std::size_t links = 0;
  for (auto n : store.sizes("links")) {
    EXPECT_LE(n, 4u);
    EXPECT_GT(n, 0u);
    links += n;
  }
  EXPECT_EQ(links, 13u);
  EXPECT_EQ(store.sizes("findings"), std::vector<std::size_t>{2});
  EXPECT_TRUE(store.sizes("pages").empty());  // no empty transactions
}

TEST(StoreWriter, ExplicitFlushWritesAPartialBatch) {
  RecordingStore store;
  asio::io_context io;
  StoreWriter writer(store, 1, io.get_executor(), 512);
  writer.add_page(page(1));
  writer.add_finding(finding(1));
  writer.flush();
  ASSERT_TRUE(eventually([&] { return store.calls().size() == 2; }));
  writer.flush();  // nothing new: no call
  EXPECT_EQ(writer.close(), std::nullopt);
  EXPECT_EQ(store.calls().size(), 2u);
}

TEST(StoreWriter, WritesRunOnOneThreadThatIsNotTheCallers) {
  RecordingStore store;
  asio::io_context io;
  StoreWriter writer(store, 1, io.get_executor(), 2);
  for (int i = 0; i < 10; ++i) {
    writer.add_page(page(i));
    writer.add_link(link(i));
  }
  writer.close();
  const auto calls = store.calls();
  ASSERT_FALSE(calls.empty());
  for (const auto& c : calls) {
    EXPECT_NE(c.thread, std::this_thread::get_id());
    EXPECT_EQ(c.thread, calls.front().thread);
  }
}

TEST(StoreWriter, AddDoesNotWaitForTheStore) {
  RecordingStore store;
  store.write_time = 100ms;
  asio::io_context io;
  StoreWriter writer(store, 1, io.get_executor(), 1);
  const auto began = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) writer.add_page(page(i));
  EXPECT_LT(std::chrono::steady_clock::now() - began, 100ms);
  EXPECT_EQ(writer.close(), std::nullopt);
  EXPECT_EQ(store.sizes("pages").size(), 5u);
}

// A writer whose holds are recorded, on a store that takes `write_time` a write.
struct HeldWriter {
  HeldWriter(std::chrono::milliseconds write_time, std::size_t batch)
      : writer(store, 1, io.get_executor(), batch) {
    store.write_time = write_time;
    writer.hold_while_behind([this](bool on) { holds.push_back(on); });
  }
  RecordingStore store;
  asio::io_context io;
  std::vector<bool> holds;
  StoreWriter writer;
};

// A store slower than the walk: at kBehind batches waiting the writer asks for a hold (the
// patrol's gate starts no request), and lets go once half of them are written. Without it
// the batches gathered in memory without end (612 MB on the 20k bench, docs/performance.md).
TEST(StoreWriter, ASlowStoreHoldsTheWalkUntilItCatchesUp) {
  HeldWriter w(50ms, 1);

  for (int i = 0; i < static_cast<int>(StoreWriter::kBehind) - 1; ++i) w.writer.add_page(page(i));
  EXPECT_TRUE(w.holds.empty());
  w.writer.add_page(page(100));
  EXPECT_EQ(w.holds, std::vector<bool>{true});
  w.writer.add_page(page(101));  // still behind: no second hold
  EXPECT_EQ(w.holds, std::vector<bool>{true});

  // The written batches are counted on the I/O thread.
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (w.holds.size() < 2 && std::chrono::steady_clock::now() < deadline) {
    w.io.run_for(10ms);
    w.io.restart();
  }
  EXPECT_EQ(w.holds, (std::vector<bool>{true, false}));
  EXPECT_LE(w.writer.answers_waiting(), StoreWriter::kBehind / 2);

  // Behind again, and still behind after a batch is written: one hold, let go once. (A
  // second hold here was never undone: a patrol of 2,000 sites stopped with its gate held.)
  while (w.writer.answers_waiting() < StoreWriter::kBehind) w.writer.add_page(page(200));
  while (w.writer.answers_waiting() == StoreWriter::kBehind) {
    w.io.run_for(10ms);
    w.io.restart();
  }
  w.writer.add_page(page(201));
  while (w.holds.size() < 4 && std::chrono::steady_clock::now() < deadline + 5s) {
    w.io.run_for(10ms);
    w.io.restart();
  }
  EXPECT_EQ(w.holds, (std::vector<bool>{true, false, true, false}));
  EXPECT_EQ(w.writer.close(), std::nullopt);
  EXPECT_EQ(w.holds, (std::vector<bool>{true, false, true, false}));  // close asks for nothing
}

// Each site's end flushes its findings and its last page or two. When several sites end
// together those small batches are not a store falling behind: only kBehind full batches'
// worth of answers (pages, links checked) waiting holds the walk (counting batches, a
// 200-site patrol held its every request for tens of milliseconds, several times a run).
TEST(StoreWriter, SitesEndingTogetherDoNotHoldTheWalk) {
  HeldWriter w(1ms, 8);

  const int sites = 3 * static_cast<int>(StoreWriter::kBehind);
  for (int site = 0; site < sites; ++site) {
    w.writer.add_page(page(site));
    for (int i = 0; i < 40; ++i) w.writer.add_finding(checks::Finding{});
    w.writer.flush();  // the site's end
  }
  EXPECT_TRUE(w.holds.empty());
  EXPECT_EQ(w.writer.answers_waiting(), static_cast<std::size_t>(sites));

  // Pages and links checked still hold, once kBehind batches' worth of them wait.
  const std::size_t mark = 8 * StoreWriter::kBehind;
  for (int i = sites; w.holds.empty() && i < 1000; ++i) {
    w.writer.add_page(page(i));
    w.writer.add_link(link(i));
  }
  EXPECT_GE(w.writer.answers_waiting(), mark);
  EXPECT_LT(w.writer.answers_waiting(), mark + 16);
  EXPECT_EQ(w.holds, std::vector<bool>{true});
  EXPECT_EQ(w.writer.close(), std::nullopt);
  EXPECT_EQ(w.store.sizes("findings").size(), static_cast<std::size_t>(sites) * 5);
}

TEST(StoreWriter, StoreErrorIsReturnedByClose) {
  RecordingStore store;
  store.fail_writes_of = "links";
  asio::io_context io;
  StoreWriter writer(store, 1, io.get_executor(), 2);
  writer.add_page(page(1));
  writer.add_link(link(1));
  writer.add_link(link(2));  // a full batch: written (and failing) now
  writer.add_finding(finding(1));
  auto error = writer.close();
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(*error, "database is locked");
  // The other writes were still made.
  EXPECT_EQ(store.sizes("pages"), std::vector<std::size_t>{1});
  EXPECT_EQ(store.sizes("findings"), std::vector<std::size_t>{1});
  EXPECT_EQ(writer.close(), error);  // asked again: the same answer
}

TEST(StoreWriter, DestructorWritesWhatIsLeft) {
  RecordingStore store;
  asio::io_context io;
  {
    StoreWriter writer(store, 1, io.get_executor(), 100);
    writer.add_page(page(1));
    writer.add_link(link(1));
  }
  EXPECT_EQ(store.sizes("pages"), std::vector<std::size_t>{1});
  EXPECT_EQ(store.sizes("links"), std::vector<std::size_t>{1});
}

TEST(StoreWriter, LoadMemoryAnswersOnTheIoThread) {
  RecordingStore store;
  asio::io_context io;
  auto work = asio::make_work_guard(io);
  std::atomic<std::thread::id> io_thread_id{};
  std::thread io_thread([&] {
    io_thread_id = std::this_thread::get_id();
    io.run();
  });
  StoreWriter writer(store, 1, io.get_executor());

  std::promise<std::pair<std::optional<store::PageMemory>, std::thread::id>> known, unknown, broken;
  writer.load_memory("s", "http://www.site.example/", [&](std::optional<store::PageMemory> m) {
    known.set_value({std::move(m), std::this_thread::get_id()});
  });
  writer.load_memory("s", "http://www.site.example/none", [&](std::optional<store::PageMemory> m) {
    unknown.set_value({std::move(m), std::this_thread::get_id()});
  });
  writer.load_memory("s", "http://www.site.example/broken",
                     [&](std::optional<store::PageMemory> m) {
                       broken.set_value({std::move(m), std::this_thread::get_id()});
                     });

  auto k = known.get_future();
  auto u = unknown.get_future();
  auto b = broken.get_future();
  ASSERT_EQ(k.wait_for(5s), std::future_status::ready);
  ASSERT_EQ(u.wait_for(5s), std::future_status::ready);
  ASSERT_EQ(b.wait_for(5s), std::future_status::ready);
  auto [memory, thread] = k.get();
  ASSERT_TRUE(memory.has_value());
  EXPECT_EQ(memory->etag, "\"e1\"");
  EXPECT_EQ(memory->title, "首页");
  ASSERT_EQ(memory->links.size(), 1u);
  EXPECT_EQ(thread, io_thread_id.load());
  auto [none, thread2] = u.get();
  EXPECT_FALSE(none.has_value());
  EXPECT_EQ(thread2, io_thread_id.load());
  auto [failed, thread3] = b.get();
  EXPECT_FALSE(failed.has_value());  // a read error is a miss, not a crash
  EXPECT_EQ(thread3, io_thread_id.load());
  // The store was read on the store thread, not the io thread or this one.
  for (const auto& c : store.calls()) {
    EXPECT_NE(c.thread, io_thread_id.load());
    EXPECT_NE(c.thread, std::this_thread::get_id());
  }

  EXPECT_EQ(writer.close(), std::nullopt);
  work.reset();
  io_thread.join();
}

}  // namespace
}  // namespace sitepatrol::crawler
