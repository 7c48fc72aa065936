#include "crawler/curl_fetcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "tests/support/codec.h"
#include "tests/support/fixture_server.h"
#include "tests/support/temp_dir.h"
#include "tests/support/tls_cert.h"

namespace sitepatrol::crawler {
namespace {

namespace asio = boost::asio;
using checks::FetchError;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using testsupport::FixtureServer;
using testsupport::HttpReply;
using testsupport::HttpRequest;

HttpReply reply(int status, std::string body,
                std::string content_type = "text/html; charset=utf-8") {
  HttpReply r;
  r.status = status;
  r.headers = {{"Content-Type", std::move(content_type)}};
  r.body = std::move(body);
  return r;
}

// A loopback server and an io_context the test thread runs by hand.
class CurlFetcherTest : public testing::Test {
 protected:
  // Runs the io_context until `done()` or `limit`; false on time-out.
  template <class Done>
  bool run_until(Done done, std::chrono::milliseconds limit = 10s) {
    const auto deadline = Clock::now() + limit;
    while (!done() && Clock::now() < deadline) {
      io.restart();
      io.run_one_for(50ms);
    }
    return done();
  }

  // Runs the io_context for `d`, whatever happens.
  void run_for(std::chrono::milliseconds d) {
    const auto deadline = Clock::now() + d;
    while (Clock::now() < deadline) {
      io.restart();
      io.run_one_for(10ms);
    }
  }

  FetchResponse fetch(CurlFetcher& fetcher, FetchRequest request,
                      std::chrono::milliseconds limit = 10s) {
    std::optional<FetchResponse> got;
    bool inline_call = true;
    fetcher.fetch(std::move(request), [&](FetchResponse r) {
      EXPECT_FALSE(inline_call) << "completion ran inline in fetch()";
      got = std::move(r);
    });
    inline_call = false;
    EXPECT_TRUE(run_until([&] { return got.has_value(); }, limit)) << "no completion in time";
    return got.value_or(FetchResponse{});
  }

  // A request to the loopback fixture (loopback is private: allowed explicitly).
  static FetchRequest get(std::string url) {
    FetchRequest q;
    q.url = std::move(url);
    q.allow_private = true;
    return q;
  }

  asio::io_context io;
  asio::executor_work_guard<asio::io_context::executor_type> work = asio::make_work_guard(io);
  FixtureServer server;
};

TEST_F(CurlFetcherTest, OkAnswerHasBodyStatusAndLowerCaseHeaders) {
  HttpReply r = reply(200, "<html><body>你好</body></html>");
  r.headers.emplace_back("X-Custom-Header", "Yes Indeed");
  r.headers.emplace_back("ETag", "\"v1\"");
  server.route("/a.html", r);
  CurlFetcher fetcher(io, {});

  FetchResponse got = fetch(fetcher, get(server.url("/a.html")));

  EXPECT_EQ(got.error, FetchError::none) << got.error_text;
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.body, "<html><body>你好</body></html>");
  EXPECT_FALSE(got.truncated);
  EXPECT_EQ(got.header("x-custom-header"), "Yes Indeed");
  EXPECT_EQ(got.header("etag"), "\"v1\"");
  EXPECT_EQ(got.header("content-type"), "text/html; charset=utf-8");
  EXPECT_TRUE(got.is_html());
  for (const auto& [name, value] : got.headers) {
    EXPECT_TRUE(std::none_of(name.begin(), name.end(), [](unsigned char c) {
      return std::isupper(c);
    })) << name;
  }
  EXPECT_EQ(got.primary_ip, "127.0.0.1");
  EXPECT_EQ(got.bytes, static_cast<std::int64_t>(got.body.size()));
  EXPECT_GT(got.elapsed_ms, 0);
  EXPECT_FALSE(got.tls.https);
  EXPECT_EQ(fetcher.in_flight(), 0u);
  // The user agent and the single GET reached the server.
  ASSERT_EQ(server.hits("/a.html", "GET"), 1u);
  EXPECT_EQ(server.requests().front().header("user-agent"), "sitepatrol/1.0");
}

TEST_F(CurlFetcherTest, NotFoundIsAStatusNotAnError) {
  CurlFetcher fetcher(io, {});
  FetchResponse got = fetch(fetcher, get(server.url("/missing.html")));
  EXPECT_EQ(got.error, FetchError::none) << got.error_text;
  EXPECT_EQ(got.status, 404);
  EXPECT_FALSE(got.body.empty());  // the fixture's Chinese 404 page
}

TEST_F(CurlFetcherTest, HeadGetsHeadersButNoBody) {
  server.page("/p.html", "<html><body>" + std::string(5000, 'x') + "</body></html>");
  CurlFetcher fetcher(io, {});
  FetchRequest q = get(server.url("/p.html"));
  q.head = true;

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::none) << got.error_text;
  EXPECT_EQ(got.status, 200);
  EXPECT_TRUE(got.body.empty());
  EXPECT_EQ(got.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(server.hits("/p.html", "HEAD"), 1u);
  EXPECT_EQ(server.hits("/p.html", "GET"), 0u);
}

TEST_F(CurlFetcherTest, GzipBodyIsDecoded) {
  std::string body = "<html><body>";
  for (int i = 0; i < 2000; ++i) body += "<p>通知公告 " + std::to_string(i) + "</p>";
  body += "</body></html>";
  server.gzip("/z.html", body);
  CurlFetcher fetcher(io, {});

  FetchResponse got = fetch(fetcher, get(server.url("/z.html")));

  EXPECT_EQ(got.error, FetchError::none) << got.error_text;
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.header("content-encoding"), "gzip");
  EXPECT_EQ(got.body, body);
  EXPECT_LT(got.bytes, static_cast<std::int64_t>(body.size()));  // wire bytes: compressed
}

