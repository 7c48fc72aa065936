#include "checks/availability.h"

#include <gtest/gtest.h>

#include "tests/checks/site_fixture.h"

namespace sitepatrol::checks {
namespace {

class AvailabilityTest : public ::testing::Test {
 protected:
  Findings run(const PageResult& home) {
    SiteResult result;
    result.homepage = home;
    Findings out;
    check_availability(fixture_.context(), result, out);
    return out;
  }

  static PageResult home(int status, FetchError error = FetchError::none, double ms = 120) {
    PageResult p;
    p.url = "http://www.site.example/";
    p.final_url = p.url;
    p.is_homepage = true;
    p.status = status;
    p.error = error;
    p.elapsed_ms = ms;
    return p;
  }

  testing::SiteFixture fixture_;
};

TEST_F(AvailabilityTest, UpHomepageRaisesNothing) {
  EXPECT_TRUE(run(home(200)).empty());
  EXPECT_TRUE(run(home(204)).empty());
  EXPECT_TRUE(run(home(200, FetchError::too_large)).empty());
}

TEST_F(AvailabilityTest, NotModifiedCountsAsUp) {
  EXPECT_TRUE(run(home(304)).empty());
  PageResult p = home(304);
  p.not_modified = true;
  EXPECT_TRUE(homepage_up(p));
}

TEST_F(AvailabilityTest, HttpErrorIsDown) {
  const Findings out = run(home(503));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].site, "hb-jtt");
  EXPECT_EQ(out[0].code, "AVAIL-DOWN");
  EXPECT_EQ(out[0].severity, Severity::critical);
  EXPECT_EQ(out[0].subject, "http://www.site.example/");
  EXPECT_EQ(out[0].page, "http://www.site.example/");
  EXPECT_EQ(out[0].detail, "HTTP 503");
}

TEST_F(AvailabilityTest, AcceptedStatusDoesNotMakeTheHomepageUp) {
  fixture_.site.accepted_status = {401};
  const Findings out = run(home(401));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "AVAIL-DOWN");
  EXPECT_EQ(out[0].detail, "HTTP 401");
}

TEST_F(AvailabilityTest, RedirectWithoutTargetIsDown) {
  const Findings out = run(home(301));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].detail, "HTTP 301");
}

TEST_F(AvailabilityTest, FetchErrorsAreDownWithTheirReason) {
  Findings out = run(home(0, FetchError::timeout, 15000));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "AVAIL-DOWN");
  EXPECT_EQ(out[0].detail, "timeout after 15 s");

  PageResult dns = home(0, FetchError::dns);
  dns.error_text = "Could not resolve host: www.site.example";
  out = run(dns);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].detail, "DNS: Could not resolve host: www.site.example");

  out = run(home(0, FetchError::connect));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].detail, "connect: connection failed");
}

TEST_F(AvailabilityTest, TruncatedAnswerIsDownEvenWith200) {
  const Findings out = run(home(200, FetchError::reset));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "AVAIL-DOWN");
}

TEST_F(AvailabilityTest, TimeoutUsesConfiguredLimit) {
  fixture_.patrol.timeout_s = 30;
  EXPECT_EQ(run(home(0, FetchError::timeout)).at(0).detail, "timeout after 30 s");
}

TEST_F(AvailabilityTest, RobotsDisallowedHomepageIsNotJudged) {
  EXPECT_TRUE(run(home(0, FetchError::robots)).empty());
}

TEST_F(AvailabilityTest, SlowAnswerIsAWarning) {
  const Findings out = run(home(200, FetchError::none, 4210));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "AVAIL-SLOW");
  EXPECT_EQ(out[0].severity, Severity::warning);
  EXPECT_EQ(out[0].subject, "http://www.site.example/");
  EXPECT_EQ(out[0].detail, "answered in 4210 ms (limit 3000 ms)");
}

TEST_F(AvailabilityTest, SlowLimitIsExclusiveAndConfigurable) {
  EXPECT_TRUE(run(home(200, FetchError::none, 3000)).empty());
  fixture_.patrol.slow_ms = 1000;
  EXPECT_EQ(run(home(200, FetchError::none, 1500)).size(), 1u);
}

TEST_F(AvailabilityTest, DownHomepageIsNotAlsoSlow) {
  const Findings out = run(home(500, FetchError::none, 9000));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "AVAIL-DOWN");
}

}  // namespace
}  // namespace sitepatrol::checks
