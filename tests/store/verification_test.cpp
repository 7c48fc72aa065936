#include "store/verification.h"

#include <gtest/gtest.h>

namespace sitepatrol::store {
namespace {

SubjectEvidence read_page(int status = 200) {
  SubjectEvidence e;
  e.page_fetched = true;
  e.page_status = status;
  return e;
}

TEST(Verification, SiteDownExaminesNothing) {
  SubjectEvidence e = read_page();
  e.coverage = {"down", "HTTP 503"};
  auto why = unverified(e);
  ASSERT_TRUE(why);
  EXPECT_EQ(why->reason, "site_down");
  EXPECT_EQ(why->detail, "HTTP 503");
}

TEST(Verification, PageReadOrNotModifiedExaminesWhatItCarries) {
  EXPECT_FALSE(unverified(read_page(200)));
  EXPECT_FALSE(unverified(read_page(304)));
}

TEST(Verification, FailedPageLeavesItsFindingsUnverified) {
  auto why = unverified(read_page(503));
  ASSERT_TRUE(why);
  EXPECT_EQ(why->reason, "page_failed");
  EXPECT_EQ(why->detail, "HTTP 503");

  SubjectEvidence e = read_page(0);
  e.page_error = "timeout";
  e.page_error_text = "no answer in 15 s";
  why = unverified(e);
  ASSERT_TRUE(why);
  EXPECT_EQ(why->reason, "page_failed");
  EXPECT_EQ(why->detail, "timeout: no answer in 15 s");
}

TEST(Verification, PageThatIsGoneTakesItsFindingsWithIt) {
  EXPECT_FALSE(unverified(read_page(404)));
  EXPECT_FALSE(unverified(read_page(410)));
}

TEST(Verification, LinkCheckedAgainIsExaminedWhereverItWasFound) {
  SubjectEvidence e = read_page(503);  // the page carrying it failed, but the link was checked
  e.subject_is_link = true;
  e.subject_checked = true;
  EXPECT_FALSE(unverified(e));
}

TEST(Verification, LinkStillOnTheReadPageButNotCheckedIsNotExamined) {
  SubjectEvidence e = read_page();
  e.subject_is_link = true;
  e.subject_on_page = true;
  auto why = unverified(e);
  ASSERT_TRUE(why);
  EXPECT_EQ(why->reason, "link_not_checked");

  e.subject_on_page = false;  // removed from the page: fixed
  EXPECT_FALSE(unverified(e));
}

TEST(Verification, PageNotReachedCountsOnlyWhenTheWalkWasComplete) {
  SubjectEvidence e;  // the page was not requested at all
  EXPECT_FALSE(unverified(e)) << "a complete walk no longer reaches the page: it is gone";
  e.coverage = {"partial", "page_limit"};
  auto why = unverified(e);
  ASSERT_TRUE(why);
  EXPECT_EQ(why->reason, "not_reached");
  EXPECT_EQ(why->detail, "page_limit");
  e.coverage = {"partial", "time_limit"};
  ASSERT_TRUE(unverified(e));
  EXPECT_EQ(unverified(e)->detail, "time_limit");
}

}  // namespace
}  // namespace sitepatrol::store
