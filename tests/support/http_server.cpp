#include "tests/support/http_server.h"

#include <sys/socket.h>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <chrono>
#include <exception>
#include <optional>
#include <stdexcept>
#include <system_error>

namespace sitepatrol::testsupport {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool has_header(const HttpReply& reply, std::string_view name) {
  return std::any_of(reply.headers.begin(), reply.headers.end(),
                     [&](const auto& h) { return iequals(h.first, name); });
}

HttpReply handler_failed(std::string_view what) {
  HttpReply reply;
  reply.status = 500;
  reply.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
  reply.body = "handler failed: " + std::string(what) + "\n";
  return reply;
}

constexpr std::size_t kBodyLimit = 16 * 1024 * 1024;
constexpr auto kTrickleInterval = std::chrono::milliseconds(200);

}  // namespace

// The listener and, for HTTPS, the TLS context; kept out of the header so that users of
// HttpServer do not compile Asio.
struct HttpServer::Impl {
  net::io_context io;
  tcp::acceptor acceptor{io};
  std::optional<ssl::context> tls;
};

// One accepted connection. `mutex` guards `socket` between its own thread (which closes
// it) and stop() (which shuts it down to wake a blocked read or write).
struct HttpServer::Connection {
  explicit Connection(tcp::socket s) : socket(std::move(s)) {}
  std::mutex mutex;
  tcp::socket socket;
  std::thread thread;
  std::atomic<bool> done{false};

  void close(bool reset) {
    std::lock_guard lock(mutex);
    if (!socket.is_open()) return;
    boost::system::error_code ec;
    if (reset) socket.set_option(net::socket_base::linger(true, 0), ec);
    socket.close(ec);
  }
  void wake() {
    std::lock_guard lock(mutex);
    if (socket.is_open()) ::shutdown(socket.native_handle(), SHUT_RDWR);
  }
};

HttpServer::HttpServer(Handler handler, std::string address, unsigned short port,
                       const TlsFiles* tls)
    : handler_(std::move(handler)),
      address_(std::move(address)),
      tls_(tls != nullptr),
      impl_(std::make_unique<Impl>()) {
  if (tls) {
    impl_->tls.emplace(ssl::context::tls_server);
    boost::system::error_code ec;
    impl_->tls->use_certificate_chain_file(tls->cert_file.string(), ec);
    if (!ec) impl_->tls->use_private_key_file(tls->key_file.string(), ssl::context::pem, ec);
    if (ec) {
      throw std::runtime_error("cannot load TLS certificate " + tls->cert_file.string() +
                               " / key " + tls->key_file.string() + ": " + ec.message());
    }
  }
  boost::system::error_code ec;
  const auto ip = net::ip::make_address(address_, ec);
  if (ec) throw std::system_error(ec, "invalid listen address '" + address_ + "'");
  const tcp::endpoint endpoint(ip, port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol());
  acceptor.set_option(net::socket_base::reuse_address(true));
  if (ip.is_v6()) acceptor.set_option(net::ip::v6_only(true));
  acceptor.bind(endpoint, ec);
  if (ec) throw std::system_error(ec, "cannot listen on " + address_ + ":" + std::to_string(port));
  acceptor.listen(net::socket_base::max_listen_connections);
  port_ = acceptor.local_endpoint().port();
  acceptor_thread_ = std::thread([this] { accept_loop(); });
}

HttpServer::~HttpServer() { stop(); }

std::string HttpServer::base_url() const { return app::local_base_url(address_, port_, tls_); }

void HttpServer::stop() {
  std::call_once(stopped_once_, [this] {
    {
      std::lock_guard lock(stop_mutex_);
      stopping_ = true;
    }
    stop_cv_.notify_all();
    // On Linux, shutting a listening socket down makes a blocked accept() return EINVAL.
    ::shutdown(impl_->acceptor.native_handle(), SHUT_RDWR);
    if (acceptor_thread_.joinable()) acceptor_thread_.join();
    boost::system::error_code ec;
    impl_->acceptor.close(ec);

    std::list<std::shared_ptr<Connection>> connections;
    {
      std::lock_guard lock(connections_mutex_);
      connections.swap(connections_);
    }
    for (auto& c : connections) c->wake();
    for (auto& c : connections) {
      if (c->thread.joinable()) c->thread.join();
    }
  });
}

std::vector<HttpRequest> HttpServer::requests() const {
  std::lock_guard lock(log_mutex_);
  return log_;
}

std::size_t HttpServer::requests_seen() const {
  std::lock_guard lock(log_mutex_);
  return log_.size();
}

