// Private-address classification (see address_policy.h).
#include "crawler/address_policy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

namespace sitepatrol::crawler {
namespace {

// `ip` in host byte order.
bool private_v4(std::uint32_t ip) {
  struct Range {
    std::uint32_t net;
    int bits;
  };
  static constexpr Range kRanges[] = {
      {0x00000000, 8},   // "this network"
      {0x0A000000, 8},   // 10/8
      {0x64400000, 10},  // 100.64/10 carrier-grade NAT
      {0x7F000000, 8},   // loopback
      {0xA9FE0000, 16},  // link-local
      {0xAC100000, 12},  // 172.16/12
      {0xC0A80000, 16},  // 192.168/16
      {0xC6120000, 15},  // 198.18/15 benchmarking
      {0xE0000000, 3},   // 224/4 multicast, 240/4 reserved, 255.255.255.255
  };
  for (const Range& r : kRanges) {
    std::uint32_t mask = ~std::uint32_t{0} << (32 - r.bits);
    if ((ip & mask) == r.net) return true;
  }
  return false;
}

std::uint32_t v4_at(const std::uint8_t* b) {
  return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
         std::uint32_t{b[3]};
}

bool private_v6(const std::uint8_t* b) {
  static constexpr std::uint8_t kZero[16] = {};
  // ::, ::1 and ::a.b.c.d (IPv4-compatible, deprecated but still routed by some stacks).
  if (std::memcmp(b, kZero, 12) == 0) {
    return v4_at(b + 12) <= 1 || private_v4(v4_at(b + 12));
  }
  // ::ffff:a.b.c.d (mapped) and ::ffff:0:a.b.c.d (translated).
  static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  static constexpr std::uint8_t kTranslated[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0};
  if (std::memcmp(b, kMapped, 12) == 0 || std::memcmp(b, kTranslated, 12) == 0) {
    return private_v4(v4_at(b + 12));
  }
  // 64:ff9b::/96 NAT64.
  static constexpr std::uint8_t kNat64[12] = {0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, kNat64, 12) == 0) return private_v4(v4_at(b + 12));
  // 2002::/16 6to4: the IPv4 address follows the prefix.
  if (b[0] == 0x20 && b[1] == 0x02) return private_v4(v4_at(b + 2));
  if ((b[0] & 0xFE) == 0xFC) return true;                  // fc00::/7 unique local
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return true;  // fe80::/10 link-local
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return true;  // fec0::/10 old site-local
  if (b[0] == 0xFF) return true;                           // ff00::/8 multicast
  return false;
}

// inet_aton's numeric forms, but only when the whole string is one: inet_aton itself
// stops at the first space and accepts what follows.
bool parse_v4_shorthand(const std::string& s, in_addr& out) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
              c == 'x' || c == 'X' || c == '.';
    if (!ok) return false;
  }
  return inet_aton(s.c_str(), &out) != 0;
}

}  // namespace

bool is_private_address(const sockaddr* sa) {
  if (!sa) return true;
  if (sa->sa_family == AF_INET) {
    sockaddr_in in;
    std::memcpy(&in, sa, sizeof in);
    return private_v4(ntohl(in.sin_addr.s_addr));
  }
  if (sa->sa_family == AF_INET6) {
    sockaddr_in6 in6;
    std::memcpy(&in6, sa, sizeof in6);
    return private_v6(in6.sin6_addr.s6_addr);
  }
  return true;
}

bool is_private_address(std::string_view address) {
  if (address.size() >= 2 && address.front() == '[' && address.back() == ']') {
    address = address.substr(1, address.size() - 2);
  }
  address = address.substr(0, address.find('%'));  // zone id: fe80::1%eth0
  if (address.empty() || address.size() > 64) return false;
  std::string s(address);
  in6_addr v6;
  if (inet_pton(AF_INET6, s.c_str(), &v6) == 1) return private_v6(v6.s6_addr);
  in_addr v4;
  if (inet_pton(AF_INET, s.c_str(), &v4) == 1 || parse_v4_shorthand(s, v4)) {
    return private_v4(ntohl(v4.s_addr));
  }
  return false;
}

}  // namespace sitepatrol::crawler