TEST_F(CurlFetcherTest, BodyOverTheCapIsTooLargeAndTruncated) {
  server.page("/big.html", "<html><body>" + std::string(100 * 1024, 'x') + "</body></html>");
  CurlFetcher fetcher(io, {});
  FetchRequest q = get(server.url("/big.html"));
  q.max_body = 10 * 1024;

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::too_large) << got.error_text;
  EXPECT_TRUE(got.truncated);
  EXPECT_EQ(got.status, 200);  // the answer itself was fine
  EXPECT_LE(got.body.size(), q.max_body);
}

TEST_F(CurlFetcherTest, BodyDeclaredOverTheCapIsRefusedBeforeItIsRead) {
  // issue 13: a 50 MB attachment was read up to the 10 MiB cap before being given up.
  HttpReply big;
  big.headers = {{"Content-Type", "application/pdf"}};
  big.body = "%PDF-1.4\n" + std::string(50'000'000, ' ');
  server.route("/big.pdf", big);
  CurlFetcher fetcher(io, {});
  FetchRequest q = get(server.url("/big.pdf"));
  q.max_body = 10u << 20;

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::too_large) << got.error_text;
  EXPECT_EQ(got.error_text, "body larger than 10485760 bytes");
  EXPECT_TRUE(got.truncated);
  EXPECT_EQ(got.status, 200);  // the answer itself was fine
  EXPECT_TRUE(got.body.empty());
  EXPECT_LT(got.bytes, 1 << 20) << "read on the wire before giving up";
}

TEST_F(CurlFetcherTest, GzipBombStopsAtTheCapCountedAfterDecoding) {
  server.gzip("/bomb.html", "<html><body>" + std::string(4 << 20, 'a') + "</body></html>");
  CurlFetcher fetcher(io, {});
  FetchRequest q = get(server.url("/bomb.html"));
  q.max_body = 64 * 1024;

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::too_large) << got.error_text;
  EXPECT_TRUE(got.truncated);
  EXPECT_EQ(got.status, 200);
  EXPECT_LE(got.body.size(), q.max_body);
}

