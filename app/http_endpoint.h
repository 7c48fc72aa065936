// HttpEndpoint: the HTTP/1.1 server sitepatrol exposes — the daemon's /healthz and /metrics
// (reachable from outside in the documented container set-up) and the demo site.
//
// Boost.Beast, asynchronous on its own io_context: a fixed number of threads serves every
// connection, so a slow or hostile client costs a socket and a few kilobytes, never a thread.
// Everything a client sends is bounded:
//   - a request's header must arrive within header_timeout (else 408) and fit in
//     max_header_bytes (else 431; a request line longer than max_target_bytes gets 414);
//   - a body larger than max_body_bytes is refused with 413 before it is read;
//   - a malformed request gets 400; an answer must be taken within write_timeout;
//   - a keep-alive connection waits header_timeout for its next request, then is closed;
//   - at most max_connections are served at once, and never more than the file-descriptor
//     limit leaves after a reserve for the rest of the process: the next ones get 503 and
//     are closed (in a flood, closed without an answer).
// Then the connection is closed. Requests are not logged or kept once answered.
//
// TLS is not served here: put the organisation's reverse proxy in front (docs/deploy.md).
//
// Threads: the handler runs on the endpoint's threads, possibly concurrently, and must be
// thread-safe and quick (it blocks that thread). Public members may be called from any
// thread; stop() (and the destructor) closes everything and joins the threads.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "app/http_message.h"

namespace sitepatrol::app {

struct EndpointLimits {
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_target_bytes = 8 * 1024;
  std::size_t max_body_bytes = 64 * 1024;
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{10'000};
  std::chrono::milliseconds write_timeout{10'000};
  std::size_t max_connections = 512;
  int threads = 1;
};

struct EndpointState;  // app/http_endpoint.cpp

class HttpEndpoint {
 public:
  // Listens on `address` ("127.0.0.1", "::1", "0.0.0.0", ...) and `port` (0: ephemeral).
  // Throws std::system_error when the address cannot be bound.
  HttpEndpoint(Handler handler, const std::string& address, unsigned short port,
               EndpointLimits limits = {});
  ~HttpEndpoint();
  HttpEndpoint(const HttpEndpoint&) = delete;
  HttpEndpoint& operator=(const HttpEndpoint&) = delete;

  unsigned short port() const;
  // "http://127.0.0.1:PORT", "http://[::1]:PORT".
  std::string base_url() const;
  // Connections open now (for tests and metrics).
  std::size_t connections() const;

  // Stops listening, closes every connection and joins the threads. Idempotent.
  void stop();

 private:
  std::unique_ptr<EndpointState> state_;
};

}  // namespace sitepatrol::app
