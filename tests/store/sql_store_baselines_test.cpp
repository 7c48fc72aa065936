#include "store/sql_store.h"

#include <gtest/gtest.h>

#include <limits>

#include "store/schema.h"
#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using checks::PageSketch;
using testing::page;
using testing::query_int;
using testing::query_text;

constexpr const char* kHome = "http://www.site.example/";
constexpr const char* kNews = "http://www.site.example/gzdt/";

PageSketch sketch(const std::string& title, std::uint64_t seed = 1) {
  PageSketch s;
  s.minhash = {seed, seed * 7, std::numeric_limits<std::uint64_t>::max() - seed};
  s.scripts = {"http://www.site.example/js/common.js", "inline:9f2c"};
  s.iframes = {"http://www.site.example/map.html"};
  s.title = title;
  s.elements = 400 + seed;
  return s;
}

PageRecord sketched(const std::string& site, const std::string& url, const PageSketch& s) {
  PageRecord record = page(site, url);
  record.sketch = s;
  return record;
}

void expect_same(const PageSketch& a, const PageSketch& b) {
  EXPECT_EQ(a.minhash, b.minhash);
  EXPECT_EQ(a.scripts, b.scripts);
  EXPECT_EQ(a.iframes, b.iframes);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.elements, b.elements);
}

class BaselinesTest : public ::testing::TestWithParam<testdb::Engine> {
 protected:
  void SetUp() override {
    auto opened = open_store(file());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    begin("2026-11-01T02:00:00Z");
  }

  const std::string& file() const { return db_.name(); }

  void begin(const char* started) {
    auto run = store_->begin_run(started, {"s1", "s2"});
    ASSERT_TRUE(run) << run.error().message;
    run_ = *run;
  }
  void next_run(const char* started) {
    ASSERT_TRUE(store_->finish_run(run_, started, {}));
    begin(started);
  }
  void save(const PageRecord& record) {
    auto ok = store_->save_pages(run_, std::span(&record, 1));
    ASSERT_TRUE(ok) << ok.error().message;
  }
  void add(const std::string& site, const std::string& url, const PageSketch& s) {
    const std::pair<std::string, PageSketch> one{url, s};
    auto ok = store_->add_baselines(site, std::span(&one, 1));
    ASSERT_TRUE(ok) << ok.error().message;
  }
  std::map<std::string, PageSketch> baselines(const std::string& site) {
    auto got = store_->baselines(site);
    EXPECT_TRUE(got) << got.error().message;
    return got ? *got : std::map<std::string, PageSketch>{};
  }
  int accept(const std::string& site) {
    auto got = store_->accept_baselines(site);
    EXPECT_TRUE(got) << got.error().message;
    return got.value_or(-1);
  }

  testdb::TestDatabase db_{GetParam()};
  std::unique_ptr<Store> store_;
  std::int64_t run_ = 0;
};

TEST_P(BaselinesTest, FirstSightingIsRecordedAndNeverOverwrittenByLaterSightings) {
  add("s1", kHome, sketch("首页"));
  next_run("2026-11-08T02:00:00Z");
  add("s1", kHome, sketch("被篡改的首页", 99));  // a later, different state: not a baseline
  add("s1", kNews, sketch("工作动态", 2));

  auto got = baselines("s1");
  ASSERT_EQ(got.size(), 2u);
  expect_same(got.at(kHome), sketch("首页"));  // 64-bit values survive the JSON
  expect_same(got.at(kNews), sketch("工作动态", 2));
  EXPECT_TRUE(baselines("s2").empty());

  auto listed = store_->baseline_list("s1");
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].url, kHome);
  EXPECT_EQ((*listed)[0].accepted_at, "2026-11-01T02:00:00Z");
  EXPECT_EQ((*listed)[0].source_run, 1);
  EXPECT_EQ((*listed)[0].title, "首页");
  EXPECT_EQ((*listed)[1].url, kNews);
  EXPECT_EQ((*listed)[1].accepted_at, "2026-11-08T02:00:00Z");
  EXPECT_EQ((*listed)[1].source_run, 2);
}

TEST_P(BaselinesTest, SketchIsKeptOnNotModifiedAndClearedByAFullFetchWithoutOne) {
  save(sketched("s1", kHome, sketch("首页")));
  save(sketched("s1", kNews, sketch("工作动态", 2)));
  next_run("2026-11-08T02:00:00Z");

  PageRecord not_modified = page("s1", kHome);  // a 304: no body, so no sketch
  not_modified.page.not_modified = true;
  not_modified.page.status = 304;
  save(not_modified);
  save(page("s1", kNews));  // fetched in full but no longer sketched (say, moved deeper)

  EXPECT_EQ(query_int(file(), "SELECT count(*) FROM pages WHERE sketch IS NOT NULL"), 1);
  ASSERT_EQ(accept("s1"), 1);
  auto got = baselines("s1");
  ASSERT_EQ(got.size(), 1u);
  expect_same(got.at(kHome), sketch("首页"));
}

TEST_P(BaselinesTest, SketchOnThePageResultIsSavedWhenTheRecordHasNone) {
  PageRecord record = page("s1", kHome);
  record.page.sketch = sketch("首页");
  save(record);
  ASSERT_EQ(accept("s1"), 1);
  expect_same(baselines("s1").at(kHome), sketch("首页"));
}

