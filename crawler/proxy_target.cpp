#include "crawler/proxy_target.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>

#include "crawler/address_policy.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {

namespace asio = boost::asio;

namespace {

bool same_host(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// The addresses of the resolve entry for host:port, or nullopt when there is none.
std::optional<std::vector<std::string>> pinned(const std::vector<std::string>& entries,
                                               std::string_view host, const std::string& port) {
  for (const auto& e : entries) {
    const auto first = e.find(':');
    const auto second = e.find(':', first + 1);
    if (first == std::string::npos || second == std::string::npos) continue;
    if (!same_host(std::string_view(e).substr(0, first), host) ||
        e.substr(first + 1, second - first - 1) != port) {
      continue;
    }
    std::vector<std::string> addresses;
    std::string_view rest = std::string_view(e).substr(second + 1);
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      addresses.emplace_back(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    return addresses;
  }
  return std::nullopt;
}

}  // namespace

ProxyTarget::ProxyTarget(asio::io_context& io, std::vector<std::string> resolve)
    : io_(io), resolve_(std::move(resolve)) {}

void ProxyTarget::judge(const std::string& url, std::function<void(bool)> done) {
  const auto parts = split_url(url);
  std::string host = parts ? parts->host : std::string();
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  const std::string port = parts ? std::to_string(parts->port) : std::string();

  auto answer = [this, &done](bool is_private) {
    asio::post(io_, [done = std::move(done), is_private] { done(is_private); });
  };
  if (host.empty()) return answer(true);  // nothing to judge: fail closed
  if (is_private_address(std::string_view(host))) return answer(true);
  if (auto addresses = pinned(resolve_, host, port)) {
    return answer(std::ranges::any_of(
        *addresses, [](const std::string& a) { return is_private_address(std::string_view(a)); }));
  }
  // An address literal that is not private needs no lookup.
  boost::system::error_code ec;
  asio::ip::make_address(host, ec);
  if (!ec) return answer(false);

  auto resolver = std::make_shared<asio::ip::tcp::resolver>(io_);
  resolver->async_resolve(
      host, port,
      [resolver, done = std::move(done)](const boost::system::error_code& error,
                                         const asio::ip::tcp::resolver::results_type& results) {
        if (error) return done(false);  // left to the proxy (see the header)
        const bool is_private = std::ranges::any_of(
            results, [](const auto& entry) { return is_private_address(entry.endpoint().data()); });
        done(is_private);
      });
}

}  // namespace sitepatrol::crawler
