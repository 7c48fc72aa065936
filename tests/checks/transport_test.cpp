#include "checks/transport.h"

#include <gtest/gtest.h>

#include "tests/checks/site_fixture.h"

namespace sitepatrol::checks {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

const Headers kAllHeaders = {
    {"content-type", "text/html; charset=utf-8"},
    {"strict-transport-security", "max-age=31536000; includeSubDomains"},
    {"x-content-type-options", "nosniff"},
    {"x-frame-options", "SAMEORIGIN"},
};

class TransportTest : public ::testing::Test {
 protected:
  Findings run(const PageResult& home) {
    SiteResult result;
    result.homepage = home;
    Findings out;
    check_transport(fixture_.context(), result, out);
    return out;
  }

  static PageResult home(std::string url, Headers headers, int status = 200) {
    PageResult p;
    p.url = url;
    p.final_url = std::move(url);
    p.is_homepage = true;
    p.status = status;
    p.headers = std::move(headers);
    return p;
  }

  static const Finding* find(const Findings& out, std::string_view code) {
    for (const Finding& f : out) {
      if (f.code == code) return &f;
    }
    return nullptr;
  }

  testing::SiteFixture fixture_;
};

TEST_F(TransportTest, HttpsHomepageWithAllHeadersRaisesNothing) {
  EXPECT_TRUE(run(home("https://www.site.example/", kAllHeaders)).empty());
}

TEST_F(TransportTest, CspFrameAncestorsStandsInForXFrameOptions) {
  Headers h = {{"strict-transport-security", "max-age=63072000"},
               {"x-content-type-options", "NoSniff"},
               {"content-security-policy", "default-src 'self'; Frame-Ancestors 'self'"}};
  EXPECT_TRUE(run(home("https://www.site.example/", h)).empty());
}

TEST_F(TransportTest, PlainHttpHomepageIsNoHttps) {
  const Findings out = run(home("http://www.site.example/", kAllHeaders));
  const Finding* f = find(out, "SEC-NO-HTTPS");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->site, "hb-jtt");
  EXPECT_EQ(f->severity, Severity::warning);
  EXPECT_EQ(f->subject, "www.site.example");
  EXPECT_EQ(f->page, "http://www.site.example/");
  EXPECT_EQ(f->detail, "homepage served over plain HTTP");
  // HSTS means nothing over HTTP, so the other headers being there is enough.
  EXPECT_EQ(find(out, "SEC-HEADERS"), nullptr);
  EXPECT_EQ(out.size(), 1u);
}

TEST_F(TransportTest, RedirectToHttpsIsServedOverHttps) {
  PageResult p = home("https://www.site.example/", kAllHeaders);
  p.url = "http://www.site.example/";
  EXPECT_TRUE(run(p).empty());
}

TEST_F(TransportTest, RedirectDownToHttpIsNoHttps) {
  PageResult p = home("http://www.site.example/index.html", kAllHeaders);
  p.url = "https://www.site.example/";
  const Findings out = run(p);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "SEC-NO-HTTPS");
  EXPECT_EQ(out[0].detail,
            "homepage served over plain HTTP (https://www.site.example/ redirects to "
            "http://www.site.example/index.html)");
}

TEST_F(TransportTest, MissingHeadersAreListedInOneFinding) {
  const Findings out = run(home("https://www.site.example/", {{"server", "nginx"}}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "SEC-HEADERS");
  EXPECT_EQ(out[0].severity, Severity::info);
  EXPECT_EQ(out[0].subject, "www.site.example");
  EXPECT_EQ(out[0].page, "https://www.site.example/");
  EXPECT_EQ(out[0].detail,
            "missing: Strict-Transport-Security, X-Content-Type-Options: nosniff, "
            "X-Frame-Options or CSP frame-ancestors");
}

TEST_F(TransportTest, EachHeaderIsJudgedOnItsOwn) {
  Headers h = kAllHeaders;
  std::erase_if(h, [](const auto& kv) { return kv.first == "x-frame-options"; });
  EXPECT_EQ(run(home("https://www.site.example/", h)).at(0).detail,
            "missing: X-Frame-Options or CSP frame-ancestors");

  h = kAllHeaders;
  std::erase_if(h, [](const auto& kv) { return kv.first == "strict-transport-security"; });
  EXPECT_EQ(run(home("https://www.site.example/", h)).at(0).detail,
            "missing: Strict-Transport-Security");

  h = kAllHeaders;
  std::erase_if(h, [](const auto& kv) { return kv.first == "x-content-type-options"; });
  EXPECT_EQ(run(home("https://www.site.example/", h)).at(0).detail,
            "missing: X-Content-Type-Options: nosniff");
}

TEST_F(TransportTest, HeadersThatDoNothingDoNotCount) {
  const Headers h = {{"strict-transport-security", "max-age=0"},
                     {"x-content-type-options", "sniff"},
                     {"content-security-policy", "default-src 'self'"},
                     {"content-security-policy-report-only", "frame-ancestors 'self'"}};
  EXPECT_EQ(run(home("https://www.site.example/", h)).at(0).detail,
            "missing: Strict-Transport-Security, X-Content-Type-Options: nosniff, "
            "X-Frame-Options or CSP frame-ancestors");
}

TEST_F(TransportTest, HttpHomepageIsNotAskedForHsts) {
  const Findings out = run(home("http://www.site.example/", {}));
  const Finding* f = find(out, "SEC-HEADERS");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->detail,
            "missing: X-Content-Type-Options: nosniff, X-Frame-Options or CSP "
            "frame-ancestors");
}

