#include "checks/tls.h"

#include <gtest/gtest.h>

#include "tests/checks/site_fixture.h"

namespace sitepatrol::checks {
namespace {

constexpr std::int64_t kNow = 1795572000;  // 2026-11-25T02:00:00Z
constexpr std::int64_t kDay = 86400;

class TlsTest : public ::testing::Test {
 protected:
  Findings run(const TlsInfo& tls, FetchError error = FetchError::none) {
    SiteResult result;
    result.homepage.url = "http://www.site.example/";
    result.homepage.final_url = "https://www.site.example/";
    result.homepage.status = error == FetchError::none ? 200 : 0;
    result.homepage.error = error;
    result.homepage.tls = tls;
    Findings out;
    check_tls(fixture_.context(), result, out);
    return out;
  }

  static TlsInfo cert(std::int64_t not_before, std::int64_t not_after) {
    TlsInfo t;
    t.https = true;
    t.not_before = not_before;
    t.not_after = not_after;
    return t;
  }

  testing::SiteFixture fixture_;
};

TEST_F(TlsTest, ValidCertificateRaisesNothing) {
  EXPECT_TRUE(run(cert(kNow - 100 * kDay, kNow + 200 * kDay)).empty());
  EXPECT_TRUE(run(cert(kNow - kDay, kNow + 30 * kDay)).empty());
}

TEST_F(TlsTest, PlainHttpIsNotJudged) {
  TlsInfo t = cert(kNow - 100 * kDay, kNow - kDay);
  t.https = false;
  EXPECT_TRUE(run(t).empty());
}

TEST_F(TlsTest, ExpiredIsAnError) {
  const Findings out = run(cert(kNow - 400 * kDay, kNow - 3 * kDay));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].site, "hb-jtt");
  EXPECT_EQ(out[0].code, "TLS-CERT");
  EXPECT_EQ(out[0].severity, Severity::error);
  EXPECT_EQ(out[0].subject, "www.site.example");
  EXPECT_EQ(out[0].page, "http://www.site.example/");
  EXPECT_EQ(out[0].detail, "certificate expired on 2026-11-22 (3 days ago)");
}

TEST_F(TlsTest, NotYetValidIsAnError) {
  const Findings out = run(cert(kNow + 2 * kDay, kNow + 400 * kDay));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].severity, Severity::error);
  EXPECT_EQ(out[0].detail, "certificate not valid before 2026-11-27");
}

TEST_F(TlsTest, VerificationFailureIsAnError) {
  TlsInfo t;
  t.https = true;
  t.verify_error = "SSL: no alternative certificate subject name matches target host name";
  const Findings out = run(t, FetchError::tls);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].severity, Severity::error);
  EXPECT_EQ(out[0].detail, "certificate verification failed: " + t.verify_error);
}

TEST_F(TlsTest, HandshakeFailureWithoutCertificateIsAnError) {
  TlsInfo t;
  t.https = true;
  const Findings out = run(t, FetchError::tls);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].detail, "TLS handshake failed: no detail");
}

TEST_F(TlsTest, ExpiringWithin30DaysIsAWarning) {
  const Findings out = run(cert(kNow - 300 * kDay, kNow + 12 * kDay + 3600));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "TLS-CERT");
  EXPECT_EQ(out[0].severity, Severity::warning);
  EXPECT_EQ(out[0].subject, "www.site.example");
  EXPECT_EQ(out[0].detail, "certificate expires on 2026-12-07 (12 days left)");
}

TEST_F(TlsTest, OneFindingEvenWhenSeveralThingsAreWrong) {
  TlsInfo t = cert(kNow - 400 * kDay, kNow - kDay);
  t.verify_error = "certificate has expired";
  const Findings out = run(t, FetchError::tls);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].detail, "certificate expired on 2026-11-24 (1 day ago)");
}

}  // namespace
}  // namespace sitepatrol::checks