TEST_F(CurlFetcherTest, HtmlOnlyStopsAtANonHtmlAnswerWithoutError) {
  server.route("/f.pdf", reply(200, "%PDF-1.4 " + std::string(200 * 1024, 'p'), "application/pdf"));
  CurlFetcher fetcher(io, {});
  FetchRequest q = get(server.url("/f.pdf"));
  q.html_only = true;

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::none) << got.error_text;
  EXPECT_EQ(got.status, 200);
  EXPECT_TRUE(got.truncated);
  EXPECT_TRUE(got.body.empty());
  EXPECT_EQ(got.header("content-type"), "application/pdf");
}

TEST_F(CurlFetcherTest, HtmlOnlyNonHtmlLargerThanTheCapIsStillNoError) {
  // Not HTML means "not read", whatever its size: the cap is about bodies we keep.
  server.route("/big.pdf", reply(200, std::string(100 * 1024, 'p'), "application/pdf"));
  CurlFetcher fetcher(io, {});
  FetchRequest q = get(server.url("/big.pdf"));
  q.html_only = true;
  q.max_body = 10 * 1024;

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::none) << got.error_text;
  EXPECT_EQ(got.status, 200);
  EXPECT_TRUE(got.truncated);
  EXPECT_TRUE(got.body.empty());
}

TEST_F(CurlFetcherTest, WantBodyFalseStopsAfterTheHeaders) {
  server.page("/p.html", "<html><body>" + std::string(50 * 1024, 'x') + "</body></html>");
  CurlFetcher fetcher(io, {});
  FetchRequest q = get(server.url("/p.html"));
  q.want_body = false;

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::none) << got.error_text;
  EXPECT_EQ(got.status, 200);
  EXPECT_TRUE(got.truncated);
  EXPECT_TRUE(got.body.empty());
  EXPECT_EQ(got.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(server.hits("/p.html", "GET"), 1u);  // a GET, not a HEAD
}

TEST_F(CurlFetcherTest, HeadOfAFileLargerThanTheCapIsNoError) {
  // Content-Length of a HEAD answer describes a body that never comes.
  server.route("/big.zip", reply(200, std::string(100 * 1024, 'z'), "application/zip"));
  CurlFetcher fetcher(io, {});
  FetchRequest q = get(server.url("/big.zip"));
  q.head = true;
  q.max_body = 10 * 1024;

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::none) << got.error_text;
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.header("content-length"), "102400");
}

TEST_F(CurlFetcherTest, WantBodyFalseIgnoresTheCap) {
  server.route("/big.zip", reply(200, std::string(100 * 1024, 'z'), "application/zip"));
  CurlFetcher fetcher(io, {});
  FetchRequest q = get(server.url("/big.zip"));
  q.want_body = false;
  q.max_body = 10 * 1024;

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::none) << got.error_text;
  EXPECT_EQ(got.status, 200);
  EXPECT_TRUE(got.truncated);
}

TEST_F(CurlFetcherTest, HangingServerTimesOut) {
  server.hang("/hang.html");
  CurlOptions options;
  options.timeout = 1s;
  CurlFetcher fetcher(io, options);

  const auto started = Clock::now();
  FetchResponse got = fetch(fetcher, get(server.url("/hang.html")), 5s);
  const auto took = Clock::now() - started;

  EXPECT_EQ(got.error, FetchError::timeout) << got.error_text;
  EXPECT_EQ(got.status, 0);
  EXPECT_GE(took, 950ms);
  EXPECT_LT(took, 1500ms);
  EXPECT_FALSE(got.error_text.empty());
}

TEST_F(CurlFetcherTest, TrickleSlowerThanTheLowSpeedLimitIsATimeout) {
  server.trickle("/slow.html", std::string(100, 'x'));  // 5 bytes/s
  CurlOptions options;
  options.low_speed_limit = 100;
  options.low_speed_time_s = 1;
  CurlFetcher fetcher(io, options);

  const auto started = Clock::now();
  FetchResponse got = fetch(fetcher, get(server.url("/slow.html")), 5s);

  EXPECT_EQ(got.error, FetchError::timeout) << got.error_text;
  EXPECT_LT(Clock::now() - started, 3s);
}

