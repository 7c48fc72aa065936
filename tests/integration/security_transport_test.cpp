// SEC-NO-HTTPS and SEC-HEADERS end to end: a plain-HTTP site; an HTTPS site (a loopback
// server with a certificate made by the test, trusted through [patrol] ca_bundle) with and
// without the security headers; an HTTP address that redirects to HTTPS; and an HTTPS page
// that loads an http:// image (mixed content).
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"
#include "tests/support/tls_cert.h"

namespace sitepatrol::integration {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

const Headers kAllHeaders = {{"Strict-Transport-Security", "max-age=31536000; includeSubDomains"},
                             {"X-Content-Type-Options", "nosniff"},
                             {"X-Frame-Options", "SAMEORIGIN"}};

HttpReply html_reply(std::string body, Headers headers = {}) {
  HttpReply reply;
  reply.headers = std::move(headers);
  reply.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
  reply.body = std::move(body);
  return reply;
}

// An HTTPS site at https://www.site.example:PORT/ with a certificate for that name.
struct HttpsSite {
  TempDir certs{"sitepatrol-it-certs"};
  testsupport::TlsFiles files;
  std::unique_ptr<FixtureServer> server;

  HttpsSite() {
    testsupport::CertOptions cert;
    cert.common_name = std::string(kSiteHost);
    cert.dns_names = {std::string(kSiteHost)};
    files = testsupport::make_self_signed_cert(certs.path(), cert);
    FixtureServer::Options options;
    options.tls = &files;
    server = std::make_unique<FixtureServer>(options);
  }
  std::string url(std::string_view path = "/") const {
    return site_url(kSiteHost, server->port(), path, "https");
  }
  // A patrol of this site, trusting its certificate.
  void configure(Patrol& patrol) const {
    patrol.resolve(kSiteHost, server->port());
    patrol.add_site("site", url());
    patrol.set("ca_bundle", "\"" + files.cert_file.string() + "\"");
    patrol.set("check_external_links", "false");
    patrol.set("disable_codes", "[]");  // the harness silences the codes under test
  }
};

TEST(SecurityTransport, PlainHttpSiteIsNotServedOverHttps) {
  FixtureServer server;
  server.route("/", html_reply(html("<p>首页</p>"), {{"X-Content-Type-Options", "nosniff"},
                                                      {"X-Frame-Options", "DENY"}}));
  Patrol patrol(server);
  patrol.set("disable_codes", "[]");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  const auto plain = r.findings.find("SEC-NO-HTTPS", kSiteHost);
  ASSERT_TRUE(plain) << r.findings.describe();
  EXPECT_EQ(plain->severity, "warning");
  EXPECT_EQ(plain->site, "site");
  EXPECT_EQ(plain->page, home(server));
  EXPECT_EQ(r.findings.with_code("SEC-NO-HTTPS").size(), 1u) << r.findings.describe();
  // HSTS means nothing over plain HTTP, and the other headers are there.
  EXPECT_TRUE(r.findings.with_code("SEC-HEADERS").empty()) << r.findings.describe();
}

TEST(SecurityTransport, HttpsSiteWithAllHeadersRaisesNothing) {
  HttpsSite site;
  site.server->route("/", html_reply(html("<p>首页</p>"), kAllHeaders));
  Patrol patrol;
  site.configure(patrol);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_TRUE(r.findings.with_code("AVAIL-DOWN").empty()) << r.findings.describe();
  EXPECT_TRUE(r.findings.with_code("SEC-NO-HTTPS").empty()) << r.findings.describe();
  EXPECT_TRUE(r.findings.with_code("SEC-HEADERS").empty()) << r.findings.describe();
}

TEST(SecurityTransport, CspFrameAncestorsStandsInForXFrameOptions) {
  HttpsSite site;
  site.server->route("/", html_reply(html("<p>首页</p>"),
                                     {{"Strict-Transport-Security", "max-age=63072000"},
                                      {"X-Content-Type-Options", "nosniff"},
                                      {"Content-Security-Policy",
                                       "default-src 'self'; frame-ancestors 'self'"}}));
  Patrol patrol;
  site.configure(patrol);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_TRUE(r.findings.with_code("SEC-HEADERS").empty()) << r.findings.describe();
}

TEST(SecurityTransport, HttpsSiteWithoutHeadersListsWhatIsMissing) {
  HttpsSite site;
  site.server->route("/", html_reply(html("<p>首页</p>")));
  Patrol patrol;
  site.configure(patrol);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_TRUE(r.findings.with_code("SEC-NO-HTTPS").empty()) << r.findings.describe();
  const auto headers = r.findings.find("SEC-HEADERS", kSiteHost);
  ASSERT_TRUE(headers) << r.findings.describe();
  EXPECT_EQ(headers->severity, "info");
  EXPECT_EQ(headers->page, site.url());
  for (auto name : {"Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options"})
    EXPECT_NE(headers->detail.find(name), std::string::npos) << name << " in " << headers->detail;
  EXPECT_EQ(r.findings.with_code("SEC-HEADERS").size(), 1u) << r.findings.describe();
}

TEST(SecurityTransport, HttpsPageLoadingAnHttpImageIsMixedContent) {
  HttpsSite site;
  const std::string image = "http://img.hbjt-cdn.example/upload/2026/11/banner.jpg";
  site.server->route("/", html_reply(html("<a href=\"/xwdt/\">交通要闻</a>"), kAllHeaders));
  site.server->route("/xwdt/", html_reply(html("<h1>交通要闻</h1><img src=\"" + image +
                                               "\" alt=\"图片新闻\"><a href=\"http://www.hubei.gov.cn/\">"
                                               "湖北省人民政府</a>"),
                                          kAllHeaders));
  Patrol patrol;
  site.configure(patrol);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  const auto mixed = r.findings.find("SEC-NO-HTTPS", kSiteHost);
  ASSERT_TRUE(mixed) << r.findings.describe();
  EXPECT_EQ(mixed->severity, "warning");
  EXPECT_EQ(mixed->page, site.url("/xwdt/"));
  EXPECT_NE(mixed->detail.find(image), std::string::npos) << mixed->detail;
  EXPECT_EQ(r.findings.with_code("SEC-NO-HTTPS").size(), 1u) << r.findings.describe();
  EXPECT_TRUE(r.findings.with_code("SEC-HEADERS").empty()) << r.findings.describe();
}

// The recommended set-up: the registered http:// address redirects to https://.
TEST(SecurityTransport, HttpAddressRedirectingToHttpsIsServedOverHttps) {
  HttpsSite site;
  site.server->route("/", html_reply(html("<p>首页</p>"), kAllHeaders));
  FixtureServer plain;
  plain.redirect("/", site.url(), 301);
  // The registered address is the plain one; the same host name serves HTTPS on another port.
  Patrol patrol(plain);
  patrol.resolve(kSiteHost, site.server->port());
  patrol.set("ca_bundle", "\"" + site.files.cert_file.string() + "\"");
  patrol.set("disable_codes", "[]");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_GE(site.server->hits("/"), 1u);
  EXPECT_TRUE(r.findings.with_code("SEC-NO-HTTPS").empty()) << r.findings.describe();
  EXPECT_TRUE(r.findings.with_code("SEC-HEADERS").empty()) << r.findings.describe();
  EXPECT_TRUE(r.findings.with_code("AVAIL-DOWN").empty()) << r.findings.describe();
}

}  // namespace
}  // namespace sitepatrol::integration
