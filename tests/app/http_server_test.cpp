// Tests of the demo/fixture HTTP server, static file serving and the test-support helpers
// (fixture behaviours, certificates, child processes), over real loopback connections.
#include "tests/support/http_server.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/static_files.h"
#include "tests/support/codec.h"
#include "tests/support/fixture_server.h"
#include "tests/support/run_process.h"
#include "tests/support/temp_dir.h"
#include "tests/support/tls_cert.h"

namespace sitepatrol {
namespace {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using namespace std::chrono_literals;
using app::HttpReply;
using app::HttpRequest;
using testsupport::HttpServer;
using testsupport::FixtureServer;
using testsupport::TempDir;

// ---- a minimal synchronous client ------------------------------------------------------

struct Response {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string header(std::string_view name) const {
    for (const auto& [n, v] : headers) {
      if (boost::beast::iequals(n, {name.data(), name.size()})) return v;
    }
    return {};
  }
  bool has_header(std::string_view name) const {
    for (const auto& h : headers) {
      if (boost::beast::iequals(h.first, {name.data(), name.size()})) return true;
    }
    return false;
  }
};

using Headers = std::vector<std::pair<std::string, std::string>>;

template <class Stream>
Response exchange(Stream& stream, const std::string& method, const std::string& target,
                  const Headers& headers, const std::string& body = "") {
  http::request<http::string_body> req{http::string_to_verb(method), target, 11};
  req.set(http::field::host, "127.0.0.1");
  for (const auto& [n, v] : headers) req.set(n, v);
  if (!body.empty() || method == "POST") {
    req.body() = body;
    req.prepare_payload();
  }
  http::write(stream, req);
  boost::beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);
  http::read(stream, buffer, parser);
  Response out;
  out.status = static_cast<int>(parser.get().result_int());
  for (const auto& f : parser.get()) {
    out.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
  }
  out.body = parser.get().body();
  return out;
}

Response fetch(unsigned short port, const std::string& method, const std::string& target,
               const Headers& headers = {}, const std::string& body = "") {
  net::io_context io;
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  return exchange(socket, method, target, headers, body);
}

Response get(unsigned short port, const std::string& target, const Headers& headers = {}) {
  return fetch(port, "GET", target, headers);
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

HttpReply text(std::string body) {
  HttpReply r;
  r.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
  r.body = std::move(body);
  return r;
}

// ---- HttpServer ------------------------------------------------------------------------

TEST(HttpServer, AnswersAndLogsRequests) {
  HttpServer server([](const HttpRequest& r) { return text("you asked for " + r.target); });
  ASSERT_NE(server.port(), 0);
  EXPECT_EQ(server.base_url(), "http://127.0.0.1:" + std::to_string(server.port()));

  const Response r = get(server.port(), "/a/b.html?x=1", {{"If-None-Match", "\"abc\""}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "you asked for /a/b.html?x=1");
  EXPECT_EQ(r.header("content-length"), std::to_string(r.body.size()));

  const auto log = server.requests();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(server.requests_seen(), 1u);
  EXPECT_EQ(log[0].method, "GET");
  EXPECT_EQ(log[0].target, "/a/b.html?x=1");
  EXPECT_EQ(log[0].path(), "/a/b.html");
  EXPECT_EQ(log[0].header("if-none-match"), "\"abc\"");
  EXPECT_EQ(log[0].header("x-absent"), "");
}

TEST(HttpServer, KeepsConnectionsAlive) {
  HttpServer server([](const HttpRequest& r) { return text(r.target); });
  net::io_context io;
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), server.port()));
  EXPECT_EQ(exchange(socket, "GET", "/one", {}).body, "/one");
  EXPECT_EQ(exchange(socket, "GET", "/two", {}).body, "/two");
  EXPECT_EQ(exchange(socket, "POST", "/three", {}, "a=1&b=2").body, "/three");
  ASSERT_EQ(server.requests_seen(), 3u);
  EXPECT_EQ(server.requests()[2].body, "a=1&b=2");
}

