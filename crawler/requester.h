// Requester: one logical request as the patrol sees it — through the host gate, with
// bounded retries and backoff, redirects followed hop by hop (each hop recorded, loops
// detected), and HEAD falling back to a headers-only GET where servers refuse HEAD.
//
// Thread rules: used only on the io_context's thread; the callback runs there.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "crawler/fetcher.h"
#include "crawler/host_gate.h"

namespace sitepatrol::crawler {

struct Outcome {
  std::string url;                    // as requested
  std::string final_url;              // after redirects
  std::vector<std::string> redirects; // each hop after the first
  std::string method;                 // of the last request: GET or HEAD
  FetchResponse response;             // the last answer
  checks::FetchError error = checks::FetchError::none;  // overall
  std::string error_text;
  double elapsed_ms = 0;              // all hops and retries together
};

struct RequesterOptions {
  int max_redirects = 10;
  int max_retries = 2;
  std::chrono::milliseconds backoff{500};        // doubled each retry
  std::chrono::milliseconds max_retry_after{30000};
};

// Builds the request for one hop (headers, auth and private-address permission depend on
// the host the hop goes to).
using RequestFactory = std::function<FetchRequest(const std::string& url)>;
using OutcomeHandler = std::function<void(Outcome)>;

class Requester {
 public:
  Requester(boost::asio::io_context& io, Fetcher& fetcher, HostGate& gate,
            RequestFactory factory, RequesterOptions options);

  // GET, following redirects; `shape` sets html_only/want_body/certinfo/validators of the
  // first hop (the factory's request is the base).
  void get(const std::string& url, std::function<void(FetchRequest&)> shape,
           OutcomeHandler done);
  // HEAD, falling back to a headers-only GET on 405, 403 and 501; following redirects.
  void check(const std::string& url, OutcomeHandler done);

 private:
  struct Job;
  void attempt(std::shared_ptr<Job> job);
  void answered(std::shared_ptr<Job> job, FetchResponse response);
  void retry_later(std::shared_ptr<Job> job, std::chrono::milliseconds wait);
  void complete(std::shared_ptr<Job> job);

  boost::asio::io_context& io_;
  Fetcher& fetcher_;
  HostGate& gate_;
  RequestFactory factory_;
  RequesterOptions options_;
};

// Seconds of a Retry-After header (delta or HTTP date); nullopt when absent or unreadable.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now);

}  // namespace sitepatrol::crawler
