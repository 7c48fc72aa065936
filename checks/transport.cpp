#include "checks/transport.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "checks/emit.h"
#include "checks/host.h"
#include "config/ascii.h"

namespace sitepatrol::checks {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

std::string_view trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Calls `f(directive)` for each ';'- or ','-separated part of a header value, trimmed and
// lower-cased (several headers of one name and a comma-joined one read the same).
template <typename F>
bool any_directive(std::string_view value, F f) {
  while (!value.empty()) {
    const auto end = value.find_first_of(";,");
    if (f(ascii_lower(trimmed(value.substr(0, end))))) return true;
    if (end == std::string_view::npos) break;
    value.remove_prefix(end + 1);
  }
  return false;
}

template <typename F>
bool any_header(const Headers& headers, std::string_view name, F f) {
  return std::ranges::any_of(headers,
                             [&](const auto& h) { return h.first == name && f(h.second); });
}

bool hsts_enabled(std::string_view value) {
  return any_directive(value, [](const std::string& d) {
    if (!d.starts_with("max-age")) return false;
    std::string_view v = trimmed(std::string_view(d).substr(7));
    if (!v.starts_with('=')) return false;
    v = trimmed(v.substr(1));
    if (v.starts_with('"')) v.remove_prefix(1);
    // Any non-zero digit before the number ends means max-age > 0.
    for (const char c : v) {
      if (c < '0' || c > '9') break;
      if (c != '0') return true;
    }
    return false;
  });
}

bool nosniff(std::string_view value) { return ascii_lower(trimmed(value)) == "nosniff"; }

bool has_frame_ancestors(std::string_view value) {
  return any_directive(value, [](const std::string& d) {
    return d == "frame-ancestors" || d.starts_with("frame-ancestors ");
  });
}

bool homepage_answered(const PageResult& home) {
  return (home.error == FetchError::none || home.error == FetchError::too_large) &&
         home.status >= 200 && home.status <= 299;
}

bool is_https(std::string_view url) { return url.starts_with("https://"); }

bool is_active(std::string_view kind) {
  return kind == "script" || kind == "iframe" || kind == "frame" || kind == "link" ||
         kind == "object" || kind == "embed";
}

}  // namespace

bool is_subresource(std::string_view kind) {
  constexpr std::array<std::string_view, 11> kinds = {"img",   "script", "link",   "iframe",
                                                      "frame", "embed",  "source", "audio",
                                                      "video", "track",  "object"};
  return std::ranges::find(kinds, kind) != kinds.end();
}

void check_transport(const SiteContext& ctx, const SiteResult& result, Findings& out) {
  const PageResult& home = result.homepage;
  if (!homepage_answered(home)) return;
  const std::string& url = home.final_url.empty() ? home.url : home.final_url;
  const std::string host(host_of(url));
  if (host.empty()) return;
  const bool https = is_https(url);

  if (url.starts_with("http://")) {
    Detail detail{"homepage served over plain HTTP", "sec.plain_http"};
    if (is_https(home.url)) {
      detail.text += " (" + home.url + " redirects to " + url + ")";
      detail.code = "sec.https_redirects_to_http";
      detail.args = {{"from", home.url}, {"to", url}};
    }
    emit(ctx, out, "SEC-NO-HTTPS", Severity::warning, host, home.url, std::move(detail));
  }

  std::vector<std::string_view> missing;
  std::string ids;  // the same as ids for the detail's renderer: hsts,nosniff,frame
  const auto lack = [&](std::string_view header, std::string_view id) {
    missing.push_back(header);
    ids += (ids.empty() ? "" : ",") + std::string(id);
  };
  if (https && !any_header(home.headers, "strict-transport-security", hsts_enabled)) {
    lack("Strict-Transport-Security", "hsts");
  }
  if (!any_header(home.headers, "x-content-type-options", nosniff)) {
    lack("X-Content-Type-Options: nosniff", "nosniff");
  }
  const auto present = [](std::string_view v) { return !trimmed(v).empty(); };
  if (!any_header(home.headers, "x-frame-options", present) &&
      !any_header(home.headers, "content-security-policy", has_frame_ancestors)) {
    lack("X-Frame-Options or CSP frame-ancestors", "frame");
  }
  if (missing.empty()) return;
  std::string detail = "missing: ";
  for (std::size_t i = 0; i < missing.size(); ++i) {
    if (i > 0) detail += ", ";
    detail += missing[i];
  }
  emit(ctx, out, "SEC-HEADERS", Severity::info, host, home.url,
       Detail{std::move(detail), "sec.headers_missing", {{"headers", ids}}});
}

void check_mixed_content(const SiteContext& ctx, const PageResult& page, Findings& out) {
  const std::string& url = page.final_url.empty() ? page.url : page.final_url;
  if (!is_https(url)) return;
  const LinkRef* first = nullptr;
  std::size_t count = 0;
  for (const LinkRef& link : page.links) {
    if (!link.url.starts_with("http://") || !is_subresource(link.kind)) continue;
    ++count;
    if (!first || (is_active(link.kind) && !is_active(first->kind))) first = &link;
  }
  if (!first) return;
  std::string detail = "mixed content: " + first->url + " (" + first->kind + ")";
  if (count > 1) detail += " and " + std::to_string(count - 1) + " more";
  emit(ctx, out, "SEC-NO-HTTPS", Severity::warning, std::string(host_of(url)), url,
       Detail{std::move(detail),
              "sec.mixed_content",
              {{"url", first->url},
               {"element", first->kind},
               {"more", count > 1 ? std::to_string(count - 1) : std::string()}}});
}

}  // namespace sitepatrol::checks