TEST(HttpServer, HeadGetsHeadersWithoutBody) {
  HttpServer server([](const HttpRequest&) { return text("twelve bytes"); });
  net::io_context io;
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), server.port()));
  const Response head = exchange(socket, "HEAD", "/", {});
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), "12");
  EXPECT_EQ(head.body, "");
  // The connection is still in sync: no stray body bytes precede the next answer.
  EXPECT_EQ(exchange(socket, "GET", "/", {}).body, "twelve bytes");
}

TEST(HttpServer, HandlerExceptionBecomes500) {
  HttpServer server([](const HttpRequest&) -> HttpReply { throw std::runtime_error("boom"); });
  EXPECT_EQ(get(server.port(), "/").status, 500);
}

TEST(HttpServer, ResetClosesWithoutAnswer) {
  HttpServer server([](const HttpRequest&) {
    HttpReply r;
    r.action = HttpReply::Action::reset;
    return r;
  });
  net::io_context io;
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), server.port()));
  const std::string request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
  net::write(socket, net::buffer(request));
  char buf[64];
  boost::system::error_code ec;
  const std::size_t n = socket.read_some(net::buffer(buf), ec);
  EXPECT_EQ(n, 0u);
  EXPECT_TRUE(ec == net::error::connection_reset || ec == net::error::eof) << ec.message();
  EXPECT_EQ(server.requests_seen(), 1u);
}

TEST(HttpServer, DelayAndTrickleTakeTheirTime) {
  HttpServer server([](const HttpRequest& r) {
    HttpReply reply = text("abc");
    if (r.target == "/slow") reply.delay_ms = 300;
    if (r.target == "/trickle") reply.action = HttpReply::Action::trickle;
    return reply;
  });
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(get(server.port(), "/slow").body, "abc");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 290ms);

  start = std::chrono::steady_clock::now();
  EXPECT_EQ(get(server.port(), "/trickle").body, "abc");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 390ms);
}

TEST(HttpServer, StopReturnsPromptlyWithHungAndSleepingConnections) {
  auto server = std::make_unique<HttpServer>([](const HttpRequest& r) {
    HttpReply reply = text("never");
    if (r.target == "/hang") reply.action = HttpReply::Action::hang;
    if (r.target == "/sleep") reply.delay_ms = 60'000;
    if (r.target == "/trickle") {
      reply.action = HttpReply::Action::trickle;
      reply.body.assign(10'000, 'x');
    }
    return reply;
  });
  const unsigned short port = server->port();
  std::vector<std::future<bool>> clients;
  for (const char* target : {"/hang", "/sleep", "/trickle"}) {
    clients.push_back(std::async(std::launch::async, [port, target] {
      try {
        get(port, target);
        return false;  // a complete answer is wrong here
      } catch (const boost::system::system_error&) {
        return true;  // the server dropped the connection
      }
    }));
  }
  // An idle keep-alive connection that never sends anything must not hold stop() up either.
  net::io_context io;
  tcp::socket idle(io);
  idle.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));

  const auto wait_until = std::chrono::steady_clock::now() + 5s;
  while (server->requests_seen() < 3 && std::chrono::steady_clock::now() < wait_until) {
    std::this_thread::sleep_for(10ms);
  }
  ASSERT_EQ(server->requests_seen(), 3u);
  std::this_thread::sleep_for(100ms);  // let the trickle start

  const auto start = std::chrono::steady_clock::now();
  server->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
  for (auto& c : clients) {
    ASSERT_EQ(c.wait_for(2s), std::future_status::ready);
    EXPECT_TRUE(c.get());
  }
  server.reset();  // the destructor after stop() is a no-op
}

TEST(HttpServer, ListensOnIpv6Loopback) {
  std::unique_ptr<HttpServer> server;
  try {
    server = std::make_unique<HttpServer>([](const HttpRequest&) { return text("v6"); }, "::1");
  } catch (const std::system_error& e) {
    GTEST_SKIP() << "no IPv6 loopback here: " << e.what();
  }
  EXPECT_EQ(server->base_url(), "http://[::1]:" + std::to_string(server->port()));
  net::io_context io;
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(net::ip::make_address("::1"), server->port()));
  EXPECT_EQ(exchange(socket, "GET", "/", {}).body, "v6");
}