TEST_F(CurlFetcherTest, ConnectionResetIsAReset) {
  server.reset("/reset.html");
  CurlFetcher fetcher(io, {});

  FetchResponse got = fetch(fetcher, get(server.url("/reset.html")));

  // curl 7.88 says "Recv failure: Connection reset by peer" (CURLE_RECV_ERROR).
  EXPECT_EQ(got.error, FetchError::reset) << got.error_text;
  EXPECT_EQ(got.status, 0);
  EXPECT_FALSE(got.error_text.empty());
}

TEST_F(CurlFetcherTest, RefusedConnectionIsConnect) {
  std::string url;
  {
    FixtureServer gone;
    url = gone.url("/x.html");
  }  // stopped: nobody listens on that port now
  CurlFetcher fetcher(io, {});

  FetchResponse got = fetch(fetcher, get(url));

  EXPECT_EQ(got.error, FetchError::connect) << got.error_text;
  EXPECT_EQ(got.status, 0);
}

TEST_F(CurlFetcherTest, UnknownNameIsDns) {
  CurlOptions options;
  options.timeout = 8s;
  CurlFetcher fetcher(io, options);

  FetchResponse got = fetch(fetcher, get("http://nonexistent.invalid/"), 10s);

  EXPECT_EQ(got.error, FetchError::dns) << got.error_text;
  EXPECT_EQ(got.status, 0);
}

TEST_F(CurlFetcherTest, PrivateAddressIsBlockedWithoutARequest) {
  server.page("/p.html", "<html></html>");
  CurlFetcher fetcher(io, {});
  FetchRequest q = get(server.url("/p.html"));
  q.allow_private = false;

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::blocked_private) << got.error_text;
  EXPECT_EQ(got.status, 0);
  EXPECT_EQ(server.requests_seen(), 0u);
}

TEST_F(CurlFetcherTest, PrivateAddressIsFetchedWhenAllowed) {
  server.page("/p.html", "<html></html>");
  CurlFetcher fetcher(io, {});
  FetchResponse got = fetch(fetcher, get(server.url("/p.html")));
  EXPECT_EQ(got.error, FetchError::none) << got.error_text;
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(server.hits("/p.html"), 1u);
}

TEST_F(CurlFetcherTest, ReusedConnectionDoesNotBypassThePrivateRule) {
  // An allowed request leaves a live connection in curl's cache; a request to the same
  // host that is not allowed must not ride on it.
  server.page("/a.html", "<html></html>");
  server.page("/b.html", "<html></html>");
  CurlFetcher fetcher(io, {});
  ASSERT_EQ(fetch(fetcher, get(server.url("/a.html"))).status, 200);

  FetchRequest q = get(server.url("/b.html"));
  q.allow_private = false;
  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::blocked_private) << got.error_text;
  EXPECT_EQ(got.status, 0);
  EXPECT_EQ(server.hits("/b.html"), 0u);
}

TEST_F(CurlFetcherTest, Ipv4MappedAddressIsJudgedByItsIpv4) {
  server.page("/p.html", "<html></html>");
  const std::string port = std::to_string(server.port());
  CurlOptions options;
  options.resolve = {"mapped.example:" + port + ":[::ffff:127.0.0.1]"};
  CurlFetcher fetcher(io, options);
  FetchRequest q = get("http://mapped.example:" + port + "/p.html");
  q.allow_private = false;

  FetchResponse blocked = fetch(fetcher, q);
  EXPECT_EQ(blocked.error, FetchError::blocked_private) << blocked.error_text;
  EXPECT_EQ(server.requests_seen(), 0u);

  // The same mapping, allowed, reaches the IPv4 fixture: the resolve entry was taken.
  q.allow_private = true;
  FetchResponse fetched = fetch(fetcher, q);
  if (fetched.error == FetchError::connect) GTEST_SKIP() << "no IPv6 here: " << fetched.error_text;
  EXPECT_EQ(fetched.error, FetchError::none) << fetched.error_text;
  EXPECT_EQ(fetched.status, 200);
  EXPECT_EQ(fetched.primary_ip, "::ffff:127.0.0.1");
}

