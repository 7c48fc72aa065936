#include "checks/link_status.h"

#include <gtest/gtest.h>

#include "tests/checks/site_fixture.h"

namespace sitepatrol::checks {
namespace {

class LinkStatusTest : public ::testing::Test {
 protected:
  Findings run(const LinkResult& link) {
    Findings out;
    check_link_status(fixture_.context(), link, out);
    return out;
  }

  static LinkResult link(int status, FetchError error = FetchError::none) {
    LinkResult l;
    l.url = "http://www.site.example/files/a.pdf";
    l.found_on = "http://www.site.example/tzgg/2026/11/t1.html";
    l.kind = "a";
    l.internal = true;
    l.method = "HEAD";
    l.status = status;
    l.error = error;
    return l;
  }

  testing::SiteFixture fixture_;
};

TEST_F(LinkStatusTest, NotFoundIsBroken) {
  const Findings out = run(link(404));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].site, "hb-jtt");
  EXPECT_EQ(out[0].code, "LINK-BROKEN");
  EXPECT_EQ(out[0].severity, Severity::error);
  EXPECT_EQ(out[0].subject, "http://www.site.example/files/a.pdf");
  EXPECT_EQ(out[0].page, "http://www.site.example/tzgg/2026/11/t1.html");
  EXPECT_EQ(out[0].detail, "HTTP 404");
}

TEST_F(LinkStatusTest, ServerErrorsAfterRetriesAreBroken) {
  EXPECT_EQ(run(link(500)).at(0).detail, "HTTP 500");
  EXPECT_EQ(run(link(503)).at(0).code, "LINK-BROKEN");
  EXPECT_EQ(run(link(429)).at(0).code, "LINK-BROKEN");
}

TEST_F(LinkStatusTest, SuccessAndRedirectsAreFine) {
  EXPECT_TRUE(run(link(200)).empty());
  EXPECT_TRUE(run(link(204)).empty());
  EXPECT_TRUE(run(link(304)).empty());
  EXPECT_TRUE(run(link(302)).empty());
  LinkResult followed = link(200);  // a 301 that ended in 200
  followed.redirects = {"https://www.site.example/files/a.pdf"};
  EXPECT_TRUE(run(followed).empty());
}

TEST_F(LinkStatusTest, AcceptedStatusIsNotBroken) {
  fixture_.site.accepted_status = {401, 999};
  EXPECT_TRUE(run(link(401)).empty());
  EXPECT_TRUE(run(link(999)).empty());
  EXPECT_EQ(run(link(403)).size(), 1u);
}

TEST_F(LinkStatusTest, UnusualStatusAbove599IsBrokenUnlessAccepted) {
  EXPECT_EQ(run(link(999)).at(0).detail, "HTTP 999");
}

TEST_F(LinkStatusTest, NetworkFailuresAreBroken) {
  LinkResult dns = link(0, FetchError::dns);
  dns.error_text = "could not resolve host";
  Findings out = run(dns);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "LINK-BROKEN");
  EXPECT_EQ(out[0].detail, "DNS: could not resolve host");

  for (FetchError e :
       {FetchError::connect, FetchError::tls, FetchError::reset, FetchError::other}) {
    out = run(link(0, e));
    ASSERT_EQ(out.size(), 1u) << to_string(e);
    EXPECT_EQ(out[0].code, "LINK-BROKEN") << to_string(e);
  }
  EXPECT_EQ(run(link(0, FetchError::connect)).at(0).detail, "connect: connection failed");
}

TEST_F(LinkStatusTest, TimeoutHasItsOwnCode) {
  const Findings out = run(link(0, FetchError::timeout));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "LINK-TIMEOUT");
  EXPECT_EQ(out[0].severity, Severity::error);
  EXPECT_EQ(out[0].subject, "http://www.site.example/files/a.pdf");
  EXPECT_EQ(out[0].detail, "no answer within 15 s");
}

TEST_F(LinkStatusTest, RedirectLoopListsHops) {
  LinkResult loop = link(302, FetchError::redirect_loop);
  loop.redirects = {"http://www.site.example/b", "http://www.site.example/c",
                    "http://www.site.example/files/a.pdf"};
  Findings out = run(loop);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "LINK-REDIRECT-LOOP");
  EXPECT_EQ(out[0].severity, Severity::error);
  EXPECT_EQ(out[0].detail,
            "redirect loop after 3 hops, back to http://www.site.example/files/a.pdf");

  LinkResult many = link(301, FetchError::too_many_redirects);
  many.redirects.assign(11, "http://www.site.example/next");
  out = run(many);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "LINK-REDIRECT-LOOP");
  EXPECT_EQ(out[0].detail, "more than 10 redirects (stopped after 11 hops)");
}

TEST_F(LinkStatusTest, DeliberatelyUnfetchedLinksRaiseNothing) {
  EXPECT_TRUE(run(link(0, FetchError::blocked_private)).empty());
  EXPECT_TRUE(run(link(0, FetchError::robots)).empty());
  EXPECT_TRUE(run(link(200, FetchError::too_large)).empty());
  EXPECT_TRUE(run(link(0)).empty());  // never fetched (external links off)
}

TEST_F(LinkStatusTest, OversizedErrorPageIsStillBroken) {
  EXPECT_EQ(run(link(404, FetchError::too_large)).at(0).detail, "HTTP 404");
}

}  // namespace
}  // namespace sitepatrol::checks