TEST(HttpServer, RefusesAnAddressInUse) {
  HttpServer first([](const HttpRequest&) { return text(""); });
  EXPECT_THROW(HttpServer([](const HttpRequest&) { return text(""); }, "127.0.0.1", first.port()),
               std::system_error);
}

// ---- TLS and certificates --------------------------------------------------------------

Response fetch_tls(unsigned short port, const std::filesystem::path& ca_file,
                   const std::string& host) {
  ssl::context ctx(ssl::context::tls_client);
  ctx.load_verify_file(ca_file.string());
  ctx.set_verify_mode(ssl::verify_peer);
  net::io_context io;
  ssl::stream<tcp::socket> stream(io, ctx);
  stream.set_verify_callback(ssl::host_name_verification(host));
  stream.next_layer().connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  stream.handshake(ssl::stream_base::client);
  return exchange(stream, "GET", "/secure", {});
}

TEST(HttpServerTls, ServesWithAGeneratedCertificate) {
  TempDir dir;
  const auto files = testsupport::make_self_signed_cert(dir.path());
  HttpServer server([](const HttpRequest&) { return text("over tls"); }, "127.0.0.1", 0, &files);
  EXPECT_EQ(server.base_url(), "https://127.0.0.1:" + std::to_string(server.port()));
  EXPECT_EQ(fetch_tls(server.port(), files.cert_file, "127.0.0.1").body, "over tls");
  EXPECT_EQ(fetch_tls(server.port(), files.cert_file, "localhost").body, "over tls");
}

TEST(HttpServerTls, ClientRejectsExpiredAndWrongHostCertificates) {
  TempDir dir;
  auto expired_options = testsupport::cert_expired();
  expired_options.file_stem = "expired";
  const auto expired = testsupport::make_self_signed_cert(dir.path(), expired_options);
  HttpServer old_server([](const HttpRequest&) { return text("x"); }, "127.0.0.1", 0, &expired);
  EXPECT_THROW(fetch_tls(old_server.port(), expired.cert_file, "127.0.0.1"),
               boost::system::system_error);

  auto other_options = testsupport::cert_for_host("www.elsewhere.example");
  other_options.file_stem = "other";
  const auto other = testsupport::make_self_signed_cert(dir.path(), other_options);
  HttpServer other_server([](const HttpRequest&) { return text("x"); }, "127.0.0.1", 0, &other);
  EXPECT_THROW(fetch_tls(other_server.port(), other.cert_file, "127.0.0.1"),
               boost::system::system_error);
  EXPECT_EQ(fetch_tls(other_server.port(), other.cert_file, "www.elsewhere.example").body, "x");
}

TEST(HttpServerTls, BadCertificateFilesAreReported) {
  TempDir dir;
  const testsupport::TlsFiles missing{dir / "none.crt", dir / "none.key"};
  EXPECT_THROW(HttpServer([](const HttpRequest&) { return text(""); }, "127.0.0.1", 0, &missing),
               std::runtime_error);
}

// ---- static files ----------------------------------------------------------------------

class StaticFiles : public ::testing::Test {
 protected:
  StaticFiles()
      : root_(dir_.path() / "www"),
        server_([this](const HttpRequest& r) { return app::serve_static(root_, r); }) {
    dir_.write_file("secret.txt", "top secret");
    dir_.write_file("www/index.html", "<html><body>首页</body></html>");
    dir_.write_file("www/news/index.html", "<html><body>新闻</body></html>");
    dir_.write_file("www/style.css", "body{}");
    dir_.write_file("www/files/a.pdf", "%PDF-1.4 tiny");
    dir_.write_file("www/old/notice.gbk.html", testsupport::utf8_to_gbk("<p>旧通知</p>"));
  }
  unsigned short port() const { return server_.port(); }

