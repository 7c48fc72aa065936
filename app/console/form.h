// The console's small parsers of what a browser sends: query strings and form bodies
// (application/x-www-form-urlencoded), and cookies. Pure functions; any thread.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "app/http_message.h"

namespace sitepatrol::app::console {

// "a=1&b=%E4%B8%AD+x" -> {a: "1", b: "中 x"}; a name given twice keeps its first value;
// malformed escapes are kept as written.
std::map<std::string, std::string> parse_form(std::string_view text);

// The query string of a target ("/site/x?a=1" -> {a: "1"}).
std::map<std::string, std::string> query_of(const HttpRequest& request);

// For a query string value: everything but unreserved characters percent-encoded.
std::string url_encode(std::string_view text);

// A path of this console to go back to: `back` when it is local, absolute and not
// protocol-relative, else "/".
std::string local_path(std::string_view back);

// The value of cookie `name` in the request's Cookie header; "" when absent.
std::string cookie(const HttpRequest& request, std::string_view name);

}  // namespace sitepatrol::app::console
