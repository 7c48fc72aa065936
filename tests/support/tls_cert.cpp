#include "tests/support/tls_cert.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace sitepatrol::testsupport {

namespace fs = std::filesystem;

namespace {

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

[[noreturn]] void fail(const std::string& what) {
  char buf[256] = "";
  ERR_error_string_n(ERR_get_error(), buf, sizeof buf);
  throw std::runtime_error("self-signed certificate: " + what + ": " + buf);
}

void check(int ok, const char* what) {
  if (ok != 1) fail(what);
}

void add_extension(X509* cert, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
  if (!ext) fail("extension " + value);
  check(X509_add_ext(cert, ext.get(), -1), "X509_add_ext");
}

void write_pem(const fs::path& path, auto&& writer) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) throw std::runtime_error("cannot write " + path.string());
  const int ok = writer(f);
  std::fclose(f);
  if (ok != 1) fail("writing " + path.string());
}

std::time_t to_time_t(std::chrono::system_clock::time_point t) {
  return std::chrono::system_clock::to_time_t(t);
}

}  // namespace

testsupport::TlsFiles make_self_signed_cert(const fs::path& dir, const CertOptions& options) {
  KeyPtr key(EVP_EC_gen("P-256"));
  if (!key) fail("EVP_EC_gen");

  CertPtr cert(X509_new());
  if (!cert) fail("X509_new");
  check(X509_set_version(cert.get(), 2), "X509_set_version");  // v3
  unsigned char serial[16];
  check(RAND_bytes(serial, sizeof serial), "RAND_bytes");
  serial[0] &= 0x7F;  // a positive serial number
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  if (bn == nullptr || BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get())) == nullptr) {
    BN_free(bn);
    fail("serial number");
  }
  BN_free(bn);
  if (ASN1_TIME_set(X509_getm_notBefore(cert.get()), to_time_t(options.not_before)) == nullptr ||
      ASN1_TIME_set(X509_getm_notAfter(cert.get()), to_time_t(options.not_after)) == nullptr) {
    fail("validity");
  }
  X509_NAME* name = X509_get_subject_name(cert.get());
  check(X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>("sitepatrol tests"), -1,
                                   -1, 0),
        "subject O");
  check(X509_NAME_add_entry_by_txt(
            name, "CN", MBSTRING_UTF8,
            reinterpret_cast<const unsigned char*>(options.common_name.c_str()), -1, -1, 0),
        "subject CN");
  check(X509_set_issuer_name(cert.get(), name), "issuer");
  check(X509_set_pubkey(cert.get(), key.get()), "X509_set_pubkey");

  std::string san;
  for (const auto& d : options.dns_names) san += (san.empty() ? "" : ",") + ("DNS:" + d);
  for (const auto& ip : options.ip_addresses) san += (san.empty() ? "" : ",") + ("IP:" + ip);
  add_extension(cert.get(), NID_basic_constraints, "critical,CA:TRUE");
  add_extension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign");
  add_extension(cert.get(), NID_ext_key_usage, "serverAuth");
  add_extension(cert.get(), NID_subject_key_identifier, "hash");
  if (!san.empty()) add_extension(cert.get(), NID_subject_alt_name, san);
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) fail("X509_sign");

  fs::create_directories(dir);
  testsupport::TlsFiles files{dir / (options.file_stem + ".crt"), dir / (options.file_stem + ".key")};
  write_pem(files.key_file, [&](FILE* f) {
    return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  write_pem(files.cert_file, [&](FILE* f) { return PEM_write_X509(f, cert.get()); });
  return files;
}

CertOptions cert_valid_for(std::chrono::hours remaining) {
  CertOptions o;
  o.not_after = std::chrono::system_clock::now() + remaining;
  return o;
}

CertOptions cert_expired(std::chrono::hours ago) {
  CertOptions o;
  o.not_before = std::chrono::system_clock::now() - ago - std::chrono::days(90);
  o.not_after = std::chrono::system_clock::now() - ago;
  return o;
}

CertOptions cert_not_yet_valid(std::chrono::hours from_now) {
  CertOptions o;
  o.not_before = std::chrono::system_clock::now() + from_now;
  o.not_after = o.not_before + std::chrono::days(90);
  return o;
}

CertOptions cert_for_host(const std::string& dns_name) {
  CertOptions o;
  o.common_name = dns_name;
  o.dns_names = {dns_name};
  o.ip_addresses = {};
  return o;
}

}  // namespace sitepatrol::testsupport
