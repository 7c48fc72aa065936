// The fetcher seam: one HTTP request in, one response out, asynchronously.
//
// `CurlFetcher` (curl_fetcher.h) is the real one; tests may substitute a fake. A fetcher
// does exactly one request: no redirects followed, no retries (requester.h adds those). The
// completion handler runs on the fetcher's io_context thread, never inline in `fetch`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/inputs.h"

namespace sitepatrol::crawler {

struct FetchRequest {
  std::string url;
  bool head = false;
  bool want_body = true;        // false: stop once the headers are in (GET fallback of HEAD)
  bool html_only = false;       // stop reading when the answer is not HTML
  bool want_certinfo = false;   // collect the server certificate's validity (homepage)
  bool allow_private = false;   // may connect to private/loopback/link-local addresses
  std::string proxy;            // proxy URL (config/proxy.h); "" = direct
  std::vector<std::string> headers;  // "Name: value"
  std::string cookies;
  std::string userpwd;          // "user:password" for basic auth
  std::string if_none_match;
  std::string if_modified_since;
  std::size_t max_body = 8u << 20;
};

struct FetchResponse {
  int status = 0;
  checks::FetchError error = checks::FetchError::none;
  std::string error_text;
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case names, last answer
  std::string body;             // decoded (gzip/deflate/br undone)
  bool truncated = false;       // body stopped early (cap, not HTML, headers only)
  double elapsed_ms = 0;
  std::int64_t bytes = 0;       // bytes received on the wire (body, compressed)
  std::string primary_ip;
  checks::TlsInfo tls;

  // First header of that (lower-case) name, "" when absent.
  std::string_view header(std::string_view name) const;
  bool is_html() const;
};

using FetchHandler = std::function<void(FetchResponse)>;

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  virtual void fetch(FetchRequest request, FetchHandler done) = 0;
};

}  // namespace sitepatrol::crawler
