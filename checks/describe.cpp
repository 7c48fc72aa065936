#include "checks/describe.h"

namespace sitepatrol::checks {
namespace {

std::string with_text(std::string_view prefix, std::string_view text, std::string_view fallback) {
  return std::string(prefix) + std::string(text.empty() ? fallback : text);
}

}  // namespace

std::string describe_fetch(int status, FetchError error, std::string_view error_text,
                           int timeout_s) {
  switch (error) {
    case FetchError::none:
    case FetchError::too_large:
      return status > 0 ? "HTTP " + std::to_string(status) : std::string("no HTTP answer");
    case FetchError::dns:
      return with_text("DNS: ", error_text, "could not resolve host");
    case FetchError::connect:
      return with_text("connect: ", error_text, "connection failed");
    case FetchError::tls:
      return with_text("TLS: ", error_text, "handshake failed");
    case FetchError::timeout:
      return "timeout after " + std::to_string(timeout_s) + " s";
    case FetchError::reset:
      return with_text("connection reset: ", error_text, "closed before the answer was complete");
    case FetchError::blocked_private:
      return "not fetched: private network address";
    case FetchError::redirect_loop:
      return "redirect loop";
    case FetchError::too_many_redirects:
      return "too many redirects";
    case FetchError::robots:
      return "not fetched: disallowed by robots.txt";
    case FetchError::other:
      return with_text("", error_text, "fetch failed");
  }
  return "fetch failed";
}

Detail fetch_detail(int status, FetchError error, std::string_view error_text, int timeout_s) {
  Detail d{describe_fetch(status, error, error_text, timeout_s), "", {}};
  if (error == FetchError::none || error == FetchError::too_large) {
    d.code = status > 0 ? "fetch.http" : "fetch.no_answer";
    if (status > 0) d.args = {{"status", std::to_string(status)}};
  } else if (error == FetchError::timeout) {
    d.code = "fetch.timeout";
    d.args = {{"seconds", std::to_string(timeout_s)}};
  } else {
    d.code = "fetch." + std::string(to_string(error));
    d.args = {{"error_text", std::string(error_text)}};
  }
  return d;
}

}  // namespace sitepatrol::checks
