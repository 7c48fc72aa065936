// Host names in one form: internationalised domain names (www.öko.de, 中国政府网.政务) in
// their ASCII form (www.xn--ko-eka.de), as DNS and every comparison of hosts see them.
//
// libcurl converts an IDN only when the process runs under a UTF-8 locale, and sitepatrol
// runs as a service in the C locale; so the conversion is done here, with libidn2 under
// UTS #46 (non-transitional, falling back to transitional), whatever the locale. The
// configuration (site URLs, aliases, allowed domains, resolve entries) and the crawler's URL
// normal form (crawler/url.h) both go through it, so an approved domain written in Chinese
// matches the host a link names in punycode, and the other way round. Pure, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sitepatrol::config {

// The ASCII, lower-case form of a host name. An ASCII host is only lower-cased; a host with
// non-ASCII characters (UTF-8) is converted to punycode. nullopt when it cannot be converted
// (invalid UTF-8, disallowed characters, an empty label): a URL with such a host is malformed.
std::optional<std::string> host_to_ascii(std::string_view host);

}  // namespace sitepatrol::config
