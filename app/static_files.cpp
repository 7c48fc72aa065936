#include "app/static_files.h"

#include "checks/percent_escape.h"
#include "config/ascii.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace sitepatrol::app {

namespace fs = std::filesystem;

namespace {

// Percent-decodes a URL path; nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    const auto byte = checks::escaped_byte(in, i);
    if (!byte) return std::nullopt;
    out += static_cast<char>(*byte);
    i += 2;
  }
  return out;
}

// The decoded path's segments, or nullopt when the path must be refused.
std::optional<std::vector<std::string>> safe_segments(std::string_view decoded) {
  if (decoded.empty() || decoded.front() != '/') return std::nullopt;
  if (decoded.find('\0') != std::string_view::npos ||
      decoded.find('\\') != std::string_view::npos) {
    return std::nullopt;
  }
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= decoded.size()) {
    const std::size_t end = std::min(decoded.find('/', start), decoded.size());
    const std::string_view segment = decoded.substr(start, end - start);
    if (segment == "..") return std::nullopt;
    if (!segment.empty() && segment != ".") segments.emplace_back(segment);
    start = end + 1;
  }
  return segments;
}

std::string http_date(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

std::optional<std::time_t> parse_http_date(const std::string& s) {
  std::tm tm{};
  const char* end = strptime(s.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (end == nullptr) return std::nullopt;
  return timegm(&tm);
}

// mtime as seconds since the Unix epoch, plus nanoseconds for the ETag.
std::pair<std::time_t, long long> mtime_of(const fs::path& p) {
  const auto ft = fs::last_write_time(p);
  const auto sys = std::chrono::file_clock::to_sys(ft);
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(sys.time_since_epoch());
  return {static_cast<std::time_t>(ns.count() / 1'000'000'000), ns.count()};
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match.find('*') != std::string_view::npos) return true;
  std::size_t start = 0;
  while (start < if_none_match.size()) {
    std::size_t end = if_none_match.find(',', start);
    if (end == std::string_view::npos) end = if_none_match.size();
    std::string_view tag = if_none_match.substr(start, end - start);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);  // weak comparison, RFC 9110 §13.1.2
    if (tag == etag) return true;
    start = end + 1;
  }
  return false;
}

HttpReply plain(int status, std::string body) {
  HttpReply reply;
  reply.status = status;
  reply.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
  reply.body = std::move(body);
  return reply;
}

}  // namespace

std::string content_type_for(std::string_view file_name) {
  const std::string name = ascii_lower(file_name);
  const auto dot = name.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : name.substr(dot + 1);
  const bool gbk = name.find(".gbk.") != std::string::npos;
  const std::string charset = gbk ? "; charset=gbk" : "; charset=utf-8";
  if (ext == "html" || ext == "htm" || ext == "shtml") return "text/html" + charset;
  if (ext == "txt") return "text/plain" + charset;
  if (ext == "css") return "text/css" + charset;
  if (ext == "js") return "application/javascript" + charset;
  if (ext == "xml") return "application/xml" + charset;
  if (ext == "json") return "application/json" + charset;
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "gif") return "image/gif";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "ico") return "image/x-icon";
  if (ext == "webp") return "image/webp";
  if (ext == "pdf") return "application/pdf";
  if (ext == "doc") return "application/msword";
  if (ext == "docx")
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (ext == "xls") return "application/vnd.ms-excel";
  if (ext == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (ext == "zip") return "application/zip";
  if (ext == "rar") return "application/vnd.rar";
  return "application/octet-stream";
}

HttpReply not_found_reply() {
  HttpReply reply;
  reply.status = 404;
  reply.headers = {{"Content-Type", "text/html; charset=utf-8"}};
  reply.body =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<title>404 页面未找到</title></head>\n<body style=\"font-family:sans-serif;"
      "text-align:center;padding:60px\"><h1>404</h1>"
      "<p>抱歉，您访问的页面未找到，可能已被删除或地址有误。</p>"
      "<p><a href=\"/\">返回首页</a></p></body></html>\n";
  return reply;
}

HttpReply serve_static(const fs::path& root, const HttpRequest& request) {
  if (request.method != "GET" && request.method != "HEAD") {
    HttpReply reply = plain(405, "method not allowed\n");
    reply.headers.emplace_back("Allow", "GET, HEAD");
    return reply;
  }
  const std::string raw_path = request.path();
  const auto decoded = percent_decode(raw_path);
  if (!decoded) return plain(400, "bad request\n");
  const auto segments = safe_segments(*decoded);
  if (!segments) return plain(403, "forbidden\n");

  std::error_code ec;
  const fs::path canonical_root = fs::canonical(root, ec);
  if (ec) return not_found_reply();
  fs::path file = canonical_root;
  for (const auto& s : *segments) file /= s;

  if (fs::is_directory(file, ec)) {
    if (!raw_path.ends_with('/')) {
      const auto query = request.target.find('?');
      const std::string location =
          raw_path + "/" + (query == std::string::npos ? "" : request.target.substr(query));
      HttpReply reply = plain(301, "moved\n");
      reply.headers.emplace_back("Location", location);
      return reply;
    }
    file /= "index.html";
  }
  const fs::path resolved = fs::canonical(file, ec);
  if (ec || !fs::is_regular_file(resolved, ec)) return not_found_reply();
  // Symlinks must not lead outside the root.
  const auto rel = resolved.lexically_relative(canonical_root);
  if (rel.empty() || *rel.begin() == "..") return plain(403, "forbidden\n");

  const auto size = fs::file_size(resolved, ec);
  if (ec) return not_found_reply();
  const auto [mtime, mtime_ns] = mtime_of(resolved);
  char etag[64];
  std::snprintf(etag, sizeof etag, "\"%llx-%llx\"", static_cast<unsigned long long>(size),
                static_cast<unsigned long long>(mtime_ns));
  const std::string last_modified = http_date(mtime);

  HttpReply reply;
  reply.headers = {{"Content-Type", content_type_for(resolved.filename().string())},
                   {"Last-Modified", last_modified},
                   {"ETag", etag}};

  const std::string if_none_match = request.header("if-none-match");
  bool not_modified = false;
  if (!if_none_match.empty()) {
    not_modified = etag_matches(if_none_match, etag);
  } else if (const auto since = parse_http_date(request.header("if-modified-since"))) {
    not_modified = mtime <= *since;
  }
  if (not_modified) {
    reply.status = 304;
    return reply;
  }

  std::ifstream in(resolved, std::ios::binary);
  if (!in) return not_found_reply();
  reply.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return reply;
}

}  // namespace sitepatrol::app
