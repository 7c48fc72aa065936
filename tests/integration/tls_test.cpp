// TLS-CERT end to end: an HTTPS site with a test-made certificate, trusted through the
// configuration's ca_bundle, that has expired or is about to.
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"
#include "tests/support/tls_cert.h"

namespace sitepatrol::integration {
namespace {

using testsupport::CertOptions;

// Serves a plain homepage over HTTPS with a certificate for www.site.example made from
// `cert`, patrols it with that certificate as the CA bundle, and returns the round.
Round patrol_https(CertOptions cert) {
  TempDir certs("sitepatrol-it-certs");
  cert.common_name = std::string(kSiteHost);
  cert.dns_names = {std::string(kSiteHost)};
  const testsupport::TlsFiles files = testsupport::make_self_signed_cert(certs.path(), cert);
  FixtureServer::Options options;
  options.tls = &files;
  FixtureServer server(options);
  server.page("/", html("<p>安全</p>"));
  Patrol patrol;
  patrol.resolve(kSiteHost, server.port());
  patrol.add_site("site", site_url(kSiteHost, server.port(), "/", "https"));
  patrol.set("ca_bundle", "\"" + files.cert_file.string() + "\"");
  return patrol.round();
}

TEST(Tls, ExpiredCertificateIsAnError) {
  const Round r = patrol_https(testsupport::cert_expired());
  ASSERT_TRUE(round_ok(r));
  auto cert = r.findings.find("TLS-CERT", kSiteHost);
  ASSERT_TRUE(cert) << r.findings.describe();
  EXPECT_EQ(cert->severity, "error");
  EXPECT_EQ(cert->site, "site");
  EXPECT_NE(cert->detail.find("expired"), std::string::npos) << cert->detail;
}

TEST(Tls, CertificateExpiringIn10DaysIsAWarning) {
  const Round r = patrol_https(testsupport::cert_valid_for(std::chrono::days(10)));
  ASSERT_TRUE(round_ok(r));
  auto cert = r.findings.find("TLS-CERT", kSiteHost);
  ASSERT_TRUE(cert) << r.findings.describe();
  EXPECT_EQ(cert->severity, "warning");
  EXPECT_NE(cert->detail.find("expires"), std::string::npos) << cert->detail;
  // The certificate verified, so the homepage is up.
  EXPECT_TRUE(r.findings.with_code("AVAIL-DOWN").empty()) << r.findings.describe();
}

}  // namespace
}  // namespace sitepatrol::integration
