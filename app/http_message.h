// The request and reply values that HTTP handlers see: the daemon's endpoint, the demo site's
// server and the tests' fixture server all route with a Handler over these.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitepatrol::app {

struct HttpRequest {
  std::string method;  // "GET", "HEAD", ...
  std::string target;  // as sent: path plus query, e.g. "/tzgg/index.html?page=2"
  std::vector<std::pair<std::string, std::string>> headers;  // names as sent
  std::string body;
  std::string remote;  // the client's address ("127.0.0.1", "::1"); "" when unknown

  // The first header named `lower_name` (compared case-insensitively); "" when absent.
  std::string header(std::string_view lower_name) const;
  // The target without its query string.
  std::string path() const;
};

struct HttpReply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // Misbehaviour for the tests' fixture server (tests/support/http_server.h) only; the
  // production endpoint (app/http_endpoint.h) always answers at once.
  enum class Action {
    respond,  // answer normally
    reset,    // close the connection with an RST, without answering
    hang,     // never answer; the connection stays open until the server stops
    trickle,  // send the header, then the body one byte every 200 ms
  } action = Action::respond;
  int delay_ms = 0;  // wait this long before acting
};

using Handler = std::function<HttpReply(const HttpRequest&)>;

// 1xx, 204 and 304 answers never carry a body (RFC 9110 §6.4.1).
bool status_forbids_body(int status);

// The URL a local client reaches a server listening on `address` and `port` with:
// "http://127.0.0.1:PORT" (also for 0.0.0.0), "https://[::1]:PORT" (also for ::).
std::string local_base_url(std::string_view address, unsigned short port, bool tls);

}  // namespace sitepatrol::app
