// A small HTTP/1.1 server for the tests' loopback fixtures (tests/support/fixture_server.h).
//
// Boost.Beast, synchronous: one acceptor thread plus one thread per connection, keep-alive,
// optional TLS. It is deliberately simple and robust rather than fast; it is not meant for
// production traffic (the daemon and the demo use app/http_endpoint.h). Besides ordinary answers, a
// reply can ask for misbehaviour that a crawler must survive (a reset connection, an answer that
// never comes, a body that trickles in), which is what the crawler's tests need.
//
// Threads: the handler is called concurrently from the connection threads and must be
// thread-safe. Every public member may be called from any thread. stop() (and the
// destructor) closes the listener, wakes every connection, including hung and trickling
// ones, and joins all threads; it returns within about a second.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "app/http_message.h"

namespace sitepatrol::testsupport {

using app::Handler;
using app::HttpReply;
using app::HttpRequest;

// PEM files for a TLS listener.
struct TlsFiles {
  std::filesystem::path cert_file;
  std::filesystem::path key_file;
};

class HttpServer {
 public:
  // Listens on `address` ("127.0.0.1", "::1", "0.0.0.0", ...) and `port` (0: an ephemeral
  // port, see port()). With `tls`, serves HTTPS from those files (read once, here).
  // Throws std::system_error when the address cannot be bound, std::runtime_error when the
  // TLS files cannot be loaded.
  explicit HttpServer(Handler handler, std::string address = "127.0.0.1", unsigned short port = 0,
                      const TlsFiles* tls = nullptr);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  unsigned short port() const { return port_; }
  // "http://127.0.0.1:PORT", "https://[::1]:PORT".
  std::string base_url() const;

  // Stops listening, drops every connection and joins all threads. Idempotent.
  void stop();

  // Requests that reached the handler, in arrival order (a copy).
  std::vector<HttpRequest> requests() const;
  std::size_t requests_seen() const;
  // TCP connections accepted so far (keep-alive reuse shows as fewer than requests).
  std::size_t connections_accepted() const { return accepted_; }

 private:
  struct Impl;
  struct Connection;

  void accept_loop();
  void serve(const std::shared_ptr<Connection>& connection);
  void reap_finished_connections();
  // Sleeps up to `ms`; false when the server stopped meanwhile.
  bool sleep_unless_stopped(int ms);
  void wait_until_stopped();
  HttpReply handle(HttpRequest request);

  template <class Stream>
  void serve_stream(Stream& stream, Connection& connection);
  template <class Stream>
  bool send_reply(Stream& stream, Connection& connection, const HttpRequest& request,
                  const HttpReply& reply, bool keep_alive);

  Handler handler_;
  std::string address_;
  unsigned short port_ = 0;
  bool tls_ = false;
  std::unique_ptr<Impl> impl_;

  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> accepted_{0};
  std::mutex stop_mutex_;  // guards the wake-ups of sleeping connections
  std::condition_variable stop_cv_;

  mutable std::mutex log_mutex_;
  std::vector<HttpRequest> log_;

  std::mutex connections_mutex_;
  std::list<std::shared_ptr<Connection>> connections_;
  std::thread acceptor_thread_;
  std::once_flag stopped_once_;
};

}  // namespace sitepatrol::testsupport
