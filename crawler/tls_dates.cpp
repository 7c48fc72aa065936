#include "crawler/tls_dates.h"

#include <ctime>
#include <string>

namespace sitepatrol::crawler {

std::optional<std::int64_t> parse_cert_date(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  std::string s(text);
  std::tm tm{};
  const char* end = strptime(s.c_str(), "%b %d %H:%M:%S %Y", &tm);
  if (!end) return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm));
}

}  // namespace sitepatrol::crawler