TEST_F(CurlFetcherTest, ResolveMapsAMadeUpHostToTheFixture) {
  server.page("/p.html", "<html>made up</html>");
  const std::string port = std::to_string(server.port());
  CurlOptions options;
  options.resolve = {"www.site.example:" + port + ":127.0.0.1"};
  CurlFetcher fetcher(io, options);

  FetchResponse got = fetch(fetcher, get("http://www.site.example:" + port + "/p.html"));

  EXPECT_EQ(got.error, FetchError::none) << got.error_text;
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.body, "<html>made up</html>");
  EXPECT_EQ(got.primary_ip, "127.0.0.1");
  ASSERT_EQ(server.requests_seen(), 1u);
  EXPECT_EQ(server.requests().front().header("host"), "www.site.example:" + port);
}

TEST_F(CurlFetcherTest, ConditionalAndSiteHeadersAreSent) {
  server.route("/c.html", testsupport::Handler([](const HttpRequest& request) {
                 if (request.header("if-none-match") == "\"abc\"") {
                   HttpReply r;
                   r.status = 304;
                   r.headers = {{"ETag", "\"abc\""}};
                   return r;
                 }
                 return reply(200, "<html>changed</html>");
               }));
  CurlFetcher fetcher(io, {});
  FetchRequest q = get(server.url("/c.html"));
  q.if_none_match = "\"abc\"";
  q.if_modified_since = "Wed, 25 Nov 2026 02:00:00 GMT";
  q.headers = {"X-Staging: 1"};
  q.cookies = "a=1; b=2";
  q.userpwd = "user:secret";

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::none) << got.error_text;
  EXPECT_EQ(got.status, 304);
  EXPECT_TRUE(got.body.empty());
  ASSERT_EQ(server.requests_seen(), 1u);
  const HttpRequest seen = server.requests().front();
  EXPECT_EQ(seen.header("if-none-match"), "\"abc\"");
  EXPECT_EQ(seen.header("if-modified-since"), "Wed, 25 Nov 2026 02:00:00 GMT");
  EXPECT_EQ(seen.header("x-staging"), "1");
  EXPECT_EQ(seen.header("cookie"), "a=1; b=2");
  EXPECT_EQ(seen.header("authorization"), "Basic dXNlcjpzZWNyZXQ=");
}

// Easy handles are reused (issue 15): a request must carry nothing of the one before it on
// the same handle: not its method, its validators, its headers, cookies or credentials.
TEST_F(CurlFetcherTest, AReusedHandleCarriesNothingOfTheRequestBefore) {
  server.page("/p.html", "<html><body>" + std::string(3000, 'x') + "</body></html>");
  CurlFetcher fetcher(io, {});
  FetchRequest first = get(server.url("/p.html"));
  first.head = true;
  first.if_none_match = "\"abc\"";
  first.headers = {"X-Staging: 1"};
  first.cookies = "a=1";
  first.userpwd = "user:secret";
  ASSERT_EQ(fetch(fetcher, first).status, 200);

  FetchResponse second = fetch(fetcher, get(server.url("/p.html")));

  EXPECT_EQ(second.error, FetchError::none) << second.error_text;
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.body.size(), 3000u + 26u);
  ASSERT_EQ(server.requests_seen(), 2u);
  const HttpRequest seen = server.requests().back();
  EXPECT_EQ(seen.method, "GET");
  EXPECT_EQ(seen.header("if-none-match"), "");
  EXPECT_EQ(seen.header("x-staging"), "");
  EXPECT_EQ(seen.header("cookie"), "");
  EXPECT_EQ(seen.header("authorization"), "");
}

TEST_F(CurlFetcherTest, RedirectIsReturnedNotFollowed) {
  server.redirect("/old.html", "/new.html", 301);
  server.page("/new.html", "<html></html>");
  CurlFetcher fetcher(io, {});
  FetchResponse got = fetch(fetcher, get(server.url("/old.html")));
  EXPECT_EQ(got.status, 301);
  EXPECT_EQ(got.header("location"), "/new.html");
  EXPECT_EQ(server.hits("/new.html"), 0u);
}

