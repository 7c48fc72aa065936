#include "tests/support/fixture_server.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <utility>

#include "app/static_files.h"
#include "tests/support/codec.h"

namespace sitepatrol::testsupport {

namespace {

std::string trim_lower(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// True when an Accept-Encoding value admits gzip (RFC 9110 §12.5.3).
bool accepts_gzip(std::string_view accept_encoding) {
  bool star = false, gzip_listed = false, gzip_ok = false;
  std::size_t start = 0;
  while (start <= accept_encoding.size()) {
    const std::size_t end = std::min(accept_encoding.find(',', start), accept_encoding.size());
    const std::string_view item = accept_encoding.substr(start, end - start);
    const std::size_t semi = item.find(';');
    const std::string coding = trim_lower(item.substr(0, semi));
    double q = 1.0;
    if (semi != std::string_view::npos) {
      const std::string params = trim_lower(item.substr(semi + 1));
      if (params.starts_with("q=")) q = std::atof(params.c_str() + 2);
    }
    if (coding == "gzip" || coding == "x-gzip") {
      gzip_listed = true;
      gzip_ok = q > 0;
    } else if (coding == "*") {
      star = q > 0;
    }
    start = end + 1;
  }
  return gzip_listed ? gzip_ok : star;
}

HttpReply html_reply(int status, std::string body,
                     std::string content_type = "text/html; charset=utf-8") {
  HttpReply reply;
  reply.status = status;
  reply.headers = {{"Content-Type", std::move(content_type)}};
  reply.body = std::move(body);
  return reply;
}

// Inserts a <meta charset> right after <head ...>, or at the start when there is no head.
std::string with_meta_charset(std::string html, std::string_view charset) {
  const std::string meta = "<meta charset=\"" + std::string(charset) + "\">";
  std::string lowered = html;
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::size_t head = lowered.find("<head");
  if (head == std::string::npos) return meta + html;
  const std::size_t close = lowered.find('>', head);
  if (close == std::string::npos) return meta + html;
  html.insert(close + 1, meta);
  return html;
}

}  // namespace

std::string soft404_html() {
  return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
         "<title>页面不存在</title></head>\n<body><div class=\"error\">"
         "<h2>页面不存在</h2><p>抱歉，您访问的页面不存在或已被删除。</p>"
         "<p><a href=\"/\">返回首页</a></p></div></body></html>\n";
}

FixtureServer::FixtureServer() : FixtureServer(Options{}) {}

FixtureServer::FixtureServer(std::filesystem::path static_root)
    : FixtureServer(Options{.static_root = std::move(static_root)}) {}

FixtureServer::FixtureServer(Options options) : options_(std::move(options)) {
  server_ = std::make_unique<testsupport::HttpServer>(
      [this](const HttpRequest& request) { return dispatch(request); }, options_.address,
      options_.port, options_.tls);
}

FixtureServer::~FixtureServer() { stop(); }

unsigned short FixtureServer::port() const { return server_->port(); }
std::string FixtureServer::base_url() const { return server_->base_url(); }
std::string FixtureServer::url(std::string_view path) const {
  return base_url() + std::string(path);
}
void FixtureServer::stop() { server_->stop(); }

HttpReply FixtureServer::dispatch(const HttpRequest& request) const {
  Handler handler;
  {
    std::lock_guard lock(routes_mutex_);
    auto it = routes_.find(request.target);
    if (it == routes_.end()) it = routes_.find(request.path());
    if (it != routes_.end()) handler = it->second;
  }
  if (handler) return handler(request);
  if (!options_.static_root.empty()) return app::serve_static(options_.static_root, request);
  return app::not_found_reply();
}

void FixtureServer::route(std::string path, Handler handler) {
  std::lock_guard lock(routes_mutex_);
  routes_[std::move(path)] = std::move(handler);
}

void FixtureServer::route(std::string path, HttpReply reply) {
  route(std::move(path), Handler([reply = std::move(reply)](const HttpRequest&) { return reply; }));
}

void FixtureServer::page(std::string path, std::string html, std::string content_type) {
  route(std::move(path), html_reply(200, std::move(html), std::move(content_type)));
}

void FixtureServer::slow(std::string path, int delay_ms, std::string html) {
  HttpReply reply = html_reply(200, std::move(html));
  reply.delay_ms = delay_ms;
  route(std::move(path), std::move(reply));
}

void FixtureServer::reset(std::string path) {
  HttpReply reply;
  reply.action = HttpReply::Action::reset;
  route(std::move(path), std::move(reply));
}

void FixtureServer::hang(std::string path) {
  HttpReply reply;
  reply.action = HttpReply::Action::hang;
  route(std::move(path), std::move(reply));
}

void FixtureServer::trickle(std::string path, std::string body) {
  HttpReply reply = html_reply(200, std::move(body));
  reply.action = HttpReply::Action::trickle;
  route(std::move(path), std::move(reply));
}

void FixtureServer::redirect(std::string path, std::string to, int code) {
  HttpReply reply = html_reply(code, "<html><body>moved</body></html>");
  reply.headers.emplace_back("Location", std::move(to));
  route(std::move(path), std::move(reply));
}

void FixtureServer::redirect_loop(std::string a, std::string b) {
  redirect(a, b, 302);
  redirect(b, a, 302);
}

void FixtureServer::gzip(std::string path, std::string body, std::string content_type) {
  std::string compressed = gzip_compress(body);
  route(std::move(path),
        Handler([body = std::move(body), compressed = std::move(compressed),
                 content_type = std::move(content_type)](const HttpRequest& request) {
          const bool use_gzip = accepts_gzip(request.header("accept-encoding"));
          HttpReply reply = html_reply(200, use_gzip ? compressed : body, content_type);
          reply.headers.emplace_back("Vary", "Accept-Encoding");
          if (use_gzip) reply.headers.emplace_back("Content-Encoding", "gzip");
          return reply;
        }));
}

void FixtureServer::gbk_page(std::string path, std::string utf8_html, GbkDeclaration declaration) {
  if (declaration == GbkDeclaration::header) {
    route(std::move(path), html_reply(200, utf8_to_gbk(utf8_html), "text/html; charset=gbk"));
  } else {
    route(
        std::move(path),
        html_reply(200, utf8_to_gbk(with_meta_charset(std::move(utf8_html), "gbk")), "text/html"));
  }
}

void FixtureServer::head_not_allowed(std::string path, std::string html) {
  route(std::move(path), Handler([html = std::move(html)](const HttpRequest& request) {
          if (request.method == "HEAD") {
            HttpReply reply = html_reply(405, "");
            reply.headers.emplace_back("Allow", "GET");
            return reply;
          }
          return html_reply(200, html);
        }));
}

void FixtureServer::status(std::string path, int code, std::string body) {
  route(std::move(path), html_reply(code, std::move(body)));
}

void FixtureServer::flaky(std::string path, int first_n_failures, int code, int retry_after_s,
                          std::string html) {
  auto failures_left = std::make_shared<std::atomic<int>>(first_n_failures);
  route(std::move(path),
        Handler([failures_left, code, retry_after_s, html = std::move(html)](const HttpRequest&) {
          if (failures_left->fetch_sub(1) > 0) {
            HttpReply reply = html_reply(code, "<html><body>busy</body></html>");
            if (retry_after_s > 0) {
              reply.headers.emplace_back("Retry-After", std::to_string(retry_after_s));
            }
            return reply;
          }
          return html_reply(200, html);
        }));
}

void FixtureServer::robots(std::string text) {
  route("/robots.txt", html_reply(200, std::move(text), "text/plain; charset=utf-8"));
}

void FixtureServer::soft404(std::string path) {
  route(std::move(path), html_reply(200, soft404_html()));
}

std::size_t FixtureServer::hits(std::string_view path) const {
  const auto log = server_->requests();
  const bool with_query = path.find('?') != std::string_view::npos;
  return static_cast<std::size_t>(std::count_if(log.begin(), log.end(), [&](const HttpRequest& r) {
    return with_query ? r.target == path : r.path() == path;
  }));
}

std::size_t FixtureServer::hits(std::string_view path, std::string_view method) const {
  const auto log = server_->requests();
  const bool with_query = path.find('?') != std::string_view::npos;
  return static_cast<std::size_t>(std::count_if(log.begin(), log.end(), [&](const HttpRequest& r) {
    return r.method == method && (with_query ? r.target == path : r.path() == path);
  }));
}

std::vector<HttpRequest> FixtureServer::requests() const { return server_->requests(); }
std::size_t FixtureServer::requests_seen() const { return server_->requests_seen(); }

std::size_t FixtureServer::connections_accepted() const {
  return server_->connections_accepted();
}

}  // namespace sitepatrol::testsupport
