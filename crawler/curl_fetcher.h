// CurlFetcher: the real Fetcher, libcurl's multi_socket interface on one Boost.Asio
// io_context.
//
// Thread rules: construct, call `fetch` and destroy on the io_context's thread; every
// completion handler runs there too. libcurl drives sockets through two callbacks: the
// socket callback arms waits on a descriptor, the timer callback sets one steady_timer. The
// rules curl's retired asiohiper example got wrong are kept (STYLE.md): a 0 timeout is
// posted, never run inline; libcurl is never called from inside its own callbacks;
// per-socket state is owned by shared_ptr so a pending wait cannot outlive it; and
// curl_multi_info_read is drained after every socket_action.
//
// Connections are reused through the multi handle's cache; DNS results and TLS sessions are
// shared through a CURLSH. The private-address rule is enforced at connect time in the
// open-socket callback, on the resolved address, not the name.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "crawler/fetcher.h"

namespace sitepatrol::crawler {

struct CurlOptions {
  std::string user_agent = "sitepatrol/1.0";
  std::chrono::milliseconds timeout{15000};
  std::chrono::milliseconds connect_timeout{10000};
  long low_speed_limit = 100;     // bytes/s ...
  long low_speed_time_s = 10;     // ... for this long aborts the transfer
  std::vector<std::string> resolve;   // "host:port:address"
  std::string ca_bundle;
  long max_host_connections = 4;
  long max_total_connections = 256;  // open connections, idle ones kept for reuse included
};

class CurlFetcher final : public Fetcher {
 public:
  CurlFetcher(boost::asio::io_context& io, CurlOptions options);
  ~CurlFetcher() override;
  CurlFetcher(const CurlFetcher&) = delete;
  CurlFetcher& operator=(const CurlFetcher&) = delete;

  void fetch(FetchRequest request, FetchHandler done) override;

  std::size_t in_flight() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace sitepatrol::crawler
