// A finding's detail as code and values (issue 14) on a real SQLite file: saved, read back in
// order after reopening, kept by a resolution and by an occurrence carried over unverified,
// and absent (the English text alone) for rows stored before schema version 7.
#include "store/sql_store.h"

#include <gtest/gtest.h>

#include "store/json_codec.h"
#include "store/schema.h"
#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using checks::DetailArgs;
using checks::Severity;

constexpr const char* kT1 = "2026-11-01T02:00:00Z";
constexpr const char* kT2 = "2026-11-02T02:00:00Z";
constexpr const char* kT3 = "2026-11-03T02:00:00Z";

const DetailArgs kStale = {{"name", "通知公告"},        {"column", "notice"},
                           {"column_class", "dynamic"}, {"newest", "2025-08-12"},
                           {"age_days", "479"},         {"limit_days", "365"}};

checks::Finding stale_column() {
  checks::Finding f{"a",
                    "FRESH-COLUMN",
                    Severity::error,
                    "http://a.example/tzgg/",
                    "http://a.example/tzgg/",
                    "通知公告 (notice) [dynamic]: newest entry 2025-08-12 is 479 days old (limit "
                    "365 days)"};
  f.detail_code = "fresh.column_stale";
  f.detail_args = kStale;
  return f;
}

class DetailsTest : public ::testing::TestWithParam<testdb::Engine> {
 protected:
  std::unique_ptr<Store> open() {
    auto opened = open_store(db_.name());
    EXPECT_TRUE(opened) << opened.error().message;
    return opened ? std::move(*opened) : nullptr;
  }

  static std::int64_t patrol(Store& store, const char* started, SiteCoverage coverage,
                             std::vector<checks::Finding> findings) {
    auto run = store.begin_run(started, {"a"});
    EXPECT_TRUE(run);
    EXPECT_TRUE(store.save_findings(*run, findings));
    EXPECT_TRUE(store.save_coverage(*run, "a", coverage));
    auto ok = store.finish_run(*run, std::string(started, 11) + "03:00:00Z", {1, 1, 1});
    EXPECT_TRUE(ok) << ok.error().message;
    return *run;
  }

  static FindingRow only(Store& store, std::int64_t run, StatusFilter status) {
    auto rows = store.findings({run, {}, status});
    EXPECT_TRUE(rows);
    EXPECT_EQ(rows->size(), 1u);
    return rows && !rows->empty() ? rows->front() : FindingRow{};
  }

  testdb::TestDatabase db_{GetParam()};
};

TEST_P(DetailsTest, CodeAndValuesComeBackInOrderAfterReopening) {
  std::int64_t run = 0;
  {
    auto store = open();
    run = patrol(*store, kT1, {}, {stale_column()});
  }
  auto store = open();
  const FindingRow row = only(*store, run, StatusFilter::all);
  EXPECT_EQ(row.finding.detail, stale_column().detail);  // the English text, unchanged
  EXPECT_EQ(row.finding.detail_code, "fresh.column_stale");
  EXPECT_EQ(row.finding.detail_args, kStale);
  EXPECT_EQ(
      testing::query_text(db_.name(), "SELECT detail_args FROM finding_occurrences"),
      R"([["name","通知公告"],["column","notice"],["column_class","dynamic"],)"
      R"(["newest","2025-08-12"],["age_days","479"],["limit_days","365"]])");
}

TEST_P(DetailsTest, ResolvedAndCarriedOverFindingsKeepTheirValues) {
  auto store = open();
  patrol(*store, kT1, {}, {stale_column()});
  // The site is down: the finding is carried over unverified, with its detail's values.
  const auto r2 = patrol(*store, kT2, {"down", "HTTP 503"}, {});
  const FindingRow carried = only(*store, r2, StatusFilter::all);
  EXPECT_FALSE(carried.verified);
  EXPECT_EQ(carried.finding.detail_code, "fresh.column_stale");
  EXPECT_EQ(carried.finding.detail_args, kStale);
  // Seen again without it: resolved, shown with its last occurrence's values.
  const auto r3 = patrol(*store, kT3, {}, {});
  const FindingRow resolved = only(*store, r3, StatusFilter::resolved);
  EXPECT_EQ(resolved.finding.detail_code, "fresh.column_stale");
  EXPECT_EQ(resolved.finding.detail_args, kStale);
}

TEST_P(DetailsTest, RowsOfAVersion6DatabaseKeepTheirTextAndHaveNoCode) {
  const auto file = db_.name();
  {
    auto store = open();
    patrol(*store, kT1, {}, {stale_column()});
  }
  // Make it look like a database written before version 7: the columns empty, as the
  // migration's defaults leave the rows it finds.
  {
    auto db = Db::connect(file);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("UPDATE finding_occurrences SET detail_code = '', detail_args = ''"));
  }
  auto store = open();
  auto rows = store->findings({std::nullopt, {}, StatusFilter::all});
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().finding.detail_code, "");
  EXPECT_TRUE(rows->front().finding.detail_args.empty());
  EXPECT_EQ(rows->front().finding.detail, stale_column().detail);
}

TEST_P(DetailsTest, MigratingAVersion6FileAddsTheColumnsAndKeepsItsRows) {
  const auto file = db_.name();
  {
    auto db = Db::connect(file);
    ASSERT_TRUE(db);
    ASSERT_TRUE(migrate(*db, migrations().first(6)));
    ASSERT_TRUE(db->exec(R"sql(
INSERT INTO runs (id, started_at, finished_at, status, sites, pages, links_checked)
  VALUES (1, '2026-11-01T02:00:00Z', '2026-11-01T03:00:00Z', 'finished', 1, 1, 1);
INSERT INTO run_sites (run_id, site) VALUES (1, 'a');
INSERT INTO findings (id, site, code, subject, first_seen, first_run, last_seen, last_run)
  VALUES (1, 'a', 'LINK-BROKEN', 'http://x.example/', '2026-11-01T02:00:00Z', 1,
          '2026-11-01T02:00:00Z', 1);
INSERT INTO finding_occurrences (run_id, finding_id, severity, page, detail, status)
  VALUES (1, 1, 2, 'http://a.example/', 'HTTP 404', 'new');
)sql"));
  }
  auto opened = open_store(file);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(testdb::schema_version_of(file), current_schema_version());
  auto rows = (*opened)->findings({std::nullopt, {}, StatusFilter::all});
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().finding.detail, "HTTP 404");
  EXPECT_EQ(rows->front().finding.detail_code, "");
}

}  // namespace
}  // namespace sitepatrol::store

namespace sitepatrol::store {
namespace {

// A page's findings are kept as JSON and handed back on a 304; their details keep their code
// and values, and findings stored before (no such keys) come back with none.
TEST(DetailsCodec, PageFindingsKeepTheirDetailValues) {
  checks::Finding f = stale_column();
  auto back = decode_findings(encode_findings({f}));
  ASSERT_TRUE(back) << back.error().message;
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ(back->front().detail, f.detail);
  EXPECT_EQ(back->front().detail_code, "fresh.column_stale");
  EXPECT_EQ(back->front().detail_args, kStale);

  auto old = decode_findings(
      R"([{"site":"a","code":"LINK-BROKEN","severity":"error","subject":"http://x/",)"
      R"("page":"http://a/","detail":"HTTP 404"}])");
  ASSERT_TRUE(old);
  EXPECT_EQ(old->front().detail, "HTTP 404");
  EXPECT_EQ(old->front().detail_code, "");
  EXPECT_TRUE(old->front().detail_args.empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, DetailsTest, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
