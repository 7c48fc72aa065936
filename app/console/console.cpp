#include "app/console/console.h"

#include <algorithm>
#include <set>

#include "app/console/assets.h"
#include "app/console/form.h"
#include "app/console/login_page.h"
#include "app/console/page.h"
#include "app/console/request.h"
#include "config/ascii.h"

namespace sitepatrol::app::console {

namespace {

constexpr std::string_view kSessionCookie = "sp_session";
constexpr std::string_view kLangCookie = "sp_lang";

Lang lang_of(const HttpRequest& request) {
  return cookie(request, kLangCookie) == "en" ? Lang::en : Lang::zh;
}

std::string session_cookie(const config::ConsoleConfig& c, std::string_view token,
                           std::chrono::seconds max_age) {
  return std::string(kSessionCookie) + "=" + std::string(token) +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age.count()) +
         (c.secure_cookie ? "; Secure" : "");
}

// The browser's Origin, when it sends one, must be this host: a form posted from another
// site is refused even before its token is looked at.
bool same_origin(const HttpRequest& request) {
  const std::string origin = request.header("origin");
  if (origin.empty()) return true;
  const auto scheme = origin.find("://");
  return scheme != std::string::npos && origin.substr(scheme + 3) == request.header("host");
}

HttpReply static_file(std::string_view type, std::string_view body) {
  HttpReply reply;
  reply.headers = {{"Content-Type", std::string(type)}, {"Cache-Control", "max-age=3600"}};
  add_security_headers(reply);
  reply.body = std::string(body);
  return reply;
}

}  // namespace

Console::Console(ConfigPtr config, std::filesystem::path database)
    : database_(std::move(database)),
      config_(config),
      sessions_(config->console.session),
      limiter_(config->console.login_attempts, config->console.login_window),
      now_([] { return std::chrono::system_clock::now(); }) {}

Console::~Console() = default;

void Console::reload(ConfigPtr config) {
  std::lock_guard lock(config_mutex_);
  config_ = std::move(config);
}

store::Store* Console::open_store(std::string& error) {
  if (!store_) {
    auto opened = store::open_store(database_.string());
    if (!opened) {
      error = opened.error().message;
      return nullptr;
    }
    store_ = std::move(*opened);
  }
  return store_.get();
}

HttpReply Console::handle(const HttpRequest& request) {
  const std::string path = request.path();
  const bool get = request.method == "GET" || request.method == "HEAD";
  if (get && path == "/static/console.css")
    return static_file("text/css; charset=utf-8", kConsoleCss);
  if (get && path == "/static/console.js") {
    return static_file("text/javascript; charset=utf-8", kConsoleJs);
  }
  if (get && (path == "/lang/zh" || path == "/lang/en")) {
    HttpReply reply = redirect(local_path(query_of(request)["back"]));
    reply.headers.emplace_back("Set-Cookie", std::string(kLangCookie) + "=" + path.substr(6) +
                                                 "; Path=/; SameSite=Lax; Max-Age=31536000");
    return reply;
  }
  const auto steady = Clock::now();
  if (path == "/login") {
    if (get)
      return html_reply(login_page(lang_of(request), "", local_path(query_of(request)["back"])));
    if (request.method == "POST") return login(request, steady);
    return text_reply(405, "method not allowed\n");
  }

  ConfigPtr config;
  {
    std::lock_guard lock(config_mutex_);
    config = config_;
  }
  Request r(request, config);
  r.now = now_();
  r.viewer.lang = lang_of(request);
  r.viewer.path = request.target;

  // Who is asking: the proxy's header, else the session cookie.
  std::optional<Session> session;
  const std::string token = cookie(request, kSessionCookie);
  if (!token.empty()) session = sessions_.find(token, steady);
  const auto& console = config->console;
  if (!console.trusted_header.empty()) {
    const std::string name = request.header(ascii_lower(console.trusted_header));
    if (!name.empty()) {
      if (config->console.user(name) == nullptr) {
        return text_reply(403, "sitepatrol: user '" + name + "' is not a [[console.user]]\n");
      }
      if (!session || session->user != name) {
        const std::string fresh = sessions_.open(name, steady);
        session = sessions_.find(fresh, steady);
        r.set_cookies.push_back(session_cookie(console, fresh, console.session));
      }
    }
  }
  if (session) r.user = config->console.user(session->user);
  if (r.user == nullptr) {
    if (get) return redirect("/login?back=" + url_encode(request.target));
    return text_reply(403, "sitepatrol: sign in first\n");
  }
  r.viewer.name = r.user->name;
  r.viewer.can_act = r.user->is_operator();
  r.viewer.csrf = session->csrf;
  for (const auto& site : config->sites) {
    if (r.user->units.empty() ||
        std::ranges::find(r.user->units, site.unit) != r.user->units.end()) {
      r.sites.push_back(&site);
    }
  }

  if (request.method == "POST") {
    const auto form = parse_form(request.body);
    const auto csrf = form.find("csrf");
    if (!same_origin(request) || csrf == form.end() || !same_secret(csrf->second, session->csrf)) {
      return text_reply(
          403, "sitepatrol: this form is forged or out of date; reload the page and try again\n");
    }
    if (path == "/logout") {
      sessions_.close(token);
      HttpReply reply = redirect("/login");
      reply.headers.emplace_back("Set-Cookie",
                                 session_cookie(console, "", std::chrono::seconds(0)));
      return reply;
    }
    r.form = form;
  } else if (!get) {
    return text_reply(405, "method not allowed\n");
  }
  HttpReply reply = route(r);
  for (auto& c : r.set_cookies) reply.headers.emplace_back("Set-Cookie", std::move(c));
  return reply;
}

