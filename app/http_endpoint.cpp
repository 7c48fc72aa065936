#include "app/http_endpoint.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <exception>
#include <mutex>
#include <optional>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

namespace sitepatrol::app {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

struct EndpointState {
  Handler handler;
  EndpointLimits limits;
  std::string address;
  unsigned short port = 0;
  std::atomic<std::size_t> open{0};      // sessions alive (declared before the io_context)
  std::atomic<std::size_t> refusing{0};  // 503 answers in flight
  std::optional<net::io_context> io;
  std::optional<tcp::acceptor> acceptor;
  std::optional<net::steady_timer> backoff;  // after a failed accept (EMFILE and the like)
  std::vector<std::thread> threads;
  std::once_flag stopped;
};

namespace {

using Response = http::response<http::string_body>;

constexpr std::size_t kMaxRefusals = 16;

const char* reason_text(int status) {
  switch (status) {
    case 400:
      return "bad request\n";
    case 408:
      return "request timeout\n";
    case 413:
      return "request body too large\n";
    case 414:
      return "request target too long\n";
    case 431:
      return "request header fields too large\n";
    case 500:
      return "internal error\n";
    case 503:
      return "too many connections; try again later\n";
    default:
      return "\n";
  }
}

Response plain(int status, bool keep_alive) {
  Response res{static_cast<http::status>(status), 11};
  res.set(http::field::content_type, "text/plain; charset=utf-8");
  res.body() = reason_text(status);
  res.prepare_payload();
  res.keep_alive(keep_alive);
  return res;
}

Response to_response(const HttpReply& reply, bool head, bool keep_alive) {
  Response res{static_cast<http::status>(reply.status), 11};
  bool has_length = false;
  for (const auto& [name, value] : reply.headers) {
    if (beast::iequals(name, "content-length")) has_length = true;
    res.insert(name, value);
  }
  if (!status_forbids_body(reply.status)) {
    if (!has_length) res.content_length(reply.body.size());
    if (!head) res.body() = reply.body;
  }
  res.keep_alive(keep_alive);
  return res;
}

HttpReply call(const Handler& handler, const HttpRequest& request) {
  try {
    return handler(request);
  } catch (...) {
    HttpReply reply;
    reply.status = 500;
    reply.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
    reply.body = reason_text(500);
    return reply;
  }
}

bool is_disconnect(const error_code& ec) {
  return ec == http::error::end_of_stream || ec == net::error::eof ||
         ec == net::error::connection_reset || ec == net::error::operation_aborted ||
         ec == net::error::broken_pipe;
}

// One client connection: read a request within the limits, answer it, and go on while
// keep-alive holds. Owned by the handlers of its pending operations.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(EndpointState& state, tcp::socket socket)
      : state_(state), stream_(std::move(socket)), deadline_(stream_.get_executor()) {
    ++state_.open;
  }
  ~Session() { --state_.open; }

  void start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

 private:
  const EndpointLimits& limits() const { return state_.limits; }

  // Reads wait on their own timer, not the stream's expiry: a timed-out read cancels the
  // read and leaves the socket open, so the client still gets its 408.
  void arm(std::chrono::milliseconds timeout) {
    timed_out_ = false;
    stream_.expires_never();
    deadline_.expires_after(timeout);
    deadline_.async_wait([self = shared_from_this()](error_code ec) {
      if (ec) return;
      self->timed_out_ = true;
      error_code ignored;
      self->stream_.socket().cancel(ignored);
    });
  }

  void read_header() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(limits().max_header_bytes));
    parser_->body_limit(limits().max_body_bytes);
    arm(limits().header_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](error_code ec, std::size_t) {
                              self->deadline_.cancel();
                              self->on_header(ec);
                            });
  }

  void on_header(error_code ec) {
    if (timed_out_) {
      // Nothing sent on an idle connection: just close it. Half a request: 408.
      if (buffer_.size() > 0 || parser_->got_some()) return refuse(408);
      return close();
    }
    if (ec == http::error::header_limit) return refuse(request_line_too_long() ? 414 : 431);
    if (ec == http::error::body_limit) return refuse(413);  // by its Content-Length
    if (is_disconnect(ec)) return close();
    if (ec) return refuse(400);
    const auto& request = parser_->get();
    if (request.target().size() > limits().max_target_bytes) return refuse(414);
    if (const auto length = parser_->content_length(); length && *length > limits().max_body_bytes)
      return refuse(413);
    if (beast::iequals(request[http::field::expect], "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      stream_.expires_after(limits().write_timeout);
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared_from_this()](error_code e, std::size_t) {
                         if (e) return self->close();
                         self->read_body();
                       });
      return;
    }
    read_body();
  }

  // The header overflowed: was it the request line alone?
  bool request_line_too_long() const {
    if (!parser_->get().target().empty()) return false;  // the request line was read
    const auto data = buffer_.cdata();
    const std::string_view seen(static_cast<const char*>(data.data()), data.size());
    const auto eol = seen.find("\r\n");
    return eol == std::string_view::npos || eol > limits().max_target_bytes;
  }

  void read_body() {
    if (parser_->is_done()) return answer();
    arm(limits().body_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](error_code ec, std::size_t) {
                       self->deadline_.cancel();
                       if (self->timed_out_) return self->refuse(408);
                       if (ec == http::error::body_limit) return self->refuse(413);
                       if (is_disconnect(ec)) return self->close();
                       if (ec) return self->refuse(400);
                       self->answer();
                     });
  }

  void answer() {
    auto message = parser_->release();
    HttpRequest request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
      request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request.body = std::move(message.body());
    error_code ignored;
    const auto peer = stream_.socket().remote_endpoint(ignored);
    if (!ignored) request.remote = peer.address().to_string();
    const bool keep_alive = message.keep_alive();
    const HttpReply reply = call(state_.handler, request);
    send(to_response(reply, message.method() == http::verb::head, keep_alive), keep_alive);
  }

  // An error answer; the connection closes after it.
  void refuse(int status) { send(plain(status, false), false); }

  void send(Response response, bool keep_alive) {
    response_ = std::move(response);
    stream_.expires_after(limits().write_timeout);
    http::async_write(stream_, *response_,
                      [self = shared_from_this(), keep_alive](error_code ec, std::size_t) {
                        self->response_.reset();
                        if (ec || !keep_alive) return self->close();
                        self->read_header();
                      });
  }

  void close() {
    error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    // The socket closes when the last handler holding this session is gone.
  }

  EndpointState& state_;
  beast::tcp_stream stream_;
  net::steady_timer deadline_;
  bool timed_out_ = false;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<Response> response_;
};

