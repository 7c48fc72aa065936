// Serving a directory of static files: the demo site (app/http_endpoint.h) and test fixtures.
//
// GET and HEAD only (anything else: 405 with Allow). Paths are percent-decoded; a path with
// a ".." segment, a backslash or a NUL, or one that resolves (through symlinks) outside the
// root, is refused with 403. A directory answers with its index.html (a directory requested
// without the trailing slash is redirected, 301, to the slash form, as nginx does).
//
// Character set rule for text types (html, htm, txt, css, js, xml, json): UTF-8, unless
// the file name carries ".gbk." before its extension ("t20190315_1123.gbk.html"), in which
// case the file is sent as is with "charset=gbk": the bytes on disk must then be GBK.
//
// Validators: Last-Modified from the file's mtime and a strong ETag from its size and
// mtime; If-None-Match (which takes precedence) and If-Modified-Since yield 304.
// A missing file yields 404 with a Chinese page (not_found_reply()). No security headers
// are added: a caller that wants them adds them to the reply.
//
// Pure functions of the filesystem; thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "app/http_message.h"

namespace sitepatrol::app {

HttpReply serve_static(const std::filesystem::path& root, const HttpRequest& request);

// The 404 answer serve_static gives, for handlers that route before falling back to files.
HttpReply not_found_reply();

// The Content-Type serve_static sends for a file name, e.g. "text/html; charset=utf-8".
std::string content_type_for(std::string_view file_name);

}  // namespace sitepatrol::app
