// Human review (人工复核, issue 17) in the store: a review sets a finding aside while the
// finding reads as reviewed and the acceptance has not ended; the log keeps every action.
#include "store/sql_store.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using checks::Severity;
using testing::finding;

constexpr const char* kLink = "http://www.site.example/files/a.pdf";

class ReviewsTest : public ::testing::TestWithParam<testdb::Engine> {
 protected:
  void SetUp() override {
    auto opened = open_store(db_.name());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }

  std::int64_t patrol(const std::string& started, const std::vector<checks::Finding>& found) {
    auto run = store_->begin_run(started, {"s1"});
    EXPECT_TRUE(run) << run.error().message;
    EXPECT_TRUE(store_->save_findings(*run, found));
    EXPECT_TRUE(store_->finish_run(*run, started, {1, 10, 100}));
    return *run;
  }

  Result<ReviewRecord> review(const std::string& verdict, const std::string& reason,
                              const std::string& expires = "", const std::string& subject = kLink) {
    ReviewRecord r;
    r.site = "s1";
    r.code = "LINK-BROKEN";
    r.subject = subject;
    r.verdict = verdict;
    r.reason = reason;
    r.expires = expires;
    r.reviewer = "zhang.wei";
    r.reviewed_at = "2026-11-20T08:30:00Z";
    return store_->add_review(r);
  }

  FindingRow the_row() {
    auto rows = store_->findings({std::nullopt, {}, StatusFilter::current});
    EXPECT_TRUE(rows) << rows.error().message;
    EXPECT_EQ(rows->size(), 1u);
    return rows->empty() ? FindingRow{} : rows->front();
  }

  // count of (status) over the run's finding_counts
  int counted(std::int64_t run, const std::string& status) {
    auto counts = store_->finding_counts(run);
    EXPECT_TRUE(counts) << counts.error().message;
    int n = 0;
    for (const FindingCount& c : *counts) n += c.status == status ? c.count : 0;
    return n;
  }

  testdb::TestDatabase db_{GetParam()};
  std::unique_ptr<Store> store_;
};

TEST_P(ReviewsTest, AFalseAlarmIsSetAsideAndStaysListedWithWhoAndWhy) {
  const auto run = patrol("2026-11-19T18:00:00Z", {finding("s1", "LINK-BROKEN", kLink)});
  EXPECT_EQ(counted(run, "new"), 1);
  auto added = review("false_alarm", "the file opens in a browser; the server refuses HEAD");
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_GT(added->id, 0);
  EXPECT_EQ(added->detail, "detail");  // the finding as the reviewer saw it
  EXPECT_EQ(added->severity, Severity::error);

  const FindingRow row = the_row();
  ASSERT_TRUE(row.review.has_value());
  EXPECT_TRUE(row.set_aside());
  EXPECT_EQ(row.review->record.verdict, "false_alarm");
  EXPECT_EQ(row.review->record.reviewer, "zhang.wei");
  EXPECT_EQ(row.review->record.reason, "the file opens in a browser; the server refuses HEAD");
  EXPECT_EQ(counted(run, "new"), 0);
  EXPECT_EQ(counted(run, "reviewed"), 1);

  // Unchanged in the next run: still set aside.
  const auto next = patrol("2026-11-20T18:00:00Z", {finding("s1", "LINK-BROKEN", kLink)});
  EXPECT_TRUE(the_row().set_aside());
  EXPECT_EQ(counted(next, "open"), 0);
  EXPECT_EQ(counted(next, "reviewed"), 1);
}

TEST_P(ReviewsTest, AFindingThatReadsDifferentlyCountsAgain) {
  patrol("2026-11-19T18:00:00Z",
         {finding("s1", "LINK-BROKEN", kLink, Severity::error, "HTTP 404")});
  ASSERT_TRUE(review("false_alarm", "moved, the redirect is coming"));
  const auto run = patrol("2026-11-20T18:00:00Z",
                          {finding("s1", "LINK-BROKEN", kLink, Severity::error, "timeout")});
  const FindingRow row = the_row();
  ASSERT_TRUE(row.review.has_value());
  EXPECT_FALSE(row.set_aside());
  EXPECT_EQ(row.review->lapsed, "changed");
  EXPECT_EQ(counted(run, "open"), 1);
  EXPECT_EQ(counted(run, "reviewed"), 0);
}