class CurlFetcherTlsTest : public CurlFetcherTest {
 protected:
  CurlFetcherTlsTest() {
    testsupport::CertOptions cert;
    cert.not_after = std::chrono::system_clock::now() + std::chrono::days(100);
    not_after =
        std::chrono::duration_cast<std::chrono::seconds>(cert.not_after.time_since_epoch()).count();
    files = testsupport::make_self_signed_cert(dir.path(), cert);
    FixtureServer::Options options;
    options.tls = &files;
    https = std::make_unique<FixtureServer>(options);
    https->page("/index.html", "<html>secure</html>");
  }

  testsupport::TempDir dir{"curl-fetcher-tls"};
  testsupport::TlsFiles files;
  std::int64_t not_after = 0;
  std::unique_ptr<FixtureServer> https;
};

TEST_F(CurlFetcherTlsTest, TrustedCertificateAnswersAndReportsItsExpiry) {
  CurlOptions options;
  options.ca_bundle = files.cert_file.string();
  CurlFetcher fetcher(io, options);
  FetchRequest q = get(https->url("/index.html"));
  q.want_certinfo = true;

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::none) << got.error_text;
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.body, "<html>secure</html>");
  EXPECT_TRUE(got.tls.https);
  EXPECT_TRUE(got.tls.verify_error.empty());
  ASSERT_TRUE(got.tls.not_after.has_value());
  EXPECT_NEAR(static_cast<double>(*got.tls.not_after), static_cast<double>(not_after), 86400.0);
  ASSERT_TRUE(got.tls.not_before.has_value());
  EXPECT_LT(*got.tls.not_before, *got.tls.not_after);
}

TEST_F(CurlFetcherTlsTest, UntrustedCertificateIsATlsErrorWithTheReason) {
  CurlFetcher fetcher(io, {});  // the system CAs do not know the test's certificate
  FetchRequest q = get(https->url("/index.html"));
  q.want_certinfo = true;

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::tls) << got.error_text;
  EXPECT_EQ(got.status, 0);
  EXPECT_TRUE(got.tls.https);
  EXPECT_FALSE(got.tls.verify_error.empty());
}

TEST_F(CurlFetcherTest, ExpiredCertificateFailsVerificationAndSaysSo) {
  testsupport::TempDir dir{"curl-fetcher-expired"};
  const testsupport::TlsFiles files = make_self_signed_cert(dir.path(), testsupport::cert_expired());
  FixtureServer::Options options;
  options.tls = &files;
  FixtureServer expired(options);
  expired.page("/index.html", "<html></html>");
  CurlOptions curl;
  curl.ca_bundle = files.cert_file.string();
  CurlFetcher fetcher(io, curl);
  FetchRequest q = get(expired.url("/index.html"));
  q.want_certinfo = true;

  FetchResponse got = fetch(fetcher, q);

  EXPECT_EQ(got.error, FetchError::tls) << got.error_text;
  EXPECT_EQ(got.status, 0);
  EXPECT_NE(got.tls.verify_error.find("expired"), std::string::npos) << got.tls.verify_error;
  EXPECT_EQ(expired.requests_seen(), 0u);  // no request goes over an unverified connection
}

TEST_F(CurlFetcherTest, CertificateForAnotherHostFailsVerification) {
  testsupport::TempDir dir{"curl-fetcher-wrong-host"};
  const testsupport::TlsFiles files =
      make_self_signed_cert(dir.path(), testsupport::cert_for_host("other.example"));
  FixtureServer::Options options;
  options.tls = &files;
  FixtureServer wrong(options);
  wrong.page("/index.html", "<html></html>");
  CurlOptions curl;
  curl.ca_bundle = files.cert_file.string();
  CurlFetcher fetcher(io, curl);

  FetchResponse got = fetch(fetcher, get(wrong.url("/index.html")));

  EXPECT_EQ(got.error, FetchError::tls) << got.error_text;
  EXPECT_FALSE(got.tls.verify_error.empty());
  EXPECT_EQ(wrong.requests_seen(), 0u);
}