TEST_P(BaselinesTest, AcceptReplacesTheSiteBaselinesWithItsCurrentSketchesOnly) {
  add("s1", kHome, sketch("旧首页"));
  add("s1", "http://www.site.example/gone/", sketch("已撤销的栏目", 3));
  add("s2", kHome, sketch("另一个站点", 4));
  next_run("2026-11-08T02:00:00Z");
  save(sketched("s1", kHome, sketch("改版后的首页", 10)));
  save(sketched("s1", kNews, sketch("工作动态", 11)));
  save(page("s1", "http://www.site.example/gzdt/t1.html"));  // an article: no sketch
  save(sketched("s2", kNews, sketch("s2 news", 12)));

  EXPECT_EQ(accept("s1"), 2);
  auto got = baselines("s1");
  ASSERT_EQ(got.size(), 2u);  // the vanished column's baseline went with the old ones
  expect_same(got.at(kHome), sketch("改版后的首页", 10));
  expect_same(got.at(kNews), sketch("工作动态", 11));
  // The other site is untouched.
  auto other = baselines("s2");
  ASSERT_EQ(other.size(), 1u);
  expect_same(other.at(kHome), sketch("另一个站点", 4));

  auto listed = store_->baseline_list("s1");
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].accepted_at, "2026-11-08T02:00:00Z");
  EXPECT_EQ((*listed)[0].source_run, 2);
}

TEST_P(BaselinesTest, AcceptWithNothingSketchedKeepsTheOldBaselines) {
  add("s1", kHome, sketch("首页"));
  save(page("s1", kHome));  // no sketch
  EXPECT_EQ(accept("s1"), 0);
  EXPECT_EQ(accept("never-patrolled"), 0);
  EXPECT_EQ(baselines("s1").size(), 1u);
}

TEST_P(BaselinesTest, DamagedBaselineIsAnErrorNamingThePage) {
  add("s1", kHome, sketch("首页"));
  {
    auto db = Db::connect(file());
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("UPDATE baselines SET sketch = '{\"minhash\": [-1]}'"));
  }
  auto got = store_->baselines("s1");
  ASSERT_FALSE(got);
  EXPECT_NE(got.error().message.find(kHome), std::string::npos) << got.error().message;
  auto listed = store_->baseline_list("s1");  // a listing still shows the page
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].title, "");
}

class BaselinesMigration : public testdb::EngineTest {};

TEST_P(BaselinesMigration, VersionOneDatabaseGainsSketchesAndKeepsItsPages) {
  const auto file = db_.name();
  {  // A database as the first release left it: schema version 1, one finished run, a page.
    auto db = Db::connect(file);
    ASSERT_TRUE(db);
    ASSERT_TRUE(migrate(*db, migrations().first(1)));
    ASSERT_TRUE(
        db->exec("INSERT INTO runs (started_at, finished_at, status) "
                 "VALUES ('2026-10-01T02:00:00Z', '2026-10-01T03:00:00Z', 'finished');"
                 "INSERT INTO run_sites VALUES (1, 's1');"
                 "INSERT INTO urls (url) VALUES ('http://www.site.example/');"
                 "INSERT INTO pages (site, url_id, status, title, etag, last_run) "
                 "VALUES ('s1', 1, 200, '首页', '\"v1\"', 1);"));
  }
  ASSERT_EQ(testdb::schema_version_of(file), 1);

  auto opened = open_store(file);
  ASSERT_TRUE(opened) << opened.error().message;
  auto& store = *opened;
  EXPECT_EQ(testdb::schema_version_of(file), current_schema_version());  // 2 and later
  EXPECT_EQ(query_text(file, "SELECT title FROM pages"), "首页");
  EXPECT_EQ(query_int(file, "SELECT count(*) FROM pages WHERE sketch IS NULL"), 1);
  auto memory = store->page_memory("s1", kHome);
  ASSERT_TRUE(memory && *memory);
  // Version 3 forgets validators of pages stored without freshness facts, so the next
  // patrol reads each page in full once instead of reusing nothing on a 304.
  EXPECT_EQ((*memory)->etag, "");
  EXPECT_FALSE((*memory)->facts.has_value());

  // An old page has no sketch, so there is nothing to accept until a patrol sketches it.
  EXPECT_EQ(store->accept_baselines("s1").value_or(-1), 0);
  auto run = store->begin_run("2026-11-01T02:00:00Z", {"s1"});
  ASSERT_TRUE(run);
  PageRecord record = sketched("s1", kHome, sketch("首页"));
  ASSERT_TRUE(store->save_pages(*run, std::span(&record, 1)));
  EXPECT_EQ(store->accept_baselines("s1").value_or(-1), 1);
  auto got = store->baselines("s1");
  ASSERT_TRUE(got);
  ASSERT_EQ(got->size(), 1u);
  expect_same(got->at(kHome), sketch("首页"));
}

INSTANTIATE_TEST_SUITE_P(Engines, BaselinesTest, testdb::all_engines(), testdb::engine_name);
INSTANTIATE_TEST_SUITE_P(Engines, BaselinesMigration, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