// A stale column is a day older every night: its age is a measure, not a change. A newer
// date is a change (the column was updated, and its state is another).
TEST_P(ReviewsTest, AStaleColumnOneDayOlderIsNoChangeButANewDateIs) {
  constexpr const char* kColumn = "http://www.site.example/zcjd/";
  auto stale = [&](int age, const std::string& newest) {
    checks::Finding f = finding(
        "s1", "FRESH-COLUMN", kColumn, Severity::error,
        "column 政策解读: newest " + newest + ", " + std::to_string(age) + " days old (limit 180)");
    f.detail_code = "fresh.column_stale";
    f.detail_args = {{"name", "政策解读"},
                     {"column", "policy"},
                     {"newest", newest},
                     {"age_days", std::to_string(age)},
                     {"limit_days", "180"}};
    return f;
  };
  patrol("2026-11-19T18:00:00Z", {stale(200, "2026-05-03")});
  ReviewRecord r;
  r.site = "s1";
  r.code = "FRESH-COLUMN";
  r.subject = kColumn;
  r.verdict = "accepted";
  r.reason = "the column is retired on 1 January";
  r.expires = "2026-12-31";
  r.reviewer = "zhang.wei";
  r.reviewed_at = "2026-11-20T08:30:00Z";
  ASSERT_TRUE(store_->add_review(r));
  auto run = patrol("2026-11-20T18:00:00Z", {stale(201, "2026-05-03")});
  EXPECT_TRUE(the_row().set_aside());
  EXPECT_EQ(counted(run, "reviewed"), 1);
  run = patrol("2026-11-21T18:00:00Z", {stale(190, "2026-05-14")});
  const FindingRow row = the_row();
  EXPECT_FALSE(row.set_aside());
  ASSERT_TRUE(row.review.has_value());
  EXPECT_EQ(row.review->lapsed, "changed");
  EXPECT_EQ(counted(run, "open"), 1);
}

TEST(ReviewEvidence, MeasuresAreLeftOutAndValuesCannotRunTogether) {
  checks::Finding a;
  a.detail_code = "fresh.home_stale";
  a.detail_args = {{"newest", "2025-08-12"}, {"age_days", "479"}, {"limit_days", "365"}};
  checks::Finding b = a;
  b.detail_args[1].value = "480";
  EXPECT_EQ(review_evidence(a), review_evidence(b));
  b.detail_args[0].value = "2025-08-13";
  EXPECT_NE(review_evidence(a), review_evidence(b));
  checks::Finding c;
  c.detail_code = "x";
  c.detail_args = {{"k", "a;k=1:b"}};
  checks::Finding d;
  d.detail_code = "x";
  d.detail_args = {{"k", "a"}, {"k", "b"}};
  EXPECT_NE(review_evidence(c), review_evidence(d));
  checks::Finding old;  // stored before detail codes: its English text is the evidence
  old.detail = "HTTP 404";
  EXPECT_EQ(review_evidence(old), "detail:HTTP 404");
}

TEST_P(ReviewsTest, AnAcceptanceHoldsThroughItsLastBeijingDay) {
  patrol("2026-11-28T02:00:00Z", {finding("s1", "LINK-BROKEN", kLink)});
  ASSERT_TRUE(review("accepted", "the archive moves in December", "2026-11-30"));
  // 15:59 UTC on the 30th is still the 30th in Beijing.
  auto run = patrol("2026-11-30T15:59:00Z", {finding("s1", "LINK-BROKEN", kLink)});
  EXPECT_TRUE(the_row().set_aside());
  EXPECT_EQ(counted(run, "reviewed"), 1);
  // 16:00 UTC is 1 December there: the acceptance has ended.
  run = patrol("2026-11-30T16:00:00Z", {finding("s1", "LINK-BROKEN", kLink)});
  const FindingRow row = the_row();
  EXPECT_FALSE(row.set_aside());
  ASSERT_TRUE(row.review.has_value());
  EXPECT_EQ(row.review->lapsed, "expired");
  EXPECT_EQ(counted(run, "open"), 1);
}

TEST_P(ReviewsTest, WithdrawingEndsTheReviewAndTheLogKeepsEveryAction) {
  patrol("2026-11-19T18:00:00Z", {finding("s1", "LINK-BROKEN", kLink)});
  ASSERT_TRUE(review("accepted", "known, tracked in ticket 42"));
  ASSERT_TRUE(review("withdrawn", ""));
  EXPECT_FALSE(the_row().review.has_value());
  auto log = store_->review_log("s1");
  ASSERT_TRUE(log) << log.error().message;
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[0].verdict, "withdrawn");  // newest first
  EXPECT_EQ((*log)[1].verdict, "accepted");
  EXPECT_EQ((*log)[1].reason, "known, tracked in ticket 42");
  EXPECT_EQ((*log)[1].subject, kLink);
  auto other = store_->review_log("s2");
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->empty());
}

TEST_P(ReviewsTest, AReviewOfNothingOrWithoutAReasonIsRefused) {
  patrol("2026-11-19T18:00:00Z", {finding("s1", "LINK-BROKEN", kLink)});
  auto unknown = review("false_alarm", "why", "", "http://www.site.example/other.pdf");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("no finding LINK-BROKEN of site s1"), std::string::npos)
      << unknown.error().message;
  EXPECT_FALSE(review("false_alarm", ""));
  EXPECT_FALSE(review("accepted", "why", "30/11/2026"));
  EXPECT_FALSE(review("false_alarm", "why", "2026-11-30"));  // only an acceptance expires
  EXPECT_FALSE(review("ignored", "why"));
  auto log = store_->review_log("");
  ASSERT_TRUE(log);
  EXPECT_TRUE(log->empty());
  EXPECT_FALSE(the_row().review.has_value());
}

INSTANTIATE_TEST_SUITE_P(Engines, ReviewsTest, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