void HttpServer::accept_loop() {
  while (!stopping_) {
    tcp::socket socket(impl_->io);
    boost::system::error_code ec;
    impl_->acceptor.accept(socket, ec);
    if (stopping_) break;
    if (ec) {  // EMFILE and the like: back off instead of spinning
      sleep_unless_stopped(10);
      continue;
    }
    ++accepted_;
    socket.set_option(tcp::no_delay(true), ec);
    auto connection = std::make_shared<Connection>(std::move(socket));
    reap_finished_connections();
    std::lock_guard lock(connections_mutex_);
    connections_.push_back(connection);
    connection->thread = std::thread([this, connection] { serve(connection); });
  }
}

void HttpServer::reap_finished_connections() {
  std::list<std::shared_ptr<Connection>> finished;
  {
    std::lock_guard lock(connections_mutex_);
    for (auto it = connections_.begin(); it != connections_.end();) {
      if ((*it)->done) {
        finished.push_back(*it);
        it = connections_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& c : finished) c->thread.join();
}

bool HttpServer::sleep_unless_stopped(int ms) {
  std::unique_lock lock(stop_mutex_);
  return !stop_cv_.wait_for(lock, std::chrono::milliseconds(ms),
                            [this] { return stopping_.load(); });
}

void HttpServer::wait_until_stopped() {
  std::unique_lock lock(stop_mutex_);
  stop_cv_.wait(lock, [this] { return stopping_.load(); });
}

void HttpServer::serve(const std::shared_ptr<Connection>& connection) {
  try {
    if (impl_->tls) {
      ssl::stream<tcp::socket&> stream(connection->socket, *impl_->tls);
      boost::system::error_code ec;
      stream.handshake(ssl::stream_base::server, ec);
      if (!ec) serve_stream(stream, *connection);
    } else {
      serve_stream(connection->socket, *connection);
    }
  } catch (...) {
    // A connection's failure is the client's problem, never the server's.
  }
  connection->close(false);
  connection->done = true;
}

HttpReply HttpServer::handle(HttpRequest request) {
  {
    std::lock_guard lock(log_mutex_);
    log_.push_back(request);
  }
  try {
    return handler_(request);
  } catch (const std::exception& e) {
    return handler_failed(e.what());
  } catch (...) {
    return handler_failed("unknown exception");
  }
}

template <class Stream>
void HttpServer::serve_stream(Stream& stream, Connection& connection) {
  boost::beast::flat_buffer buffer;
  while (!stopping_) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(kBodyLimit);
    boost::system::error_code ec;
    http::read_header(stream, buffer, parser, ec);
    if (ec == http::error::end_of_stream || ec == net::error::eof) return;
    if (!ec && iequals(std::string_view(parser.get()[http::field::expect]), "100-continue")) {
      http::response<http::empty_body> cont{http::status::continue_, parser.get().version()};
      http::write(stream, cont, ec);
    }
    if (!ec) http::read(stream, buffer, parser, ec);
    if (ec) {
      if (ec.category() == http::make_error_code(http::error::bad_target).category() &&
          !stopping_) {
        // A malformed request gets a 400, then the connection is closed.
        HttpReply bad;
        bad.status = 400;
        bad.body = "bad request\n";
        send_reply(stream, connection, HttpRequest{}, bad, false);
      }
      return;
    }
    const auto& message = parser.get();
    HttpRequest request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
      request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request.body = message.body();
    const bool keep_alive = message.keep_alive();
    const HttpReply reply = handle(request);
    if (!send_reply(stream, connection, request, reply, keep_alive) || !keep_alive) return;
  }
}

template <class Stream>
bool HttpServer::send_reply(Stream& stream, Connection& connection, const HttpRequest& request,
                            const HttpReply& reply, bool keep_alive) {
  if (reply.delay_ms > 0 && !sleep_unless_stopped(reply.delay_ms)) return false;
  switch (reply.action) {
    case HttpReply::Action::reset:
      connection.close(true);
      return false;
    case HttpReply::Action::hang:
      wait_until_stopped();
      return false;
    case HttpReply::Action::respond:
    case HttpReply::Action::trickle:
      break;
  }

  const bool bodiless = request.method == "HEAD" || app::status_forbids_body(reply.status);
  http::response<http::empty_body> head;
  head.result(static_cast<unsigned>(reply.status));
  head.version(11);
  for (const auto& [name, value] : reply.headers) head.insert(name, value);
  if (!has_header(reply, "content-length") && !app::status_forbids_body(reply.status)) {
    head.content_length(reply.body.size());
  }
  head.keep_alive(keep_alive);

  boost::system::error_code ec;
  http::response_serializer<http::empty_body> serializer(head);
  http::write_header(stream, serializer, ec);
  if (ec || bodiless || reply.body.empty()) return !ec;

  if (reply.action == HttpReply::Action::trickle) {
    for (char byte : reply.body) {
      net::write(stream, net::buffer(&byte, 1), ec);
      if (ec || !sleep_unless_stopped(static_cast<int>(kTrickleInterval.count()))) return false;
    }
    return true;
  }
  net::write(stream, net::buffer(reply.body), ec);
  return !ec;
}

}  // namespace sitepatrol::testsupport
