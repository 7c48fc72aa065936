// The private-address guard for a request that goes through a proxy: it judges the target,
// not the proxy.
//
// Without a proxy the fetcher checks the address curl connects to (address_policy.h). With
// one, curl connects to the proxy (which may well be on loopback, and is the operator's own
// choice), and an HTTP or socks5h proxy resolves the target's name itself. So the target is
// judged before the request: an address literal directly; a name by the `resolve` setting's
// entry for its host and port when there is one, else by the local resolver (asynchronously,
// on Asio's resolver thread). A name the local resolver cannot resolve is left to the proxy
// (in a network whose only way out is the proxy, outside names resolve nowhere else); a
// proxy that resolves a name to another address than the local resolver does is the
// documented residual limit (docs/security.md).
//
// Thread rules: construct and call on the io_context's thread; `done` runs there, never
// inline in judge().
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

namespace sitepatrol::crawler {

class ProxyTarget {
 public:
  // `resolve`: the [patrol] resolve entries, "host:port:address[,address...]".
  ProxyTarget(boost::asio::io_context& io, std::vector<std::string> resolve);

  // Calls done(true) when the host of `url` is, or resolves to, a private address.
  void judge(const std::string& url, std::function<void(bool is_private)> done);

 private:
  boost::asio::io_context& io_;
  std::vector<std::string> resolve_;
};

}  // namespace sitepatrol::crawler