  TempDir dir_;
  std::filesystem::path root_;
  HttpServer server_;
};

TEST_F(StaticFiles, ServesFilesWithTypesAndValidators) {
  const Response r = get(port(), "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<html><body>首页</body></html>");
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_FALSE(r.header("etag").empty());
  EXPECT_TRUE(r.header("last-modified").ends_with(" GMT"));

  EXPECT_EQ(get(port(), "/news/").body, "<html><body>新闻</body></html>");
  EXPECT_EQ(get(port(), "/style.css").header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(get(port(), "/files/a.pdf").header("content-type"), "application/pdf");
  EXPECT_EQ(get(port(), "/files/a.pdf?download=1").body, "%PDF-1.4 tiny");
  EXPECT_EQ(get(port(), "/%6Eews/index.html").status, 200);  // percent-decoded
}

TEST_F(StaticFiles, DirectoryWithoutSlashRedirects) {
  const Response r = get(port(), "/news?x=1");
  EXPECT_EQ(r.status, 301);
  EXPECT_EQ(r.header("location"), "/news/?x=1");
}

TEST_F(StaticFiles, ConditionalRequestsGet304) {
  const Response first = get(port(), "/index.html");
  const std::string etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(etag.front(), '"') << "a strong ETag";

  const Response by_etag = get(port(), "/index.html", {{"If-None-Match", etag}});
  EXPECT_EQ(by_etag.status, 304);
  EXPECT_EQ(by_etag.body, "");
  EXPECT_EQ(by_etag.header("etag"), etag);

  EXPECT_EQ(get(port(), "/index.html", {{"If-None-Match", "\"other\", " + etag}}).status, 304);
  EXPECT_EQ(get(port(), "/index.html", {{"If-None-Match", "\"other\""}}).status, 200);

  const std::string last_modified = first.header("last-modified");
  EXPECT_EQ(get(port(), "/index.html", {{"If-Modified-Since", last_modified}}).status, 304);
  EXPECT_EQ(
      get(port(), "/index.html", {{"If-Modified-Since", "Thu, 01 Jan 1998 00:00:00 GMT"}}).status,
      200);
  // If-None-Match wins over If-Modified-Since.
  EXPECT_EQ(get(port(), "/index.html",
                {{"If-None-Match", "\"other\""}, {"If-Modified-Since", last_modified}})
                .status,
            200);
}

TEST_F(StaticFiles, HeadAndOtherMethods) {
  const Response head = fetch(port(), "HEAD", "/files/a.pdf");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), "13");
  EXPECT_EQ(head.body, "");

  const Response post = fetch(port(), "POST", "/index.html", {}, "x=1");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.header("allow"), "GET, HEAD");
}

TEST_F(StaticFiles, RefusesPathTraversal) {
  for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/news/../../secret.txt",
                             "/%2E%2E%2Fsecret.txt", "/..%5csecret.txt"}) {
    const Response r = get(port(), target);
    EXPECT_EQ(r.status, 403) << target;
    EXPECT_EQ(r.body.find("top secret"), std::string::npos) << target;
  }
}

TEST_F(StaticFiles, SymlinkOutOfTheRootIsRefused) {
  std::filesystem::create_symlink(dir_ / "secret.txt", root_ / "leak.txt");
  EXPECT_EQ(get(port(), "/leak.txt").status, 403);
}

TEST_F(StaticFiles, MissingFileGetsChinese404) {
  const Response r = get(port(), "/nope.html");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("页面未找到"), std::string::npos);
  EXPECT_EQ(get(port(), "/index.html/x").status, 404);
}

TEST_F(StaticFiles, GbkNamedFilesAreSentAsGbk) {
  const Response r = get(port(), "/old/notice.gbk.html");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=gbk");
  EXPECT_FALSE(testsupport::is_valid_utf8(r.body));
  EXPECT_EQ(r.body, testsupport::utf8_to_gbk("<p>旧通知</p>"));
}

