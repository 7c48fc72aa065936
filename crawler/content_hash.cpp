#include "crawler/content_hash.h"

#include <cstdint>
#include <cstdio>

namespace sitepatrol::crawler {

std::string content_hash(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

}  // namespace sitepatrol::crawler
