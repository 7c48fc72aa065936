// External links' answers shared by a run's workers (issue 16), on both engines: kept per
// run, read back whole, the first answer kept when two workers write the same URL.
#include <gtest/gtest.h>

#include "store/sql_store.h"
#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

class LinkVerdictsTest : public testdb::EngineTest {
 protected:
  std::unique_ptr<Store> open() {
    auto opened = open_store(db_.name());
    EXPECT_TRUE(opened) << opened.error().message;
    return opened ? std::move(*opened) : nullptr;
  }
};

checks::LinkResult answer(const std::string& url, int status) {
  checks::LinkResult r;
  r.url = url;
  r.found_on = "http://a.example/";
  r.kind = "a";
  r.method = "HEAD";
  r.status = status;
  r.error = status == 0 ? checks::FetchError::timeout : checks::FetchError::none;
  r.error_text = status == 0 ? "timed out after 10 s" : "";
  r.redirects = {"https://www.gov.cn/", "https://www.gov.cn/index.htm"};
  r.elapsed_ms = 123.5;
  return r;
}

TEST_P(LinkVerdictsTest, AnAnswerIsReadBackWholeInItsRunOnly) {
  auto store = open();
  const auto run = store->begin_run("2026-12-01T02:00:00Z", {"a"}).value();
  EXPECT_FALSE(store->link_verdict(run, "http://www.gov.cn/").value());

  const std::vector<checks::LinkResult> saved{answer("http://www.gov.cn/", 0)};
  ASSERT_TRUE(store->save_link_verdicts(run, saved));
  auto got = store->link_verdict(run, "http://www.gov.cn/");
  ASSERT_TRUE(got) << got.error().message;
  ASSERT_TRUE(*got);
  EXPECT_EQ((*got)->url, "http://www.gov.cn/");
  EXPECT_EQ((*got)->method, "HEAD");
  EXPECT_EQ((*got)->status, 0);
  EXPECT_EQ((*got)->error, checks::FetchError::timeout);
  EXPECT_EQ((*got)->error_text, "timed out after 10 s");
  EXPECT_EQ((*got)->redirects, saved[0].redirects);
  EXPECT_DOUBLE_EQ((*got)->elapsed_ms, 123.5);
  EXPECT_EQ((*got)->found_on, "");  // the site's own, not the first asker's

  // The next run asks again.
  ASSERT_TRUE(store->finish_run(run, "2026-12-01T03:00:00Z", {.sites = 1}));
  const auto next = store->begin_run("2026-12-02T02:00:00Z", {"a"}).value();
  EXPECT_FALSE(store->link_verdict(next, "http://www.gov.cn/").value());
}

TEST_P(LinkVerdictsTest, TwoWorkersWritingOneUrlKeepTheFirstAnswer) {
  auto first = open();
  auto second = open();
  const auto run = first->begin_run("2026-12-01T02:00:00Z", {"a", "b"}).value();
  ASSERT_TRUE(first->save_link_verdicts(run, std::vector{answer("http://www.gov.cn/", 200)}));
  auto late = second->save_link_verdicts(
      run, std::vector{answer("http://www.gov.cn/", 503), answer("http://www.mot.gov.cn/", 404)});
  ASSERT_TRUE(late) << late.error().message;
  EXPECT_EQ(second->link_verdict(run, "http://www.gov.cn/").value()->status, 200);
  EXPECT_EQ(first->link_verdict(run, "http://www.mot.gov.cn/").value()->status, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, LinkVerdictsTest, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
