// Measures the database a big site produces: 20,000 pages carrying 30 links each (600,000
// page->link rows), plus one run's link checks. A measurement, not a check: it prints sizes
// and timings and is built with -DSITEPATROL_MICROBENCH=ON (it takes tens of seconds).
#include "store/sql_store.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using testing::query_int;
using testing::TempDir;

TEST(StoreSize, TwentyThousandPagesOfThirtyLinks) {
  constexpr int kPages = 20'000;
  constexpr int kLinksPerPage = 30;
  constexpr int kBatch = 200;  // pages per save_pages call, as the patrol batches them
  const std::string base = "http://www.jt.hubei.gov.cn/";

  TempDir dir;
  const auto file = dir.file("size.db");
  auto store = open_sqlite(file);
  ASSERT_TRUE(store);
  auto run = (*store)->begin_run("2026-11-01T02:00:00Z", {"hb-jtt"});
  ASSERT_TRUE(run);

  // A government site's page: ~20 navigation/footer links shared by every page, and ~10
  // article links drawn from the site's own articles.
  auto article = [&](int n) {
    return base + "xxgk/tzgg/2026" + std::to_string(10 + n % 3) + "/t2026" +
           std::to_string(1000000 + n) + ".shtml";
  };
  const auto start = std::chrono::steady_clock::now();
  std::int64_t text_bytes = 0;
  for (int first = 0; first < kPages; first += kBatch) {
    std::vector<PageRecord> batch;
    for (int p = first; p < first + kBatch; ++p) {
      PageRecord record;
      record.site = "hb-jtt";
      record.page.url = article(p);
      record.page.final_url = record.page.url;
      record.page.status = 200;
      record.page.title = "关于开展2026年度交通运输行业安全生产检查的通知";
      record.content_hash = std::string(64, 'a');
      for (int l = 0; l < kLinksPerPage; ++l) {
        checks::LinkRef ref;
        if (l < 20) {
          ref.url = base + "col/col" + std::to_string(3000 + l) + "/index.html";
          ref.text = "通知公告栏目" + std::to_string(l);
        } else {
          ref.url = article((p * 7 + l * 131) % kPages);
          ref.text = "关于印发交通运输安全生产工作要点的通知";
        }
        ref.kind = "a";
        text_bytes += static_cast<std::int64_t>(ref.url.size() + ref.text.size());
        record.page.links.push_back(std::move(ref));
      }
      batch.push_back(std::move(record));
    }
    ASSERT_TRUE((*store)->save_pages(*run, batch));
  }
  const auto pages_done = std::chrono::steady_clock::now();

  std::vector<LinkRecord> checks;
  for (int n = 0; n < kPages; ++n) checks.push_back(testing::link("hb-jtt", article(n)));
  for (int l = 0; l < 20; ++l) {
    checks.push_back(
        testing::link("hb-jtt", base + "col/col" + std::to_string(3000 + l) + "/index.html"));
  }
  ASSERT_TRUE((*store)->save_links(*run, checks));
  const auto links_done = std::chrono::steady_clock::now();
  ASSERT_TRUE((*store)->finish_run(*run, "2026-11-01T03:00:00Z", {1, kPages, 20'020}));
  store->reset();

  {
    auto db = Db::open(file);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("PRAGMA wal_checkpoint(TRUNCATE)"));
  }
  auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
  std::printf("page_links rows: %lld, urls: %lld\n",
              static_cast<long long>(query_int(file, "SELECT count(*) FROM page_links")),
              static_cast<long long>(query_int(file, "SELECT count(*) FROM urls")));
  std::printf("database: %.1f MiB (link url+text bytes as strings: %.1f MiB)\n",
              static_cast<double>(std::filesystem::file_size(file)) / (1 << 20),
              static_cast<double>(text_bytes) / (1 << 20));
  std::printf("save_pages: %lld ms, save_links (%zu): %lld ms\n",
              static_cast<long long>(ms(pages_done - start)), checks.size(),
              static_cast<long long>(ms(links_done - pages_done)));
  // Per table and index, when SQLite was built with the dbstat table (Debian's is).
  auto db = Db::open(file);
  ASSERT_TRUE(db);
  if (auto by_table = db->prepare(
          "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8")) {
    while (by_table->step().value_or(false)) {
      std::printf("  %-36s %7.1f MiB\n", by_table->column_text(0).c_str(),
                  static_cast<double>(by_table->column_int(1)) / (1 << 20));
    }
  }
}

}  // namespace
}  // namespace sitepatrol::store
