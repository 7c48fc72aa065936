// The proxy settings: `[patrol] proxy`, `[patrol] no_proxy` and `[[site]] proxy`.
//
// A proxy is written as a URL: http://host:port, https://host:port, socks5://host:port
// (names resolved here, the address sent to the proxy) or socks5h://host:port (the proxy
// resolves names), optionally with credentials (http://user:password@host:port). Nothing
// but a scheme, credentials, a host and a port: a path, query or fragment is a mistake.
// Environment variables (http_proxy, no_proxy) are never read: a nightly patrol behaves the
// same whoever starts it. Credentials are never printed: every message that names a proxy
// goes through mask_proxy_credentials. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::config {

// Validates a proxy URL in place (scheme lower-cased); "" is fine (no proxy). Returns a
// message ("" when the URL is good) that never quotes the credentials.
std::string check_proxy_url(std::string& url);

// "http://user:secret@host:3128" -> "http://***@host:3128"; anything else is unchanged.
std::string mask_proxy_credentials(std::string_view url);

// Validates one no_proxy entry in place: "*" (every host), or a domain that covers itself and
// its subdomains ("gov.cn", ".gov.cn" and "*.gov.cn" alike), or an IPv4 address.
std::string check_no_proxy_entry(std::string& entry);

// Whether a request to `host` goes direct under `no_proxy`, as curl's NO_PROXY reads it
// (ports are not considered).
bool bypasses_proxy(const std::vector<std::string>& no_proxy, std::string_view host);

}  // namespace sitepatrol::config
