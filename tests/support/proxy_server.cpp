#include "tests/support/proxy_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace sitepatrol::testsupport {

namespace {

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool read_exact(int fd, void* out, std::size_t size) {
  auto* p = static_cast<char*>(out);
  while (size > 0) {
    const ssize_t n = ::recv(fd, p, size, 0);
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// Reads up to and including the blank line that ends a head; nullopt on EOF or 64 KiB.
std::optional<std::string> read_head(int fd) {
  std::string head;
  char c = 0;
  while (head.size() < (64u << 10)) {
    if (::recv(fd, &c, 1, 0) != 1) return std::nullopt;
    head += c;
    if (head.ends_with("\r\n\r\n")) return head;
  }
  return std::nullopt;
}

// A TCP connection to `host` (an IPv4/IPv6 literal as written, any name as 127.0.0.1).
int connect_to(std::string host, unsigned short port) {
  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  sockaddr_storage addr{};
  socklen_t len = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&addr);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&addr);
  if (inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    len = sizeof *v6;
  } else {
    if (inet_pton(AF_INET, host.c_str(), &v4->sin_addr) != 1)
      v4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    len = sizeof *v4;
  }
  const int fd = ::socket(addr.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// "host:port" -> host, port (IPv6 in brackets).
bool split_host_port(std::string_view authority, std::string& host, unsigned short& port) {
  const auto colon = authority.rfind(':');
  if (colon == std::string_view::npos || authority.ends_with(']')) return false;
  host = std::string(authority.substr(0, colon));
  port = static_cast<unsigned short>(std::stoi(std::string(authority.substr(colon + 1))));
  return !host.empty();
}

std::string header_value(std::string_view head, std::string_view name) {
  for (std::size_t at = head.find("\r\n"); at != std::string_view::npos;) {
    const std::size_t start = at + 2;
    const std::size_t end = head.find("\r\n", start);
    if (end == std::string_view::npos) break;
    const std::string_view line = head.substr(start, end - start);
    if (line.size() > name.size() && line[name.size()] == ':' &&
        std::equal(name.begin(), name.end(), line.begin(),
                   [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
      std::string_view v = line.substr(name.size() + 1);
      while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
      return std::string(v);
    }
    at = end;
  }
  return {};
}

// Copies bytes both ways until either side closes.
void relay(int a, int b) {
  std::thread back([a, b] {
    char buffer[16384];
    ssize_t n = 0;
    while ((n = ::recv(b, buffer, sizeof buffer, 0)) > 0)
      if (!write_all(a, std::string_view(buffer, static_cast<std::size_t>(n)))) break;
    ::shutdown(a, SHUT_RDWR);
    ::shutdown(b, SHUT_RDWR);
  });
  char buffer[16384];
  ssize_t n = 0;
  while ((n = ::recv(a, buffer, sizeof buffer, 0)) > 0)
    if (!write_all(b, std::string_view(buffer, static_cast<std::size_t>(n)))) break;
  ::shutdown(a, SHUT_RDWR);
  ::shutdown(b, SHUT_RDWR);
  back.join();
}

}  // namespace

struct ProxyServer::Impl {
  int listener = -1;
  std::atomic<bool> stopping{false};
  std::thread acceptor;
  mutable std::mutex mutex;  // everything below
  std::vector<std::string> requests;
  std::vector<std::string> authorizations;
  std::list<int> open;  // sockets to shut on stop
  std::list<std::thread> connections;
  std::once_flag stopped;

  void track(int fd) {
    std::lock_guard lock(mutex);
    open.push_back(fd);
  }
  void close_tracked(int fd) {
    {
      std::lock_guard lock(mutex);
      open.remove(fd);
    }
    ::close(fd);
  }
};

ProxyServer::ProxyServer(Kind kind) : kind_(kind), impl_(std::make_unique<Impl>()) {
  impl_->listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (::bind(impl_->listener, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      ::listen(impl_->listener, 64) != 0 ||
      ::getsockname(impl_->listener, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(impl_->listener);
    throw std::runtime_error("proxy: cannot listen on 127.0.0.1");
  }
  port_ = ntohs(addr.sin_port);
  impl_->acceptor = std::thread([this] { accept_loop(); });
}

ProxyServer::~ProxyServer() { stop(); }

std::string ProxyServer::url(std::string scheme) const {
  if (scheme.empty()) scheme = kind_ == Kind::http ? "http" : "socks5h";
  return scheme + "://127.0.0.1:" + std::to_string(port_);
}

void ProxyServer::stop() {
  std::call_once(impl_->stopped, [this] {
    impl_->stopping = true;
    ::shutdown(impl_->listener, SHUT_RDWR);
    if (impl_->acceptor.joinable()) impl_->acceptor.join();
    ::close(impl_->listener);
    std::list<std::thread> threads;
    {
      std::lock_guard lock(impl_->mutex);
      for (int fd : impl_->open) ::shutdown(fd, SHUT_RDWR);
      threads.swap(impl_->connections);
    }
    for (auto& t : threads) t.join();
  });
}

void ProxyServer::accept_loop() {
  while (!impl_->stopping) {
    const int client = ::accept4(impl_->listener, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) {
      if (impl_->stopping) return;
      continue;
    }
    std::lock_guard lock(impl_->mutex);
    if (impl_->stopping) {
      ::close(client);
      return;
    }
    impl_->open.push_back(client);
    impl_->connections.emplace_back([this, client] {
      if (kind_ == Kind::http)
        serve_http(client);
      else
        serve_socks5(client);
      impl_->close_tracked(client);
    });
  }
}

void ProxyServer::record(std::string request, std::string authorization) {
  std::lock_guard lock(impl_->mutex);
  impl_->requests.push_back(std::move(request));
  if (!authorization.empty()) impl_->authorizations.push_back(std::move(authorization));
}

std::vector<std::string> ProxyServer::requests() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->requests;
}

std::size_t ProxyServer::requests_seen() const { return requests().size(); }

std::size_t ProxyServer::requests_for(const std::string& host) const {
  const auto all = requests();
  return static_cast<std::size_t>(std::ranges::count_if(
      all, [&](const std::string& r) { return r.find(host) != std::string::npos; }));
}

std::vector<std::string> ProxyServer::authorizations() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->authorizations;
}

void ProxyServer::serve_http(int client) {
  const auto head = read_head(client);
  if (!head) return;
  const auto line_end = head->find("\r\n");
  const std::string line = head->substr(0, line_end);
  const auto sp1 = line.find(' ');
  const auto sp2 = line.rfind(' ');
  if (sp1 == std::string::npos || sp2 <= sp1) return;
  const std::string method = line.substr(0, sp1);
  const std::string target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string authorization = header_value(*head, "Proxy-Authorization");
  record(method + " " + target, authorization);

  std::string host;
  unsigned short port = 0;
  if (method == "CONNECT") {
    if (!split_host_port(target, host, port)) return;
    const int upstream = connect_to(host, port);
    if (upstream < 0) {
      write_all(client, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    impl_->track(upstream);
    if (write_all(client, "HTTP/1.1 200 Connection established\r\n\r\n")) relay(client, upstream);
    impl_->close_tracked(upstream);
    return;
  }
  // Absolute form: http://host:port/path -> origin form to the target.
  if (!target.starts_with("http://")) return;
  const auto path_at = target.find('/', 7);
  const std::string authority = target.substr(7, path_at - 7);
  const std::string path = path_at == std::string::npos ? "/" : target.substr(path_at);
  if (!split_host_port(authority, host, port)) {
    host = authority;
    port = 80;
  }
  const int upstream = connect_to(host, port);
  if (upstream < 0) {
    write_all(client, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    return;
  }
  impl_->track(upstream);
  std::string request = method + " " + path + line.substr(sp2) + "\r\n";
  for (std::size_t at = line_end + 2; at < head->size();) {
    const std::size_t end = head->find("\r\n", at);
    const std::string header = head->substr(at, end - at);
    at = end + 2;
    if (header.empty()) break;
    const std::string name = header.substr(0, header.find(':'));
    std::string lower;
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "proxy-authorization" || lower == "proxy-connection" || lower == "connection")
      continue;
    request += header + "\r\n";
  }
  request += "Connection: close\r\n\r\n";
  if (write_all(upstream, request)) {
    // The answer's head gets Connection: close (one request per connection), then the rest.
    if (auto answer = read_head(upstream)) {
      std::string out;
      std::size_t at = 0;
      while (at < answer->size()) {
        const std::size_t end = answer->find("\r\n", at);
        const std::string header = answer->substr(at, end - at);
        at = end + 2;
        if (header.empty()) break;
        if (header.size() >= 11 && strncasecmp(header.c_str(), "connection:", 11) == 0) continue;
        out += header + "\r\n";
      }
      out += "Connection: close\r\n\r\n";
      if (write_all(client, out)) {
        char buffer[16384];
        ssize_t n = 0;
        while ((n = ::recv(upstream, buffer, sizeof buffer, 0)) > 0)
          if (!write_all(client, std::string_view(buffer, static_cast<std::size_t>(n)))) break;
      }
    }
  }
  impl_->close_tracked(upstream);
}

void ProxyServer::serve_socks5(int client) {
  unsigned char greeting[2];
  if (!read_exact(client, greeting, 2) || greeting[0] != 5) return;
  unsigned char methods[255];
  if (!read_exact(client, methods, greeting[1])) return;
  if (!write_all(client, std::string_view("\x05\x00", 2))) return;
  unsigned char request[4];
  if (!read_exact(client, request, 4) || request[0] != 5 || request[1] != 1) return;
  std::string host;
  if (request[3] == 1) {
    unsigned char a[4];
    if (!read_exact(client, a, 4)) return;
    char text[INET_ADDRSTRLEN];
    host = inet_ntop(AF_INET, a, text, sizeof text);
  } else if (request[3] == 4) {
    unsigned char a[16];
    if (!read_exact(client, a, 16)) return;
    char text[INET6_ADDRSTRLEN];
    host = "[" + std::string(inet_ntop(AF_INET6, a, text, sizeof text)) + "]";
  } else if (request[3] == 3) {
    unsigned char n = 0;
    if (!read_exact(client, &n, 1)) return;
    host.resize(n);
    if (!read_exact(client, host.data(), n)) return;
  } else {
    return;
  }
  unsigned char port_bytes[2];
  if (!read_exact(client, port_bytes, 2)) return;
  const unsigned short port = static_cast<unsigned short>(port_bytes[0] << 8 | port_bytes[1]);
  record(host + ":" + std::to_string(port));
  const int upstream = connect_to(host, port);
  // Reply: version, status (0 succeeded, 5 refused), reserved, IPv4 0.0.0.0:0.
  const std::string reply("\x05\x00\x00\x01\x00\x00\x00\x00\x00\x00", 10);
  if (upstream < 0) {
    std::string refused = reply;
    refused[1] = 5;
    write_all(client, refused);
    return;
  }
  impl_->track(upstream);
  if (write_all(client, reply)) relay(client, upstream);
  impl_->close_tracked(upstream);
}

}  // namespace sitepatrol::testsupport
