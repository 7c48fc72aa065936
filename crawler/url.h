// URL handling: resolution against a base, normalisation (docs/findings.md), host helpers.
//
// Built on curl's URL API. Normal form: lower-case scheme and host, default port dropped,
// fragment dropped, empty path becomes "/", dot segments removed, percent-encoding
// normalised (hex upper-case, unreserved characters decoded, spaces and non-ASCII bytes
// encoded), IDN hosts in punycode (config/idn.h: www.öko.de is www.xn--ko-eka.de, whatever
// the locale). Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sitepatrol::crawler {

// Resolves `ref` (an href as found in a page, already UTF-8) against `base` and normalises
// it. nullopt for what is not a fetchable http(s) URL: mailto:, javascript:, tel:, data:,
// empty or malformed references.
std::optional<std::string> resolve_url(std::string_view base, std::string_view ref);

// The scheme of a reference as a browser reads it, lower case ("ftp", "javascript"); ""
// for a relative reference.
std::string reference_scheme(std::string_view ref);

// Why resolve_url gave nothing for `ref`: true when a reader following it would get nowhere
// because it cannot be parsed ("http://localhost]", "http://", "http://exa mple.com/"),
// false for what is simply not fetched (mailto:, javascript:, tel:, data:, ftp:, ...,
// empty references and bare fragments). Meaningful only after resolve_url failed.
bool is_malformed_reference(std::string_view ref);

// Normalises an absolute http(s) URL; nullopt when it is not one.
std::optional<std::string> normalize_url(std::string_view url);

struct UrlParts {
  std::string scheme;   // http | https
  std::string host;     // lower case, IPv6 without brackets
  int port = 0;         // explicit or default (80/443)
  std::string path;     // with query, without fragment
};
std::optional<UrlParts> split_url(std::string_view url);

// The host of an absolute URL ("" when it has none).
std::string url_host(std::string_view url);

// Whether a host lies within a domain is checks::host_within (checks/host.h).

// The extension of the URL's path, lower case, without the dot ("pdf" for /a/B.PDF?x=1); ""
// when the last path segment has none, or one longer than 8 characters.
std::string url_extension(std::string_view url);

// Guesses from the path's extension whether a URL names a non-HTML resource (images,
// documents, archives, media, scripts, styles), which is checked with HEAD, not crawled.
bool looks_like_resource(std::string_view url);

}  // namespace sitepatrol::crawler
