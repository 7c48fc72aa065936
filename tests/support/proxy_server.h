// Loopback proxies for tests: an HTTP forward proxy (absolute-form requests and CONNECT
// tunnels) and a SOCKS5 server (no authentication; IPv4, IPv6 and name targets), each
// recording what it relayed so a test can assert that a request went through it, or not.
//
// The proxy's own name resolution is a test fixture's: every target name is reached on
// 127.0.0.1 at the port asked for (a test site's real-looking name, www.site.example, means
// the fixture server on loopback); an address literal is reached as written. The HTTP proxy
// relays one request per client connection (it answers with Connection: close).
//
// Threads: one acceptor thread and one or two threads per connection; every public member
// may be called from any thread. stop() (and the destructor) closes the listener, shuts every
// open socket and joins all threads.
#pragma once

#include <atomic>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sitepatrol::testsupport {

class ProxyServer {
 public:
  enum class Kind { http, socks5 };

  // Listens on 127.0.0.1, an ephemeral port.
  explicit ProxyServer(Kind kind);
  ~ProxyServer();
  ProxyServer(const ProxyServer&) = delete;
  ProxyServer& operator=(const ProxyServer&) = delete;

  unsigned short port() const { return port_; }
  // "http://127.0.0.1:PORT" or "socks5h://127.0.0.1:PORT" (`scheme` overrides the scheme).
  std::string url(std::string scheme = "") const;

  // What was relayed, in arrival order: "GET http://host:port/path", "HEAD ...",
  // "CONNECT host:port" (HTTP), "host:port" (SOCKS5).
  std::vector<std::string> requests() const;
  std::size_t requests_seen() const;
  // How many relayed requests name this host (in the target).
  std::size_t requests_for(const std::string& host) const;
  // Proxy-Authorization headers the HTTP proxy received, in order.
  std::vector<std::string> authorizations() const;

  void stop();

 private:
  struct Impl;
  void accept_loop();
  void serve_http(int client);
  void serve_socks5(int client);
  void record(std::string request, std::string authorization = "");

  Kind kind_;
  unsigned short port_ = 0;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitepatrol::testsupport
