// The finding lifecycle across an outage and a walk cut short, on a real SQLite file: a
// finding is resolved only when a run re-examined its subject; otherwise it stays open,
// unverified, with its last verified sighting (issue 11).
#include "store/sql_store.h"

#include <gtest/gtest.h>

#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using checks::Severity;

constexpr const char* kT1 = "2026-11-01T02:00:00Z";
constexpr const char* kT2 = "2026-11-02T02:00:00Z";
constexpr const char* kT3 = "2026-11-03T02:00:00Z";
constexpr const char* kT4 = "2026-11-04T02:00:00Z";

const std::string kHome = "http://a.example/";
const std::string kSub = "http://a.example/sub.html";
const std::string kDead = "http://x.example/dead.html";

checks::Finding at(std::string code, std::string subject, std::string page,
                   Severity severity = Severity::error) {
  return checks::Finding{"a",     std::move(code), severity, std::move(subject), std::move(page),
                         "detail"};
}

class CoverageTest : public ::testing::TestWithParam<testdb::Engine> {
 protected:
  void SetUp() override {
    auto opened = open_store(db_.name());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }

  // One run of site "a": the pages it fetched, the links it checked, its findings.
  std::int64_t patrol(const char* started, SiteCoverage coverage, std::vector<PageRecord> pages,
                      std::vector<LinkRecord> links, std::vector<checks::Finding> findings) {
    auto run = store_->begin_run(started, {"a"});
    EXPECT_TRUE(run);
    EXPECT_TRUE(store_->save_pages(*run, pages));
    EXPECT_TRUE(store_->save_links(*run, links));
    EXPECT_TRUE(store_->save_findings(*run, findings));
    auto saved = store_->save_coverage(*run, "a", coverage);
    EXPECT_TRUE(saved) << saved.error().message;
    auto ok = store_->finish_run(*run, std::string(started, 11) + "03:00:00Z", {1, 1, 1});
    EXPECT_TRUE(ok) << ok.error().message;
    return *run;
  }

  std::optional<FindingRow> row(std::int64_t run, const std::string& code,
                                StatusFilter status = StatusFilter::all) {
    auto rows = store_->findings({run, {}, status});
    EXPECT_TRUE(rows);
    for (const FindingRow& r : *rows) {
      if (r.finding.code == code) return r;
    }
    return std::nullopt;
  }

  static PageRecord failed(const std::string& url, int status) {
    PageRecord p = testing::page("a", url);
    p.page.status = status;
    p.content_hash.clear();
    return p;
  }

  testdb::TestDatabase db_{GetParam()};
  std::unique_ptr<Store> store_;
};

TEST_P(CoverageTest, OutageThenCutShortWalkThenRecovery) {
  // Run 1: everything read; a dead external link on the homepage, spam on a sub-page.
  const auto r1 =
      patrol(kT1, {},
             {testing::page("a", kHome, {testing::ref(kDead, "a", "x")}), testing::page("a", kSub)},
             {testing::link("a", kDead, 404)},
             {at("LINK-BROKEN", kDead, kHome), at("SEC-SPAM", kSub, kSub, Severity::critical)});
  EXPECT_EQ(row(r1, "LINK-BROKEN")->status, "new");

  // Run 2: the site answers 503. Nothing is resolved; both stay open, unverified, last seen
  // in run 1.
  const auto r2 = patrol(kT2, {"down", "HTTP 503"}, {failed(kHome, 503)}, {},
                         {at("AVAIL-DOWN", kHome, kHome, Severity::critical)});
  for (const char* code : {"LINK-BROKEN", "SEC-SPAM"}) {
    auto r = row(r2, code);
    ASSERT_TRUE(r) << code;
    EXPECT_EQ(r->status, "open") << code;
    EXPECT_FALSE(r->verified) << code;
    EXPECT_EQ(r->unverified, "site_down") << code;
    EXPECT_EQ(r->unverified_detail, "HTTP 503") << code;
    EXPECT_EQ(r->last_seen, kT1) << code;
    EXPECT_EQ(r->first_seen, kT1) << code;
  }
  EXPECT_FALSE(row(r2, "LINK-BROKEN", StatusFilter::resolved));
  EXPECT_EQ(testing::query_text(db_.name(),
                                "SELECT last_seen FROM findings WHERE code = 'SEC-SPAM'"),
            kT1);

  // Run 3: back, but cut short by the page limit before the sub-page. The homepage was read
  // and no longer links the dead page: fixed. The sub-page was not read: its spam stays open.
  const auto r3 = patrol(kT3, {"partial", "page_limit"}, {testing::page("a", kHome)}, {}, {});
  auto link = row(r3, "LINK-BROKEN");
  ASSERT_TRUE(link);
  EXPECT_EQ(link->status, "resolved");
  EXPECT_EQ(link->last_seen, kT1) << "resolved findings show their last verified sighting";
  EXPECT_EQ(row(r3, "AVAIL-DOWN")->status, "resolved");
  auto spam = row(r3, "SEC-SPAM");
  ASSERT_TRUE(spam);
  EXPECT_EQ(spam->status, "open");
  EXPECT_FALSE(spam->verified);
  EXPECT_EQ(spam->unverified, "not_reached");
  EXPECT_EQ(spam->unverified_detail, "page_limit");
  EXPECT_EQ(spam->finding.severity, Severity::critical);

  // Run 4: complete; the spam is still there. It was open all along: not new.
  const auto r4 = patrol(kT4, {}, {testing::page("a", kHome), testing::page("a", kSub)}, {},
                         {at("SEC-SPAM", kSub, kSub, Severity::critical)});
  spam = row(r4, "SEC-SPAM");
  ASSERT_TRUE(spam);
  EXPECT_EQ(spam->status, "open");
  EXPECT_TRUE(spam->verified);
  EXPECT_EQ(spam->first_seen, kT1);
  EXPECT_EQ(spam->last_seen, kT4);
}

TEST_P(CoverageTest, FailedPageKeepsItsFindingsAndAGonePageTakesThemAway) {
  patrol(kT1, {}, {testing::page("a", kHome), testing::page("a", kSub)}, {},
         {at("SEC-SPAM", kSub, kSub, Severity::critical)});
  const auto r2 = patrol(kT2, {}, {testing::page("a", kHome), failed(kSub, 500)}, {}, {});
  auto spam = row(r2, "SEC-SPAM");
  ASSERT_TRUE(spam);
  EXPECT_EQ(spam->status, "open");
  EXPECT_EQ(spam->unverified, "page_failed");
  EXPECT_EQ(spam->unverified_detail, "HTTP 500");

  const auto r3 = patrol(kT3, {}, {testing::page("a", kHome), failed(kSub, 404)}, {}, {});
  EXPECT_EQ(row(r3, "SEC-SPAM")->status, "resolved") << "the page itself was removed";
}

TEST_P(CoverageTest, CoverageIsOnlyForSitesTheRunCovers) {
  auto run = store_->begin_run(kT1, {"a"});
  ASSERT_TRUE(run);
  EXPECT_FALSE(store_->save_coverage(*run, "b", {"down", "HTTP 503"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, CoverageTest, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
