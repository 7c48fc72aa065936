// LinkVerdicts (issue 16): the first site to meet an external URL asks for it, the others
// wait for that answer or reuse it; an asker that gives up hands the URL on; a waiter whose
// patrol ends is never answered after.
#include "crawler/link_verdicts.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace sitepatrol::crawler {
namespace {

checks::LinkResult verdict(int status) {
  checks::LinkResult r;
  r.url = "http://www.gov.cn/";
  r.status = status;
  return r;
}

struct Answers {
  std::vector<std::optional<checks::LinkResult>> got;
  LinkVerdicts::Answer sink() {
    return [this](std::optional<checks::LinkResult> v) { got.push_back(std::move(v)); };
  }
};

// Owners: any distinct addresses.
const char kSiteA = 'a', kSiteB = 'b', kSiteC = 'c';
const LinkVerdicts::Answer ignore = [](std::optional<checks::LinkResult>) {};

TEST(LinkVerdicts, TheFirstAsksTheOthersWaitAndLaterOnesReuse) {
  LinkVerdicts verdicts;
  Answers a, b, c;
  auto claim = verdicts.join("http://www.gov.cn/", &kSiteA, a.sink());
  ASSERT_TRUE(claim);
  EXPECT_FALSE(verdicts.join("http://www.gov.cn/", &kSiteB, b.sink()));
  EXPECT_TRUE(b.got.empty());  // waiting

  claim->settle(verdict(404));
  ASSERT_EQ(b.got.size(), 1u);
  ASSERT_TRUE(b.got[0]);
  EXPECT_EQ(b.got[0]->status, 404);

  EXPECT_FALSE(verdicts.join("http://www.gov.cn/", &kSiteC, c.sink()));
  ASSERT_EQ(c.got.size(), 1u);  // known: answered at once
  EXPECT_EQ(c.got[0]->status, 404);
  EXPECT_TRUE(a.got.empty());  // the asker is never answered through its sink
}

TEST(LinkVerdicts, AnAskerThatGivesUpHandsTheUrlOn) {
  LinkVerdicts verdicts;
  Answers b;
  auto claim = verdicts.join("http://www.gov.cn/", &kSiteA, ignore);
  EXPECT_FALSE(verdicts.join("http://www.gov.cn/", &kSiteB, b.sink()));
  claim.reset();  // dropped unsettled (its patrol was cancelled)
  ASSERT_EQ(b.got.size(), 1u);
  EXPECT_FALSE(b.got[0]);  // "ask it yourself"
  auto again = verdicts.join("http://www.gov.cn/", &kSiteB, b.sink());
  EXPECT_TRUE(again);  // and it is now b's to ask
}

TEST(LinkVerdicts, AForgottenWaiterIsNotAnswered) {
  LinkVerdicts verdicts;
  Answers a, b;
  auto claim = verdicts.join("http://www.gov.cn/", &kSiteA, a.sink());
  EXPECT_FALSE(verdicts.join("http://www.gov.cn/", &kSiteB, b.sink()));
  verdicts.forget(&kSiteB);
  claim->settle(verdict(200));
  EXPECT_TRUE(b.got.empty());
}

TEST(LinkVerdicts, PastCapacityTheOldestAnswersAreForgotten) {
  LinkVerdicts verdicts(2);
  for (const char* url : {"http://x/1", "http://x/2", "http://x/3"})
    verdicts.join(url, &kSiteA, ignore)->settle(verdict(200));
  EXPECT_EQ(verdicts.size(), 2u);
  EXPECT_TRUE(verdicts.join("http://x/1", &kSiteA, ignore));  // asked again
  EXPECT_FALSE(verdicts.join("http://x/3", &kSiteA, ignore));
}

TEST(LinkVerdicts, ManyThreadsMeetingOneUrlAskOnce) {
  LinkVerdicts verdicts;
  std::atomic<int> asked{0}, answered{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        const std::string url = "http://x/" + std::to_string(i);
        auto claim = verdicts.join(url, &verdicts, [&](auto v) {
          if (v) ++answered;
        });
        if (claim) {
          ++asked;
          claim->settle(verdict(200));
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(asked.load(), 200);
  EXPECT_EQ(answered.load(), 7 * 200);
}

}  // namespace
}  // namespace sitepatrol::crawler
