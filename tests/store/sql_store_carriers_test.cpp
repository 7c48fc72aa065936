// FindingRow::carriers: every page of the run carrying a link finding's URL, with the link text.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "store/sql_store.h"
#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using checks::Severity;
using testing::finding;
using testing::page;
using testing::ref;

constexpr const char* kBroken = "http://www.site.example/files/%E9%80%9A%E7%9F%A5.pdf";

class CarriersTest : public ::testing::TestWithParam<testdb::Engine> {
 protected:
  void SetUp() override {
    auto opened = open_store(db_.name());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    auto run = store_->begin_run("2026-11-01T02:00:00Z", {"s1", "s2"});
    ASSERT_TRUE(run);
    run_ = *run;
  }

  void save(const std::vector<PageRecord>& pages) {
    auto ok = store_->save_pages(run_, pages);
    ASSERT_TRUE(ok) << ok.error().message;
  }
  void raise(const std::vector<checks::Finding>& findings) {
    auto ok = store_->save_findings(run_, findings);
    ASSERT_TRUE(ok) << ok.error().message;
  }
  std::vector<FindingRow> rows() {
    EXPECT_TRUE(store_->finish_run(run_, "2026-11-01T03:00:00Z", {}));
    auto got = store_->findings(FindingQuery{});
    EXPECT_TRUE(got) << got.error().message;
    return got ? *got : std::vector<FindingRow>{};
  }
  static const FindingRow* row_of(const std::vector<FindingRow>& rows, const std::string& site,
                                  const std::string& code) {
    for (const FindingRow& row : rows) {
      if (row.finding.site == site && row.finding.code == code) return &row;
    }
    return nullptr;
  }

  testdb::TestDatabase db_{GetParam()};
  std::unique_ptr<Store> store_;
  std::int64_t run_ = 0;
};

TEST_P(CarriersTest, FooterLinkOnEveryPageNamesEveryPageWithItsText) {
  std::vector<PageRecord> pages;
  for (int i = 0; i < 12; ++i) {
    const std::string url = "http://www.site.example/p" + std::to_string(i) + ".html";
    pages.push_back(page("s1", url,
                         {ref("http://www.site.example/", "a", "首页"),
                          ref(kBroken, "a", i == 3 ? "通知（第三页）" : "关于印发通知")}));
  }
  save(pages);
  raise({finding("s1", "LINK-BROKEN", kBroken)});
  const auto got = rows();
  const FindingRow* row = row_of(got, "s1", "LINK-BROKEN");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->carriers.size(), 12u);
  EXPECT_EQ(row->carriers[0].page, "http://www.site.example/p0.html");
  EXPECT_EQ(row->carriers[0].text, "关于印发通知");
  EXPECT_EQ(row->carriers[3].text, "通知（第三页）");
  EXPECT_EQ(row->carriers[11].page, "http://www.site.example/p11.html");
}

TEST_P(CarriersTest, APageLinkingTwiceCountsOnceWithItsFirstText) {
  save({page("s1", "http://www.site.example/",
             {ref(kBroken, "a", "页眉链接"), ref(kBroken, "a", "页脚链接")})});
  raise({finding("s1", "LINK-BROKEN", kBroken)});
  const auto got = rows();
  const FindingRow* row = row_of(got, "s1", "LINK-BROKEN");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->carriers.size(), 1u);
  EXPECT_EQ(row->carriers[0].text, "页眉链接");
}

TEST_P(CarriersTest, OnlyTheSitesOwnPagesAndOnlyLinkCodes) {
  // s2 links the same URL; s1's finding names only s1's pages. A non-link finding on the same
  // subject gets no carriers.
  save({page("s1", "http://www.site.example/a.html", {ref(kBroken, "a", "甲")}),
        page("s2", "http://other.example/b.html", {ref(kBroken, "a", "乙")})});
  raise({finding("s1", "LINK-BROKEN", kBroken), finding("s1", "CONTENT-STALE", kBroken)});
  const auto got = rows();
  const FindingRow* link = row_of(got, "s1", "LINK-BROKEN");
  ASSERT_NE(link, nullptr);
  ASSERT_EQ(link->carriers.size(), 1u);
  EXPECT_EQ(link->carriers[0].page, "http://www.site.example/a.html");
  const FindingRow* other = row_of(got, "s1", "CONTENT-STALE");
  ASSERT_NE(other, nullptr);
  EXPECT_TRUE(other->carriers.empty());
}

TEST_P(CarriersTest, PagesNotFetchedInTheRowsRunAreNotCarriers) {
  save({page("s1", "http://www.site.example/old.html", {ref(kBroken, "a", "旧页")})});
  ASSERT_TRUE(store_->finish_run(run_, "2026-11-01T03:00:00Z", {}));
  auto next = store_->begin_run("2026-11-08T02:00:00Z", {"s1"});
  ASSERT_TRUE(next);
  run_ = *next;
  save({page("s1", "http://www.site.example/new.html", {ref(kBroken, "a", "新页")})});
  raise({finding("s1", "LINK-BROKEN", kBroken)});
  const auto got = rows();
  const FindingRow* row = row_of(got, "s1", "LINK-BROKEN");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->carriers.size(), 1u);
  EXPECT_EQ(row->carriers[0].page, "http://www.site.example/new.html");
}

// One batched query per load: SITEPATROL_CARRIER_SCALE=5000x200 measures the brief's size
// (5,000 broken links each on 200 pages); by default a small size keeps the suite quick.
TEST_P(CarriersTest, LoadScalesToThousandsOfLinkFindings) {
  int links = 200;
  int pages_count = 20;
  if (const char* scale = std::getenv("SITEPATROL_CARRIER_SCALE"); scale != nullptr) {
    std::sscanf(scale, "%dx%d", &links, &pages_count);
  }
  std::vector<std::string> targets;
  for (int l = 0; l < links; ++l)
    targets.push_back("http://www.site.example/broken/" + std::to_string(l) + ".pdf");
  std::vector<PageRecord> pages;
  for (int p = 0; p < pages_count; ++p) {
    std::vector<checks::LinkRef> refs;
    for (const std::string& t : targets) refs.push_back(ref(t, "a", "附件"));
    pages.push_back(page("s1", "http://www.site.example/p" + std::to_string(p) + ".html",
                         std::move(refs)));
  }
  save(pages);
  std::vector<checks::Finding> findings;
  for (const std::string& t : targets) findings.push_back(finding("s1", "LINK-BROKEN", t));
  raise(findings);
  ASSERT_TRUE(store_->finish_run(run_, "2026-11-01T03:00:00Z", {}));

  const auto start = std::chrono::steady_clock::now();
  auto got = store_->findings(FindingQuery{});
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  ASSERT_TRUE(got) << got.error().message;
  ASSERT_EQ(got->size(), static_cast<std::size_t>(links));
  for (const FindingRow& row : *got)
    ASSERT_EQ(row.carriers.size(), static_cast<std::size_t>(pages_count)) << row.finding.subject;
  std::printf("findings() with %d link findings x %d carriers: %lld ms\n", links, pages_count,
              static_cast<long long>(ms));
}

INSTANTIATE_TEST_SUITE_P(Engines, CarriersTest, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