TEST_F(TransportTest, UnansweredHomepageIsNotJudged) {
  EXPECT_TRUE(run(home("http://www.site.example/", {}, 503)).empty());
  EXPECT_TRUE(run(home("http://www.site.example/", {}, 0)).empty());
  PageResult p = home("http://www.site.example/", {});
  p.error = FetchError::reset;
  EXPECT_TRUE(run(p).empty());
}

TEST_F(TransportTest, SubjectIsTheFinalHost) {
  PageResult p = home("https://site.example/", {});
  p.url = "https://www.site.example/";
  EXPECT_EQ(run(p).at(0).subject, "site.example");
}

// ---- mixed content ----

LinkRef ref(std::string url, std::string kind) {
  LinkRef r;
  r.url = std::move(url);
  r.kind = std::move(kind);
  return r;
}

class MixedContentTest : public ::testing::Test {
 protected:
  Findings run(std::string url, std::vector<LinkRef> links) {
    PageResult page;
    page.url = url;
    page.final_url = std::move(url);
    page.status = 200;
    page.links = std::move(links);
    Findings out;
    check_mixed_content(fixture_.context(), page, out);
    return out;
  }

  testing::SiteFixture fixture_;
};

TEST_F(MixedContentTest, HttpsPageLoadingHttpResources) {
  const Findings out =
      run("https://www.site.example/xwdt/", {ref("http://www.site.example/img/a.jpg", "img"),
                                             ref("https://www.site.example/js/ok.js", "script"),
                                             ref("http://cdn.site.example/js/old.js", "script"),
                                             ref("http://www.site.example/css/a.css", "link")});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].site, "hb-jtt");
  EXPECT_EQ(out[0].code, "SEC-NO-HTTPS");
  EXPECT_EQ(out[0].severity, Severity::warning);
  EXPECT_EQ(out[0].subject, "www.site.example");
  EXPECT_EQ(out[0].page, "https://www.site.example/xwdt/");
  // Active content first: a blocked script breaks the page, an image merely shows a warning.
  EXPECT_EQ(out[0].detail, "mixed content: http://cdn.site.example/js/old.js (script) and 2 more");
}

TEST_F(MixedContentTest, SingleResourceHasNoCount) {
  const Findings out = run("https://www.site.example/", {ref("http://x.example/v.mp4", "video")});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].detail, "mixed content: http://x.example/v.mp4 (video)");
}

TEST_F(MixedContentTest, PlainLinksToHttpDoNotCount) {
  EXPECT_TRUE(run("https://www.site.example/",
                  {ref("http://www.gov.cn/", "a"), ref("http://www.msa.gov.cn/", "area"),
                   ref("https://www.site.example/img/a.jpg", "img")})
                  .empty());
}

TEST_F(MixedContentTest, HttpPagesAreNotMixed) {
  EXPECT_TRUE(
      run("http://www.site.example/", {ref("http://www.site.example/a.js", "script")}).empty());
}

TEST_F(MixedContentTest, EverySubresourceKindCounts) {
  for (const char* kind : {"img", "script", "link", "iframe", "frame", "embed", "source", "audio",
                           "video", "track", "object"}) {
    EXPECT_EQ(run("https://www.site.example/", {ref("http://www.site.example/r", kind)}).size(), 1u)
        << kind;
  }
  EXPECT_TRUE(
      run("https://www.site.example/", {ref("http://www.site.example/r", "meta-refresh")}).empty());
}

}  // namespace
}  // namespace sitepatrol::checks