// ---- FixtureServer ---------------------------------------------------------------------

TEST(FixtureServer, RoutesFallBackToStaticFilesAndCountHits) {
  TempDir dir;
  dir.write_file("index.html", "<html>static</html>");
  FixtureServer site(dir.path());
  site.page("/page.html", "<html>routed</html>");
  site.route("/search?q=a", text("query a"));
  site.route("/search", [](const HttpRequest& r) { return text("any query: " + r.target); });

  EXPECT_EQ(get(site.port(), "/").body, "<html>static</html>");
  EXPECT_EQ(get(site.port(), "/page.html").body, "<html>routed</html>");
  EXPECT_EQ(get(site.port(), "/search?q=a").body, "query a");
  EXPECT_EQ(get(site.port(), "/search?q=b").body, "any query: /search?q=b");
  EXPECT_EQ(fetch(site.port(), "HEAD", "/page.html").status, 200);
  EXPECT_EQ(get(site.port(), "/missing").status, 404);

  EXPECT_EQ(site.hits("/page.html"), 2u);
  EXPECT_EQ(site.hits("/page.html", "HEAD"), 1u);
  EXPECT_EQ(site.hits("/page.html", "POST"), 0u);
  EXPECT_EQ(site.hits("/search"), 2u);
  EXPECT_EQ(site.hits("/search?q=a"), 1u);
  EXPECT_EQ(site.requests_seen(), 6u);
  EXPECT_EQ(site.url("/x"), site.base_url() + "/x");
}

TEST(FixtureServer, GzipOnlyWhenAccepted) {
  FixtureServer site;
  const std::string original = "<html><body>" + std::string(2000, 'a') + "压缩</body></html>";
  site.gzip("/z.html", original);

  const Response zipped = get(site.port(), "/z.html", {{"Accept-Encoding", "deflate, gzip"}});
  EXPECT_EQ(zipped.header("content-encoding"), "gzip");
  EXPECT_LT(zipped.body.size(), original.size());
  EXPECT_EQ(testsupport::gzip_decompress(zipped.body), original);

  const Response plain = get(site.port(), "/z.html");
  EXPECT_FALSE(plain.has_header("content-encoding"));
  EXPECT_EQ(plain.body, original);
  EXPECT_FALSE(get(site.port(), "/z.html", {{"Accept-Encoding", "gzip;q=0, br"}})
                   .has_header("content-encoding"));
  EXPECT_EQ(get(site.port(), "/z.html", {{"Accept-Encoding", "*"}}).header("content-encoding"),
            "gzip");
}

TEST(FixtureServer, GbkPagesInBothDeclarations) {
  FixtureServer site;
  const std::string html =
      "<html><head><title>通知公告</title></head><body>交通运输厅</body></html>";
  site.gbk_page("/h.html", html);
  site.gbk_page("/m.html", html, FixtureServer::GbkDeclaration::meta_only);

  const Response h = get(site.port(), "/h.html");
  EXPECT_EQ(h.header("content-type"), "text/html; charset=gbk");
  EXPECT_FALSE(testsupport::is_valid_utf8(h.body));
  EXPECT_EQ(h.body, testsupport::utf8_to_gbk(html));

  const Response m = get(site.port(), "/m.html");
  EXPECT_EQ(m.header("content-type"), "text/html");
  EXPECT_FALSE(testsupport::is_valid_utf8(m.body));
  EXPECT_NE(m.body.find("<head><meta charset=\"gbk\"><title>"), std::string::npos);
}

