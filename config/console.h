// [console]: the web console the daemon serves on its [http] address (issue 17,
// docs/console.md) — who may sign in, with what role, over which sites.
//
// Two ways in, either or both:
//   - [[console.user]] with a `password_hash` (Argon2id, from `sitepatrol hash-password`);
//   - `trusted_header`: the organisation's reverse proxy signs people in and names them in
//     this request header; the named user must be a [[console.user]] (the password is then
//     not needed). Only safe when nothing but the proxy can reach [http] listen.
// Plain values; any thread.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::config {

struct ConsoleUser {
  std::string name;
  std::string password_hash;       // "$argon2id$..."; "" = only through trusted_header
  std::string role = "viewer";     // viewer: reads; operator: also re-checks and reviews
  std::vector<std::string> units;  // the units whose sites the user sees; empty = every site
  bool is_operator() const { return role == "operator"; }
};

struct ConsoleConfig {
  bool enabled = true;                         // served on [http] listen when there are users
  std::string trusted_header;                  // e.g. "X-Forwarded-User"; "" = not trusted
  std::chrono::seconds session{12 * 3600};     // a sign-in lasts this long
  bool secure_cookie = false;                  // cookies only over HTTPS (behind a TLS proxy)
  int login_attempts = 5;                      // failed sign-ins per user name and per client ...
  std::chrono::seconds login_window{15 * 60};  // ... within this window; then refused
  std::vector<ConsoleUser> users;

  // Served by the daemon (on [http] listen) when enabled and someone can sign in.
  bool served() const { return enabled && !users.empty(); }

  const ConsoleUser* user(std::string_view name) const {
    for (const auto& u : users) {
      if (u.name == name) return &u;
    }
    return nullptr;
  }
};

}  // namespace sitepatrol::config
