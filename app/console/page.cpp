#include "app/console/page.h"

#include <algorithm>

#include "app/console/form.h"
#include "reports/calendar.h"

namespace sitepatrol::app::console {

namespace {

constexpr std::string_view kPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

// The same page in the other language: /lang/en?back=/site/x.
std::string switch_link(const Viewer& v) {
  const bool zh = v.lang == Lang::zh;
  return "<a class=\"lang\" href=\"/lang/" + std::string(zh ? "en" : "zh") +
         "?back=" + esc(url_encode(v.path)) + "\">" + (zh ? "English" : "中文") + "</a>";
}

}  // namespace

std::string csrf_field(const Viewer& viewer) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(viewer.csrf) + "\">";
}

std::string layout(const Viewer& v, std::string_view title, std::string_view body, int refresh_s) {
  std::string out;
  out.reserve(body.size() + 2048);
  out += "<!DOCTYPE html>\n<html lang=\"";
  out += v.lang == Lang::zh ? "zh-CN" : "en";
  out +=
      "\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  if (refresh_s > 0) {
    // With the page's own address: a bare refresh of an address with a #fragment (where the
    // re-check button leads) is taken by Chromium as a jump within the page, not a reload.
    out += "<meta http-equiv=\"refresh\" content=\"" + std::to_string(refresh_s) +
           "; url=" + esc(v.path) + "\">";
  }
  out += "<title>" + esc(title) +
         " · sitepatrol</title>"
         "<link rel=\"stylesheet\" href=\"/static/console.css\">"
         "<script src=\"/static/console.js\" defer></script></head><body>";
  out += "<header><a class=\"brand\" href=\"/\">sitepatrol</a><nav><a href=\"/\">" +
         tr(v.lang, "概览", "Overview") + "</a></nav><div class=\"who\">" + esc(v.name) + " · " +
         (v.can_act ? tr(v.lang, "操作员", "operator") : tr(v.lang, "只读", "viewer")) + " " +
         switch_link(v);
  if (!v.csrf.empty()) {
    out += "<form method=\"post\" action=\"/logout\" class=\"inline\">" + csrf_field(v) +
           "<button type=\"submit\">" + tr(v.lang, "退出", "Sign out") + "</button></form>";
  }
  out += "</div></header><main>";
  out += "<h1>" + esc(title) + "</h1>";
  out += body;
  out += "</main></body></html>\n";
  return out;
}

void add_security_headers(HttpReply& reply) {
  reply.headers.emplace_back("Content-Security-Policy", std::string(kPolicy));
  reply.headers.emplace_back("X-Content-Type-Options", "nosniff");
  reply.headers.emplace_back("X-Frame-Options", "DENY");
  reply.headers.emplace_back("Referrer-Policy", "same-origin");
  const bool cache_set =
      std::ranges::any_of(reply.headers, [](const auto& h) { return h.first == "Cache-Control"; });
  if (!cache_set) reply.headers.emplace_back("Cache-Control", "no-store");
}

HttpReply html_reply(std::string body, int status) {
  HttpReply reply;
  reply.status = status;
  reply.headers = {{"Content-Type", "text/html; charset=utf-8"}};
  add_security_headers(reply);
  reply.body = std::move(body);
  return reply;
}

HttpReply text_reply(int status, std::string body) {
  HttpReply reply;
  reply.status = status;
  reply.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
  add_security_headers(reply);
  reply.body = std::move(body);
  return reply;
}

HttpReply redirect(std::string_view location) {
  HttpReply reply;
  reply.status = 303;
  reply.headers = {{"Location", std::string(location)}};
  add_security_headers(reply);
  return reply;
}

std::string when(std::string_view rfc3339, const config::TimeZone& zone) {
  if (rfc3339.empty()) return "—";
  const auto t = reports::to_local(std::string(rfc3339), zone);
  if (!t) return std::string(rfc3339);
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u %02d:%02d", static_cast<int>(t->date.year()),
                unsigned(t->date.month()), unsigned(t->date.day()), t->hour, t->minute);
  return text;
}

}  // namespace sitepatrol::app::console