TEST(FixtureServer, MisbehaviourRoutes) {
  FixtureServer site;
  site.head_not_allowed("/nohead.pdf");
  site.status("/gone", 410, "gone");
  site.redirect("/old", "/new", 301);
  site.redirect_loop("/loop/a", "/loop/b");
  site.soft404("/soft");
  site.robots("User-agent: *\nDisallow: /private/\n");
  site.flaky("/flaky", 2, 503, 7);

  EXPECT_EQ(fetch(site.port(), "HEAD", "/nohead.pdf").status, 405);
  EXPECT_EQ(get(site.port(), "/nohead.pdf").status, 200);
  EXPECT_EQ(get(site.port(), "/gone").status, 410);

  const Response moved = get(site.port(), "/old");
  EXPECT_EQ(moved.status, 301);
  EXPECT_EQ(moved.header("location"), "/new");
  EXPECT_EQ(get(site.port(), "/loop/a").header("location"), "/loop/b");
  EXPECT_EQ(get(site.port(), "/loop/b").header("location"), "/loop/a");

  const Response soft = get(site.port(), "/soft");
  EXPECT_EQ(soft.status, 200);
  EXPECT_NE(soft.body.find("页面不存在"), std::string::npos);
  EXPECT_EQ(get(site.port(), "/robots.txt").body, "User-agent: *\nDisallow: /private/\n");

  const Response f1 = get(site.port(), "/flaky");
  EXPECT_EQ(f1.status, 503);
  EXPECT_EQ(f1.header("retry-after"), "7");
  EXPECT_EQ(get(site.port(), "/flaky").status, 503);
  EXPECT_EQ(get(site.port(), "/flaky").status, 200);
  EXPECT_EQ(get(site.port(), "/flaky").status, 200);
  EXPECT_EQ(site.hits("/flaky", "GET"), 4u);
}

TEST(FixtureServer, SlowResetAndHang) {
  FixtureServer site;
  site.slow("/slow", 250);
  site.reset("/reset");
  site.hang("/hang");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(get(site.port(), "/slow").status, 200);
  EXPECT_GE(std::chrono::steady_clock::now() - start, 240ms);
  EXPECT_THROW(get(site.port(), "/reset"), boost::system::system_error);

  auto hung = std::async(std::launch::async, [port = site.port()] {
    try {
      get(port, "/hang");
      return false;
    } catch (const boost::system::system_error&) {
      return true;
    }
  });
  EXPECT_EQ(hung.wait_for(300ms), std::future_status::timeout);
  site.stop();
  ASSERT_EQ(hung.wait_for(2s), std::future_status::ready);
  EXPECT_TRUE(hung.get());
  EXPECT_EQ(site.hits("/hang"), 1u);
}

// ---- the bundled demo site --------------------------------------------------------------

const std::filesystem::path kDemoRoot =
    std::filesystem::path(SITEPATROL_SOURCE_DIR) / "app/demo_site";

TEST(DemoSite, HomepageIsTheTransportDepartmentPortal) {
  HttpServer server([](const HttpRequest& r) { return app::serve_static(kDemoRoot, r); });
  const Response home = get(server.port(), "/");
  EXPECT_EQ(home.status, 200);
  EXPECT_EQ(home.header("content-type"), "text/html; charset=utf-8");
  for (const char* text : {"示范省交通运输厅", "4200000001", "ICP备", "公网安备", "网站标识码"}) {
    EXPECT_NE(home.body.find(text), std::string::npos) << text;
  }
}

TEST(DemoSite, OldNoticeIsServedInGbk) {
  HttpServer server([](const HttpRequest& r) { return app::serve_static(kDemoRoot, r); });
  const Response r = get(server.port(), "/tzgg/2019/t20190315_1123.gbk.html");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=gbk");
  EXPECT_FALSE(testsupport::is_valid_utf8(r.body));
  EXPECT_NE(r.body.find(testsupport::utf8_to_gbk("示范省交通运输厅")), std::string::npos);
}

