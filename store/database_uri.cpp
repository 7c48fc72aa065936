#include "store/database_uri.h"

#include <vector>

namespace sitepatrol::store {

bool is_database_uri(std::string_view database) {
  return database.starts_with("postgresql://") || database.starts_with("postgres://");
}

std::string without_password(std::string_view database) {
  if (!is_database_uri(database)) return std::string(database);
  const std::size_t query = database.find('?');
  std::string out(database.substr(0, query));
  // The authority's "user:password@": a ':' before the last '@' ahead of the path.
  const std::size_t authority = out.find("://") + 3;
  const std::size_t at = out.rfind('@', out.find('/', authority));
  if (at != std::string::npos && at > authority) {
    const std::size_t colon = out.find(':', authority);
    if (colon < at) out.erase(colon, at - colon);
  }
  if (query == std::string_view::npos) return out;
  // The query's parameters but password=...
  std::string kept;
  std::string_view rest = database.substr(query + 1);
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view param = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (param.starts_with("password=")) continue;
    kept += kept.empty() ? "" : "&";
    kept += param;
  }
  return kept.empty() ? out : out + "?" + kept;
}

}  // namespace sitepatrol::store
