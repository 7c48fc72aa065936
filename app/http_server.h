// A small HTTP/1.1 server for the bundled demo site and the tests' loopback fixtures.
//
// Boost.Beast, synchronous: one acceptor thread plus one thread per connection, keep-alive,
// optional TLS. It is deliberately simple and robust rather than fast; it is not meant for
// production traffic. Besides ordinary answers, a reply can ask for misbehaviour that a
// crawler must survive (a reset connection, an answer that never comes, a body that
// trickles in), which is what the crawler's tests need.
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

namespace sitepatrol::app {

struct HttpRequest {
  std::string method;  // "GET", "HEAD", ...
  std::string target;  // as sent: path plus query, e.g. "/tzgg/index.html?page=2"
  std::vector<std::pair<std::string, std::string>> headers;  // names as sent
  std::string body;

  // The first header named `lower_name` (compared case-insensitively); "" when absent.
  std::string header(std::string_view lower_name) const;
  // The target without its query string.
  std::string path() const;
};

struct HttpReply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  enum class Action {
    respond,  // answer normally
    reset,    // close the connection with an RST, without answering
    hang,     // never answer; the connection stays open until the server stops
    trickle,  // send the header, then the body one byte every 200 ms
  } action = Action::respond;
  int delay_ms = 0;  // wait this long before acting
};

using Handler = std::function<HttpReply(const HttpRequest&)>;

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
  std::mutex stop_mutex_;  // guards the wake-ups of sleeping connections
  std::condition_variable stop_cv_;

  mutable std::mutex log_mutex_;
  std::vector<HttpRequest> log_;

  std::mutex connections_mutex_;
  std::list<std::shared_ptr<Connection>> connections_;
  std::thread acceptor_thread_;
  std::once_flag stopped_once_;
};

}  // namespace sitepatrol::app
