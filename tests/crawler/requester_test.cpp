#include "crawler/requester.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "tests/crawler/fake_fetcher.h"

namespace sitepatrol::crawler {
namespace {

namespace asio = boost::asio;
using checks::FetchError;
using fakes::answer;
using fakes::failure;
using fakes::FakeFetcher;
using fakes::redirect_to;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

class RequesterTest : public ::testing::Test {
 protected:
  RequesterTest() { options.backoff = 10ms; }

  Requester& requester() {
    if (!requester_) {
      requester_ = std::make_unique<Requester>(
          io, fetcher, gate,
          [](const std::string& url) {
            FetchRequest q;
            q.url = url;
            q.headers = {"X-Base: 1"};
            return q;
          },
          options);
    }
    return *requester_;
  }

  Outcome get(const std::string& url, std::function<void(FetchRequest&)> shape = nullptr) {
    std::optional<Outcome> out;
    int calls = 0;
    requester().get(url, std::move(shape), [&](Outcome o) {
      ++calls;
      out = std::move(o);
    });
    io.run();
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(gate.active(), 0) << "a host slot was not released";
    return out.value_or(Outcome{});
  }

  Outcome check(const std::string& url) {
    std::optional<Outcome> out;
    int calls = 0;
    requester().check(url, [&](Outcome o) {
      ++calls;
      out = std::move(o);
    });
    io.run();
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(gate.active(), 0) << "a host slot was not released";
    return out.value_or(Outcome{});
  }

