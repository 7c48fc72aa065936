// Which network addresses a crawler inside a ministry network must not connect to.
//
// README: a link to a private, loopback or link-local address is not fetched unless
// allow_private_networks is set. The fetcher asks this at connect time (curl's
// CURLOPT_OPENSOCKETFUNCTION), so a public name that resolves to a private address, or a
// redirect to one, is caught too. IPv6 forms that embed an IPv4 address (mapped ::ffff:a.b.c.d,
// compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that address.
// Pure functions, thread-safe.
#pragma once

#include <string_view>

struct sockaddr;

namespace sitepatrol::crawler {

// True for IPv4 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.168/16, 198.18/15,
// 224/4 and everything above (multicast, reserved, broadcast); IPv6 ::, ::1, fc00::/7,
// fe80::/10, fec0::/10, ff00::/8. Any other address family counts as private (fail closed).
bool is_private_address(const sockaddr* sa);

// The same for an address literal: "10.0.0.1", "::1", "[fe80::1%eth0]", and the numeric
// IPv4 shorthands resolvers accept ("127.1", "0x7f.0.0.1", "2130706433"). False for a
// string that is not an address literal (a host name): names are judged after resolution.
bool is_private_address(std::string_view address);

}  // namespace sitepatrol::crawler