HttpReply Console::login(const HttpRequest& request, Clock::time_point now) {
  ConfigPtr config;
  {
    std::lock_guard lock(config_mutex_);
    config = config_;
  }
  const Lang lang = lang_of(request);
  const auto form = parse_form(request.body);
  auto field = [&](const char* name) {
    const auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
  };
  const std::string name = field("name"), back = local_path(field("back"));
  if (!same_origin(request))
    return text_reply(403, "sitepatrol: sign-in from another site refused\n");
  const std::string by_name = "name:" + name, by_addr = "addr:" + request.remote;
  if (!limiter_.allowed(by_name, now) || !limiter_.allowed(by_addr, now)) {
    return html_reply(login_page(lang,
                                 tr(lang, "登录失败次数过多，请稍后再试。",
                                    "Too many failed sign-ins; try again later."),
                                 back),
                      429);
  }
  const auto* user = config->console.user(name);
  const bool ok = user != nullptr && !user->password_hash.empty() &&
                  verify_password(user->password_hash, field("password"));
  if (!ok) {
    limiter_.failed(by_name, now);
    limiter_.failed(by_addr, now);
    return html_reply(
        login_page(lang, tr(lang, "用户名或密码不正确。", "Wrong user name or password."), back),
        401);
  }
  limiter_.succeeded(by_name);
  limiter_.succeeded(by_addr);
  const std::string token = sessions_.open(name, now);
  HttpReply reply = redirect(back);
  reply.headers.emplace_back("Set-Cookie",
                             session_cookie(config->console, token, config->console.session));
  return reply;
}

HttpReply Console::route(Request& r) {
  const std::string path = r.http.path();
  const bool post = r.http.method == "POST";
  if (path == "/" && !post) return overview(r);
  if (path == "/finding" && !post) return finding(r);
  if (path == "/review" && post) return review(r);
  if (path.starts_with("/run/") && !post) return run(r, path.substr(5));
  if (path.starts_with("/site/")) {
    const std::string rest = path.substr(6);
    const auto slash = rest.find('/');
    const std::string id = parse_form("id=" + rest.substr(0, slash))["id"];
    const std::string tail = slash == std::string::npos ? "" : rest.substr(slash);
    if (post && tail == "/recheck") return recheck(r, id);
    if (!post) return site(r, id, tail);
  }
  return html_reply(layout(r.viewer, tr(r.viewer.lang, "未找到", "Not found"), ""), 404);
}

}  // namespace sitepatrol::app::console
