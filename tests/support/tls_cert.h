// Self-signed certificates for HTTPS fixtures: valid, expired, not yet valid, expiring
// soon, or issued for another host (the TLS-CERT check's cases).
//
// Generated with the OpenSSL API (an EC P-256 key), written as PEM into a directory the
// caller owns (a TempDir, usually). The certificate is its own issuer and is marked as a
// CA, so a client can trust it by using the certificate file as its CA bundle
// (CURLOPT_CAINFO). Pure function of its arguments; thread-safe.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/http_server.h"

namespace sitepatrol::testsupport {

struct CertOptions {
  std::chrono::system_clock::time_point not_before =
      std::chrono::system_clock::now() - std::chrono::hours(24);
  std::chrono::system_clock::time_point not_after =
      std::chrono::system_clock::now() + std::chrono::days(365);
  std::string common_name = "127.0.0.1";
  std::vector<std::string> dns_names = {"localhost"};            // subjectAltName DNS:
  std::vector<std::string> ip_addresses = {"127.0.0.1", "::1"};  // subjectAltName IP:
  std::string file_stem = "server";                              // writes <stem>.crt and <stem>.key
};

// Writes a key and a self-signed certificate into `dir` (created if needed) and returns
// their paths. Throws std::runtime_error on any OpenSSL failure.
testsupport::TlsFiles make_self_signed_cert(const std::filesystem::path& dir,
                                    const CertOptions& options = {});

// Shorthands around make_self_signed_cert for the usual cases.
CertOptions cert_valid_for(std::chrono::hours remaining);  // e.g. 10 days left: "expiring"
CertOptions cert_expired(std::chrono::hours ago = std::chrono::days(3));
CertOptions cert_not_yet_valid(std::chrono::hours from_now = std::chrono::days(3));
CertOptions cert_for_host(const std::string& dns_name);  // no IP names: wrong host on 127.0.0.1

}  // namespace sitepatrol::testsupport