TEST_F(CurlFetcherTest, ManyConcurrentFetchesEachCompleteExactlyOnce) {
  constexpr int kPaths = 50;
  constexpr int kRequests = 500;
  for (int p = 0; p < kPaths; ++p)
    server.page("/p" + std::to_string(p) + ".html", "<html>page " + std::to_string(p) + "</html>");
  CurlFetcher fetcher(io, {});

  std::vector<int> completions(kRequests, 0);
  std::vector<FetchResponse> responses(kRequests);
  int done = 0;
  for (int i = 0; i < kRequests; ++i) {
    fetcher.fetch(get(server.url("/p" + std::to_string(i % kPaths) + ".html")),
                  [&, i](FetchResponse r) {
                    ++completions[i];
                    responses[i] = std::move(r);
                    ++done;
                  });
  }
  EXPECT_EQ(fetcher.in_flight(), static_cast<std::size_t>(kRequests));
  ASSERT_TRUE(run_until([&] { return done >= kRequests; }, 60s)) << done << " of " << kRequests;
  run_for(100ms);  // a duplicate completion would show up now

  for (int i = 0; i < kRequests; ++i) {
    EXPECT_EQ(completions[i], 1) << "request " << i;
    EXPECT_EQ(responses[i].status, 200) << "request " << i << ": " << responses[i].error_text;
    EXPECT_EQ(responses[i].body, "<html>page " + std::to_string(i % kPaths) + "</html>");
  }
  EXPECT_EQ(fetcher.in_flight(), 0u);
  EXPECT_EQ(server.requests_seen(), static_cast<std::size_t>(kRequests));
}

TEST_F(CurlFetcherTest, CompletionMayStartTheNextFetch) {
  server.page("/p.html", "<html></html>");
  CurlFetcher fetcher(io, {});
  int left = 20;
  std::function<void(FetchResponse)> again = [&](FetchResponse r) {
    EXPECT_EQ(r.status, 200);
    if (--left > 0) fetcher.fetch(get(server.url("/p.html")), again);
  };
  fetcher.fetch(get(server.url("/p.html")), again);
  ASSERT_TRUE(run_until([&] { return left == 0; }));
  EXPECT_EQ(server.hits("/p.html"), 20u);
  EXPECT_EQ(fetcher.in_flight(), 0u);
}

TEST_F(CurlFetcherTest, DestroyingTheFetcherWithTransfersInFlightIsQuiet) {
  server.hang("/hang.html");
  server.slow("/slow.html", 300);
  server.page("/p.html", "<html></html>");
  int completions = 0;
  int at_destruction = 0;
  {
    CurlFetcher fetcher(io, {});
    for (int i = 0; i < 10; ++i) {
      fetcher.fetch(get(server.url("/hang.html")), [&](FetchResponse) { ++completions; });
      fetcher.fetch(get(server.url("/slow.html")), [&](FetchResponse) { ++completions; });
    }
    // Four connections per host: hanging requests soon hold all of them; some slow ones
    // have been answered by then, the rest are queued in curl.
    ASSERT_TRUE(run_until([&] { return server.hits("/hang.html") >= 4; }, 5s));
    run_for(50ms);
    EXPECT_GE(fetcher.in_flight(), 10u);
    at_destruction = completions;
    EXPECT_LT(at_destruction, 10);
  }
  // Waits, timers and posts left behind must find the fetcher gone and do nothing; the
  // transfers it dropped are never completed.
  run_for(700ms);
  EXPECT_EQ(completions, at_destruction);

  // The io_context is still usable by a new fetcher.
  CurlFetcher next(io, {});
  EXPECT_EQ(fetch(next, get(server.url("/p.html"))).status, 200);
}

TEST_F(CurlFetcherTest, DestroyingTheFetcherBeforeTheLoopRunsIsQuiet) {
  server.page("/p.html", "<html></html>");
  int completions = 0;
  {
    CurlFetcher fetcher(io, {});
    fetcher.fetch(get(server.url("/p.html")), [&](FetchResponse) { ++completions; });
  }
  run_for(200ms);
  EXPECT_EQ(completions, 0);
  EXPECT_EQ(server.requests_seen(), 0u);
}

}  // namespace
}  // namespace sitepatrol::crawler