  asio::io_context io;
  FakeFetcher fetcher{io};
  HostGate gate{io, 8, 2, 0ms};
  RequesterOptions options;
  std::unique_ptr<Requester> requester_;
};

const std::string kA = "http://www.site.example/a.html";
const std::string kB = "http://www.site.example/b.html";
const std::string kC = "http://other.example/c.html";

TEST_F(RequesterTest, PlainAnswerPassesThrough) {
  fetcher.script(kA, {answer(200, {{"content-type", "text/html"}}, "<html>a</html>")});
  Outcome o = get(kA);
  EXPECT_EQ(o.error, FetchError::none);
  EXPECT_EQ(o.url, kA);
  EXPECT_EQ(o.final_url, kA);
  EXPECT_TRUE(o.redirects.empty());
  EXPECT_EQ(o.method, "GET");
  EXPECT_EQ(o.response.status, 200);
  EXPECT_EQ(o.response.body, "<html>a</html>");
  ASSERT_EQ(fetcher.seen.size(), 1u);
  EXPECT_FALSE(fetcher.seen[0].request.head);
  EXPECT_EQ(fetcher.seen[0].request.headers, std::vector<std::string>{"X-Base: 1"});
}

TEST_F(RequesterTest, RedirectChainIsRecordedHopByHop) {
  fetcher.script(kA, {redirect_to(kB, 301)});
  fetcher.script(kB, {redirect_to(kC, 302)});
  fetcher.script(kC, {answer(200)});
  Outcome o = get(kA);
  EXPECT_EQ(o.error, FetchError::none);
  EXPECT_EQ(o.url, kA);
  EXPECT_EQ(o.final_url, kC);
  EXPECT_EQ(o.redirects, (std::vector<std::string>{kB, kC}));
  EXPECT_EQ(o.response.status, 200);
  EXPECT_EQ(fetcher.urls(), (std::vector<std::string>{kA, kB, kC}));
  EXPECT_DOUBLE_EQ(o.elapsed_ms, 3.0);  // every hop's time counts
}

TEST_F(RequesterTest, EveryRedirectStatusIsFollowed) {
  for (int code : {301, 302, 303, 307, 308}) {
    const std::string from = "http://www.site.example/r" + std::to_string(code);
    fetcher.script(from, {redirect_to(kB, code)});
    fetcher.script(kB, {answer(200)});
    Outcome o = get(from);
    io.restart();
    EXPECT_EQ(o.final_url, kB) << code;
    EXPECT_EQ(o.response.status, 200) << code;
  }
}

TEST_F(RequesterTest, RelativeLocationIsResolvedAgainstTheHop) {
  fetcher.script("http://www.site.example/x/y/old.html", {redirect_to("../new.html?p=1", 302)});
  fetcher.script("http://www.site.example/x/new.html?p=1", {redirect_to("/top.html", 301)});
  fetcher.script("http://www.site.example/top.html", {answer(200)});
  Outcome o = get("http://www.site.example/x/y/old.html");
  EXPECT_EQ(o.error, FetchError::none);
  EXPECT_EQ(o.redirects, (std::vector<std::string>{"http://www.site.example/x/new.html?p=1",
                                                   "http://www.site.example/top.html"}));
  EXPECT_EQ(o.response.status, 200);
}

// Issue 11 (LinkChecker's redirect to ftp:): a Location no HTTP reader can follow ends the
// chain as a failure that names the target's scheme, with no request for it.
TEST_F(RequesterTest, RedirectToANonHttpTargetIsAFailure) {
  for (const char* target : {"ftp://ftp.site.example/pub/a.zip", "file:///etc/passwd",
                             "mailto:ban@site.example", "javascript:void(0)", "data:text/html,x"}) {
    fetcher.script(kA, {redirect_to(target, 302)});
    Outcome o = check(kA);
    io.restart();
    const std::string scheme = std::string(target).substr(0, std::string(target).find(':'));
    EXPECT_EQ(o.error, FetchError::other) << target;
    EXPECT_NE(o.error_text.find("non-HTTP(S) target (" + scheme + ":)"), std::string::npos)
        << o.error_text;
    EXPECT_NE(o.error_text.find(target), std::string::npos) << o.error_text;
    EXPECT_EQ(o.response.status, 302);
    EXPECT_TRUE(o.redirects.empty());
  }
  EXPECT_EQ(fetcher.seen.size(), 5u);  // only the five first hops were asked
}

TEST_F(RequesterTest, RedirectToAMalformedUrlIsAFailure) {
  fetcher.script(kA, {redirect_to("http://localhost]", 301)});
  Outcome o = get(kA);
  EXPECT_EQ(o.error, FetchError::other);
  EXPECT_EQ(o.error_text, "redirect to a malformed URL: http://localhost]");
}

TEST_F(RequesterTest, RedirectLoopIsDetected) {
  fetcher.script(kA, {redirect_to(kB, 302)});
  fetcher.script(kB, {redirect_to(kA, 302)});
  Outcome o = get(kA);
  EXPECT_EQ(o.error, FetchError::redirect_loop);
  EXPECT_NE(o.error_text.find(kA), std::string::npos) << o.error_text;
  EXPECT_EQ(fetcher.urls(), (std::vector<std::string>{kA, kB}));  // not a third time
  // The hop that closes the loop is recorded: the chain ends where it went back to.
  EXPECT_EQ(o.redirects, (std::vector<std::string>{kB, kA}));
}

TEST_F(RequesterTest, RedirectToItselfIsALoop) {
  fetcher.script(kA, {redirect_to(kA, 301)});
  Outcome o = get(kA);
  EXPECT_EQ(o.error, FetchError::redirect_loop);
  EXPECT_EQ(fetcher.seen.size(), 1u);
}

std::string hop(int i) { return "http://www.site.example/hop" + std::to_string(i) + ".html"; }

TEST_F(RequesterTest, TenRedirectsAreFollowed) {
  for (int i = 0; i < 10; ++i) fetcher.script(hop(i), {redirect_to(hop(i + 1))});
  fetcher.script(hop(10), {answer(200)});
  Outcome o = get(hop(0));
  EXPECT_EQ(o.error, FetchError::none) << o.error_text;
  EXPECT_EQ(o.redirects.size(), 10u);
  EXPECT_EQ(o.final_url, hop(10));
}

TEST_F(RequesterTest, MoreThanTenRedirectsAreTooMany) {
  for (int i = 0; i < 20; ++i) fetcher.script(hop(i), {redirect_to(hop(i + 1))});
  Outcome o = get(hop(0));
  EXPECT_EQ(o.error, FetchError::too_many_redirects);
  EXPECT_EQ(fetcher.seen.size(), 11u);  // the first request and ten hops
  EXPECT_EQ(o.redirects.size(), 10u);
  EXPECT_EQ(o.response.status, 301);
}

TEST_F(RequesterTest, RetryAfterIsHonouredThenSuccess) {
  options.backoff = 50ms;  // far from the server's 1 s, so the test tells them apart
  fetcher.script(kA, {answer(503, {{"retry-after", "1"}}), answer(200)});
  Outcome o = get(kA);
  EXPECT_EQ(o.error, FetchError::none);
  EXPECT_EQ(o.response.status, 200);
  ASSERT_EQ(fetcher.seen.size(), 2u);
  const auto waited = fetcher.seen[1].at - fetcher.seen[0].at;
  EXPECT_GE(waited, 990ms);
  EXPECT_LT(waited, 1500ms);
}

TEST_F(RequesterTest, RetryAfterIsCapped) {
  options.max_retry_after = 100ms;
  fetcher.script(kA, {answer(429, {{"retry-after", "3600"}}), answer(200)});
  const auto began = Clock::now();
  Outcome o = get(kA);
  EXPECT_EQ(o.response.status, 200);
  EXPECT_LT(Clock::now() - began, 1s);
}

TEST_F(RequesterTest, BackoffDoublesBetweenRetries) {
  options.backoff = 100ms;
  fetcher.script(kA, {answer(503), answer(503), answer(200)});
  Outcome o = get(kA);
  EXPECT_EQ(o.response.status, 200);
  ASSERT_EQ(fetcher.seen.size(), 3u);
  EXPECT_GE(fetcher.seen[1].at - fetcher.seen[0].at, 100ms);
  EXPECT_GE(fetcher.seen[2].at - fetcher.seen[1].at, 200ms);
}

TEST_F(RequesterTest, ResetIsRetriedThenReported) {
  options.max_retries = 2;
  fetcher.script(kA, {failure(FetchError::reset, "Recv failure: Connection reset by peer")});
  Outcome o = get(kA);
  EXPECT_EQ(o.error, FetchError::reset);
  EXPECT_EQ(o.error_text, "Recv failure: Connection reset by peer");
  EXPECT_EQ(fetcher.seen.size(), 3u);  // the first attempt and two retries
}

TEST_F(RequesterTest, Persistent503IsReportedAsItLastAnswered) {
  options.max_retries = 2;
  fetcher.script(kA, {answer(503)});
  Outcome o = get(kA);
  EXPECT_EQ(o.error, FetchError::none);
  EXPECT_EQ(o.response.status, 503);
  EXPECT_EQ(fetcher.seen.size(), 3u);
}

TEST_F(RequesterTest, TimeoutsAndNotFoundAreNotRetried) {
  fetcher.script(kA, {failure(FetchError::timeout)});
  EXPECT_EQ(get(kA).error, FetchError::timeout);
  io.restart();
  EXPECT_EQ(get(kB).response.status, 404);
  EXPECT_EQ(fetcher.seen.size(), 2u);
}

class HeadRefusedTest : public RequesterTest, public ::testing::WithParamInterface<int> {};

TEST_P(HeadRefusedTest, FallsBackToAHeadersOnlyGet) {
  fetcher.script(kA, {answer(GetParam()), answer(200)});
  Outcome o = check(kA);
  EXPECT_EQ(o.error, FetchError::none);
  EXPECT_EQ(o.response.status, 200);
  EXPECT_EQ(o.method, "GET");
  ASSERT_EQ(fetcher.seen.size(), 2u);
  EXPECT_TRUE(fetcher.seen[0].request.head);
  EXPECT_FALSE(fetcher.seen[1].request.head);
  EXPECT_FALSE(fetcher.seen[1].request.want_body);
}

INSTANTIATE_TEST_SUITE_P(Statuses, HeadRefusedTest, ::testing::Values(405, 403, 501));

TEST_F(RequesterTest, HeadThatAnswersIsNotRepeated) {
  fetcher.script(kA, {answer(404)});
  Outcome o = check(kA);
  EXPECT_EQ(o.response.status, 404);
  EXPECT_EQ(o.method, "HEAD");
  ASSERT_EQ(fetcher.seen.size(), 1u);
  EXPECT_TRUE(fetcher.seen[0].request.head);
}

TEST_F(RequesterTest, CheckFollowsRedirectsWithHead) {
  fetcher.script(kA, {redirect_to(kC)});
  fetcher.script(kC, {answer(200)});
  Outcome o = check(kA);
  EXPECT_EQ(o.final_url, kC);
  EXPECT_EQ(o.method, "HEAD");
  ASSERT_EQ(fetcher.seen.size(), 2u);
  EXPECT_TRUE(fetcher.seen[1].request.head);
}

TEST_F(RequesterTest, ShapeAppliesToTheFirstHopAndBodyWishesToLaterHops) {
  fetcher.script(kA, {redirect_to(kB)});
  fetcher.script(kB, {answer(200)});
  Outcome o = get(kA, [](FetchRequest& q) {
    q.html_only = true;
    q.want_certinfo = true;
    q.if_none_match = "\"v1\"";
  });
  EXPECT_EQ(o.response.status, 200);
  ASSERT_EQ(fetcher.seen.size(), 2u);
  EXPECT_TRUE(fetcher.seen[0].request.html_only);
  EXPECT_EQ(fetcher.seen[0].request.if_none_match, "\"v1\"");
  EXPECT_TRUE(fetcher.seen[1].request.html_only);
  EXPECT_TRUE(fetcher.seen[1].request.want_certinfo);
  EXPECT_TRUE(fetcher.seen[1].request.if_none_match.empty());  // validators were for kA
}

TEST_F(RequesterTest, ManyRequestsShareTheGateAndAllComplete) {
  fetcher.set_latency(5ms);
  int done = 0;
  for (int i = 0; i < 40; ++i) {
    const std::string url = "http://h" + std::to_string(i % 4) + ".example/p" + std::to_string(i);
    fetcher.script(url, {answer(200)});
    requester().get(url, nullptr, [&](Outcome o) {
      EXPECT_EQ(o.response.status, 200);
      ++done;
    });
  }
  io.run();
  EXPECT_EQ(done, 40);
  EXPECT_EQ(gate.active(), 0);
  EXPECT_EQ(gate.queued(), 0u);
}

// ---- parse_retry_after ----

std::chrono::system_clock::time_point at(int year, int month, int day, int h, int m, int s) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = h;
  tm.tm_min = m;
  tm.tm_sec = s;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

TEST(ParseRetryAfter, Seconds) {
  const auto now = std::chrono::system_clock::now();
  EXPECT_EQ(parse_retry_after("120", now), 120000ms);
  EXPECT_EQ(parse_retry_after("0", now), 0ms);
  EXPECT_EQ(parse_retry_after(" 5", now), 5000ms);
}

TEST(ParseRetryAfter, HttpDate) {
  const auto now = at(2026, 11, 25, 2, 0, 0);
  EXPECT_EQ(parse_retry_after("Wed, 25 Nov 2026 02:01:30 GMT", now), 90000ms);
  EXPECT_EQ(parse_retry_after("Wed, 25 Nov 2026 01:00:00 GMT", now), 0ms);  // already past
}

TEST(ParseRetryAfter, UnreadableIsNullopt) {
  const auto now = std::chrono::system_clock::now();
  EXPECT_EQ(parse_retry_after("", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("soon", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("-5", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("1.5", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("25 Nov 2026", now), std::nullopt);
}

TEST(ParseRetryAfter, HugeDeltaDoesNotOverflow) {
  const auto now = std::chrono::system_clock::now();
  auto r = parse_retry_after("9223372036854775807", now);
  // Either unreadable or a very long wait; never a negative or tiny one.
  if (r) {
    EXPECT_GT(*r, std::chrono::hours(24));
  }
}

}  // namespace
}  // namespace sitepatrol::crawler
