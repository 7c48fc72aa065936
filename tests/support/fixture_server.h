// A loopback web site for tests: static files plus programmable routes and the misbehaviour
// a crawler meets in the wild (slow answers, resets, hangs, redirect loops, gzip, GBK,
// HEAD refused, flaky 503s, soft 404s).
//
// Routing: a request whose full target (path and query) has a route gets it; else one whose
// path (query dropped) has a route; else the static root, when given; else a Chinese 404.
// Routes may be added or replaced while the server runs. Every request is logged, so a test
// can assert what the crawler did: hits("/a.html"), hits("/form", "POST"), requests().
//
// Threads: every member may be called from any thread; route handlers run on the server's
// connection threads and must be thread-safe.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/http_server.h"

namespace sitepatrol::testsupport {

using app::Handler;
using app::HttpReply;
using app::HttpRequest;

class FixtureServer {
 public:
  struct Options {
    std::filesystem::path static_root;   // empty: no static files
    std::string address = "127.0.0.1";   // "::1" for IPv6
    unsigned short port = 0;             // 0: ephemeral
    const testsupport::TlsFiles* tls = nullptr;  // HTTPS when set
  };

  FixtureServer();
  explicit FixtureServer(std::filesystem::path static_root);
  explicit FixtureServer(Options options);
  ~FixtureServer();
  FixtureServer(const FixtureServer&) = delete;
  FixtureServer& operator=(const FixtureServer&) = delete;

  unsigned short port() const;
  std::string base_url() const;                  // "http://127.0.0.1:PORT"
  std::string url(std::string_view path) const;  // base_url() + path
  void stop();

  // Programmable routes. `path` is "/x.html" or, to match one query only, "/s?q=1".
  void route(std::string path, HttpReply reply);
  void route(std::string path, Handler handler);
  // An HTML page (200) with the given body; content_type defaults to UTF-8 HTML.
  void page(std::string path, std::string html,
            std::string content_type = "text/html; charset=utf-8");

  // Ready-made behaviours.
  void slow(std::string path, int delay_ms, std::string html = "<html><body>slow</body></html>");
  void reset(std::string path);                      // connection reset (RST) without an answer
  void hang(std::string path);                       // never answers
  void trickle(std::string path, std::string body);  // one byte every 200 ms
  void redirect(std::string path, std::string to, int code = 301);
  void redirect_loop(std::string a, std::string b);  // a -> b -> a ... (302)
  // Gzip-compressed with Content-Encoding: gzip when the request's Accept-Encoding allows
  // gzip; plain otherwise. Always sends Vary: Accept-Encoding.
  void gzip(std::string path, std::string body,
            std::string content_type = "text/html; charset=utf-8");
  // A page converted from UTF-8 to GBK. header: "Content-Type: text/html; charset=gbk" and
  // the HTML as given; meta_only: "Content-Type: text/html" and a <meta charset="gbk">
  // inserted after <head> (the only declaration).
  enum class GbkDeclaration { header, meta_only };
  void gbk_page(std::string path, std::string utf8_html,
                GbkDeclaration declaration = GbkDeclaration::header);
  void head_not_allowed(std::string path, std::string html = "<html><body>ok</body></html>");
  void status(std::string path, int code, std::string body = "");
  // Fails `first_n_failures` times with `code` (and Retry-After when retry_after_s > 0),
  // then answers 200 with `html`.
  void flaky(std::string path, int first_n_failures, int code = 503, int retry_after_s = 0,
             std::string html = "<html><body>ok</body></html>");
  void robots(std::string text);  // /robots.txt
  // 200 with a page that says 页面不存在 (what many CMSs do for a missing page).
  void soft404(std::string path);

  // Requests seen for `path` (query dropped unless `path` has one), any or one method.
  std::size_t hits(std::string_view path) const;
  std::size_t hits(std::string_view path, std::string_view method) const;
  std::vector<HttpRequest> requests() const;
  std::size_t requests_seen() const;
  std::size_t connections_accepted() const;  // TCP connections, for keep-alive assertions

 private:
  HttpReply dispatch(const HttpRequest& request) const;

  Options options_;
  mutable std::mutex routes_mutex_;
  std::map<std::string, Handler, std::less<>> routes_;
  std::unique_ptr<testsupport::HttpServer> server_;  // last member: stopped before the routes die
};

// The soft-404 page body soft404() serves, for tests that match on it.
std::string soft404_html();

}  // namespace sitepatrol::testsupport