// Every internal link of the demo site resolves to a file, except the defects DEFECTS.md
// plants; and each planted broken link is really there and really broken.
TEST(DemoSite, OnlyThePlantedInternalLinksAreBroken) {
  const std::set<std::string> planted = {"/files/2026/jtgh-2026-2030.pdf",
                                         "/tzgg/202611/t20261118_2231.html", "/old/loop.html"};
  const std::regex href(R"re((?:href|src|action)\s*=\s*"([^"#]*)")re");
  std::set<std::string> broken;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kDemoRoot)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || !name.ends_with(".html")) continue;
    const std::string body = read_file(entry.path());
    const std::string page_dir =
        "/" + entry.path().parent_path().lexically_relative(kDemoRoot).generic_string();
    for (std::sregex_iterator it(body.begin(), body.end(), href), end; it != end; ++it) {
      std::string target = (*it)[1].str();
      if (target.empty() || target.starts_with("http") || target.starts_with("mailto:") ||
          target.starts_with("javascript:")) {
        continue;
      }
      target = target.substr(0, target.find('?'));
      const std::string absolute =
          target.starts_with("/")
              ? target
              : (std::filesystem::path(page_dir) / target).lexically_normal().generic_string();
      std::filesystem::path file = kDemoRoot / absolute.substr(1);
      if (absolute.ends_with("/")) file /= "index.html";
      if (!std::filesystem::is_regular_file(file)) broken.insert(absolute);
    }
  }
  EXPECT_EQ(broken, planted);
}

// ---- TempDir and ChildProcess ----------------------------------------------------------

TEST(TempDir, IsRemovedWithItsContents) {
  std::filesystem::path path;
  {
    TempDir dir("unit");
    path = dir.path();
    EXPECT_TRUE(std::filesystem::is_directory(path));
    const auto file = dir.write_file("a/b/c.txt", "hello");
    EXPECT_EQ(read_file(file), "hello");
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(RunProcess, CapturesOutputAndExitCode) {
  const auto r = testsupport::run_process({"/bin/sh", "-c", "echo out; echo err >&2; exit 3"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "out\n");
  EXPECT_EQ(r.err, "err\n");
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.start_error, "");
}

TEST(RunProcess, FeedsStdinAndSetsEnvironmentAndDirectory) {
  TempDir dir;
  testsupport::ProcessOptions options;
  options.stdin_data = std::string(200'000, 'z');  // more than a pipe holds
  options.env = {{"SITEPATROL_TEST_VAR", "值"}};
  options.working_dir = dir.path();
  const auto r = testsupport::run_process(
      {"/bin/sh", "-c", "wc -c; echo \"$SITEPATROL_TEST_VAR\"; pwd"}, options);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "200000\n值\n" + dir.path().string() + "\n");
}

TEST(RunProcess, KillsOnTimeout) {
  testsupport::ProcessOptions options;
  options.timeout = 200ms;
  const auto start = std::chrono::steady_clock::now();
  const auto r = testsupport::run_process({"/bin/sh", "-c", "sleep 30 & sleep 30"}, options);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.term_signal, SIGKILL);
  EXPECT_EQ(r.exit_code, -1);
}

TEST(RunProcess, ReportsAMissingProgram) {
  const auto r = testsupport::run_process({"/nonexistent/sitepatrol-nope"});
  EXPECT_EQ(r.exit_code, 127);
  EXPECT_NE(r.start_error.find("No such file"), std::string::npos) << r.start_error;
}

TEST(RunProcess, ChildProcessCanBeSignalledAndWatched) {
  testsupport::ChildProcess child({"/bin/sh", "-c", "echo ready; exec sleep 30"});
  EXPECT_TRUE(child.wait_for_output("ready", 5s));
  child.signal(SIGTERM);
  const auto r = child.wait(5s);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.term_signal, SIGTERM);
  EXPECT_EQ(r.out, "ready\n");
}

TEST(RunProcess, ChildDoesNotInheritServerSockets) {
  // The child must not hold a fixture server's sockets open: list its descriptors.
  FixtureServer site;
  const auto r = testsupport::run_process({"/bin/sh", "-c", "ls /proc/self/fd"});
  ASSERT_EQ(r.exit_code, 0);
  std::set<std::string> fds;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) fds.insert(line);
  // 0, 1, 2, and the descriptor ls itself opens for the directory.
  EXPECT_LE(fds.size(), 4u) << r.out;
}

}  // namespace
}  // namespace sitepatrol