// Over the connection cap: a 503, a short wait for the client to take it, then close.
void turn_away(EndpointState& state, tcp::socket socket) {
  struct Refusal {
    Refusal(EndpointState& st, tcp::socket s) : state(st), stream(std::move(s)) {
      ++state.refusing;
    }
    ~Refusal() { --state.refusing; }
    EndpointState& state;
    beast::tcp_stream stream;
    Response response = plain(503, false);
    std::array<char, 4096> drain{};
  };
  auto r = std::make_shared<Refusal>(state, std::move(socket));
  r->response.set(http::field::retry_after, "5");
  r->stream.expires_after(std::chrono::seconds(1));
  r->stream.async_read_some(net::buffer(r->drain), [r](error_code, std::size_t) {
    r->stream.expires_after(std::chrono::seconds(1));
    http::async_write(r->stream, r->response, [r](error_code, std::size_t) {
      error_code ec;
      r->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    });
  });
}

// Connections served at once: the configured cap, but never so many that the rest of the
// process (patrols, probes, the database) is left without file descriptors. Read at every
// accept, since the limit can change while the daemon runs (prlimit).
std::size_t connection_cap(const EndpointLimits& limits) {
  rlimit r{};
  if (::getrlimit(RLIMIT_NOFILE, &r) != 0 || r.rlim_cur == RLIM_INFINITY) {
    return limits.max_connections;
  }
  const rlim_t reserve = std::max<rlim_t>(64, r.rlim_cur / 4);
  const rlim_t room = r.rlim_cur > reserve ? r.rlim_cur - reserve : 1;
  return std::min<std::size_t>(limits.max_connections, static_cast<std::size_t>(room));
}

void accept_next(EndpointState& state) {
  state.acceptor->async_accept(
      net::make_strand(*state.io), [&state](error_code ec, tcp::socket socket) {
        if (!state.acceptor->is_open()) return;
        if (ec) {  // out of descriptors and the like: back off instead of spinning
          state.backoff->expires_after(std::chrono::milliseconds(50));
          state.backoff->async_wait([&state](error_code e) {
            if (!e) accept_next(state);
          });
          return;
        }
        error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        if (state.open.load() >= connection_cap(state.limits)) {
          // A few get a 503; in a flood the rest are closed at once, holding nothing.
          if (state.refusing.load() < kMaxRefusals) turn_away(state, std::move(socket));
        } else {
          std::make_shared<Session>(state, std::move(socket))->start();
        }
        accept_next(state);
      });
}

}  // namespace

HttpEndpoint::HttpEndpoint(Handler handler, const std::string& address, unsigned short port,
                           EndpointLimits limits)
    : state_(std::make_unique<EndpointState>()) {
  auto& s = *state_;
  s.handler = std::move(handler);
  s.limits = limits;
  s.address = address;
  s.io.emplace(std::max(1, limits.threads));
  s.acceptor.emplace(*s.io);
  s.backoff.emplace(*s.io);

  error_code ec;
  const auto ip = net::ip::make_address(address, ec);
  if (ec) throw std::system_error(ec, "invalid listen address '" + address + "'");
  const tcp::endpoint endpoint(ip, port);
  s.acceptor->open(endpoint.protocol());
  s.acceptor->set_option(net::socket_base::reuse_address(true));
  if (ip.is_v6()) s.acceptor->set_option(net::ip::v6_only(true));
  s.acceptor->bind(endpoint, ec);
  if (ec) throw std::system_error(ec, "cannot listen on " + address + ":" + std::to_string(port));
  s.acceptor->listen(net::socket_base::max_listen_connections);
  s.port = s.acceptor->local_endpoint().port();

  accept_next(s);
  for (int i = 0; i < std::max(1, limits.threads); ++i) {
    s.threads.emplace_back([&s] {
      auto guard = net::make_work_guard(*s.io);
      s.io->run();
    });
  }
}

HttpEndpoint::~HttpEndpoint() { stop(); }

unsigned short HttpEndpoint::port() const { return state_->port; }

std::size_t HttpEndpoint::connections() const { return state_->open.load(); }

std::string HttpEndpoint::base_url() const {
  return local_base_url(state_->address, state_->port, false);
}

void HttpEndpoint::stop() {
  auto& s = *state_;
  std::call_once(s.stopped, [&s] {
    s.io->stop();
    for (auto& t : s.threads) t.join();
    // Destroying the io_context destroys the pending handlers, and with them every session
    // and its socket.
    s.backoff.reset();
    s.acceptor.reset();
    s.io.reset();
  });
}

}  // namespace sitepatrol::app
