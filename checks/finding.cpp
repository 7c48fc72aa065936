#include "checks/finding.h"

#include "checks/inputs.h"

namespace sitepatrol::checks {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
    case Severity::critical:
      return "critical";
  }
  return "error";
}

std::string_view arg_of(const DetailArgs& args, std::string_view key) {
  for (const DetailArg& a : args) {
    if (a.key == key) return a.value;
  }
  return {};
}

std::optional<Severity> parse_severity(std::string_view s) {
  for (Severity v : {Severity::info, Severity::warning, Severity::error, Severity::critical}) {
    if (to_string(v) == s) return v;
  }
  return std::nullopt;
}

std::string_view to_string(FetchError e) {
  switch (e) {
    case FetchError::none:
      return "none";
    case FetchError::dns:
      return "dns";
    case FetchError::connect:
      return "connect";
    case FetchError::tls:
      return "tls";
    case FetchError::timeout:
      return "timeout";
    case FetchError::reset:
      return "reset";
    case FetchError::too_large:
      return "too_large";
    case FetchError::blocked_private:
      return "blocked_private";
    case FetchError::redirect_loop:
      return "redirect_loop";
    case FetchError::too_many_redirects:
      return "too_many_redirects";
    case FetchError::robots:
      return "robots";
    case FetchError::other:
      return "other";
  }
  return "other";
}

FetchError fetch_error_named(std::string_view name) {
  for (int e = static_cast<int>(FetchError::none); e < static_cast<int>(FetchError::other); ++e) {
    if (to_string(static_cast<FetchError>(e)) == name) return static_cast<FetchError>(e);
  }
  return FetchError::other;
}

}  // namespace sitepatrol::checks
