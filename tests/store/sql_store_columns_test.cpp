#include "store/sql_store.h"

#include <gtest/gtest.h>

#include "store/schema.h"
#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

class ColumnStore : public testdb::EngineTest {};

using namespace std::chrono;

checks::ColumnObservation column(std::string url, std::string newest, int entries,
                                 std::vector<std::string> entry_urls) {
  checks::ColumnObservation c;
  c.url = std::move(url);
  c.name = "通知公告";
  c.key = "notice";
  c.column_class = "notice";
  c.newest = checks::parse_iso_date(newest);
  c.entries = entries;
  c.new_entries = 1;
  c.state.entry_urls = std::move(entry_urls);
  c.state.list_hash = 0xfedcba9876543210ull;  // above INT64_MAX: must survive as unsigned
  c.state.newest = c.newest;
  return c;
}

TEST_P(ColumnStore, StatesAndHistoryRoundTripAndOnlyFinishedRunsCount) {
  auto store = open_store(db_.name());
  ASSERT_TRUE(store) << store.error().message;
  auto run1 = (*store)->begin_run("2026-10-25T02:00:00Z", {"s1"});
  ASSERT_TRUE(run1);
  const std::vector<checks::ColumnObservation> first = {
      column("http://s1/tzgg/", "2026-10-20", 2, {"http://s1/tzgg/1.html", "http://s1/tzgg/2.html"})};
  ASSERT_TRUE((*store)->save_columns(*run1, "s1", first));
  ASSERT_TRUE((*store)->finish_run(*run1, "2026-10-25T02:10:00Z", {}));

  auto states = (*store)->column_states("s1");
  ASSERT_TRUE(states) << states.error().message;
  ASSERT_EQ(states->size(), 1u);
  const checks::ColumnState& s = states->at("http://s1/tzgg/");
  EXPECT_EQ(s.entry_urls, first[0].state.entry_urls);
  EXPECT_EQ(s.list_hash, 0xfedcba9876543210ull);
  EXPECT_EQ(checks::to_string(*s.newest), "2026-10-20");
  EXPECT_TRUE((*store)->column_states("s2")->empty());

  // A second run killed half way: its observation is kept out of the history.
  auto run2 = (*store)->begin_run("2026-11-25T02:00:00Z", {"s1"});
  ASSERT_TRUE(run2);
  const std::vector<checks::ColumnObservation> second = {
      column("http://s1/tzgg/", "2026-11-20", 3, {})};
  ASSERT_TRUE((*store)->save_columns(*run2, "s1", second));
  auto run3 = (*store)->begin_run("2026-11-26T02:00:00Z", {"s1"});  // aborts run2
  ASSERT_TRUE(run3);
  auto history = (*store)->column_history("s1");
  ASSERT_TRUE(history) << history.error().message;
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].run, *run1);
  EXPECT_EQ((*history)[0].started_at, "2026-10-25T02:00:00Z");
  EXPECT_EQ((*history)[0].column.name, "通知公告");
  EXPECT_EQ((*history)[0].column.entries, 2);
  EXPECT_EQ((*history)[0].column.new_entries, 1);
}

TEST_P(ColumnStore, PageFactsAreKeptForA304) {
  auto store = open_store(db_.name());
  ASSERT_TRUE(store);
  auto run = (*store)->begin_run("2026-11-25T02:00:00Z", {"s1"});
  ASSERT_TRUE(run);
  PageRecord full = testing::page("s1", "http://s1/tzgg/");
  checks::PageFacts facts;
  facts.entries = {{"http://s1/tzgg/1.html", "关于<script>的通知", checks::parse_iso_date("2026-11-20")},
                   {"http://s1/tzgg/2.html", "无日期", std::nullopt}};
  facts.placeholder = true;
  facts.column_name = "通知公告";
  facts.meta = checks::kColumnName | checks::kPubDate;
  facts.published = checks::parse_iso_date("2026-11-01");
  facts.text_length = 1234;
  full.facts = facts;
  full.etag = "\"e1\"";
  ASSERT_TRUE((*store)->save_pages(*run, std::span(&full, 1)));
  PageRecord unchanged = testing::page("s1", "http://s1/tzgg/");
  unchanged.page.not_modified = true;  // a 304 brings no facts: the stored ones stay
  ASSERT_TRUE((*store)->save_pages(*run, std::span(&unchanged, 1)));
  auto memory = (*store)->page_memory("s1", "http://s1/tzgg/");
  ASSERT_TRUE(memory && *memory);
  ASSERT_TRUE((*memory)->facts);
  EXPECT_EQ(*(*memory)->facts, facts);
}

INSTANTIATE_TEST_SUITE_P(Engines, ColumnStore, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
