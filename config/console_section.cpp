#include "config/console_section.h"

#include <algorithm>
#include <set>

#include "config/schedule_section.h"

namespace sitepatrol::config::detail {

namespace {

// An HTTP header name (RFC 9110 token): letters, digits and - only, as proxies send them.
bool header_name(std::string_view name) {
  return !name.empty() && std::ranges::all_of(name, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// A user name is shown on pages and recorded with reviews: printable, no spaces at its ends.
bool user_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == ' ' || name.back() == ' ') return false;
  return std::ranges::none_of(
      name, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

void read_user(TableReader& r, ConsoleUser& out, const std::set<std::string>& units,
               std::set<std::string>& names) {
  if (!r.read("name", out.name)) {
    r.problems().add(r.where(), r.path_of("name"), "missing (the name people sign in with)");
  } else if (!user_name(out.name)) {
    r.problems().add(r.node("name")->source(), r.path_of("name"),
                     "must be 1 to 64 printable characters, without spaces at either end");
  } else if (!names.insert(out.name).second) {
    r.problems().add(r.node("name")->source(), r.path_of("name"),
                     "'" + out.name + "' is given to an earlier [[console.user]] too");
  }
  if (r.read("password_hash", out.password_hash) && !out.password_hash.starts_with("$argon2id$") &&
      !out.password_hash.starts_with("$argon2i$")) {
    r.problems().add(r.node("password_hash")->source(), r.path_of("password_hash"),
                     "not an Argon2 hash; make one with `sitepatrol hash-password`");
  }
  if (r.read("role", out.role) && out.role != "viewer" && out.role != "operator") {
    r.problems().add(r.node("role")->source(), r.path_of("role"),
                     "'" + out.role + "' is not viewer or operator");
  }
  if (r.read("units", out.units)) {
    for (const auto& unit : out.units) {
      if (!units.contains(unit)) {
        r.problems().add(r.node("units")->source(), r.path_of("units"),
                         "no [[site]] has unit '" + unit + "'");
      }
    }
  }
  r.reject_unknown_keys();
}

}  // namespace

void read_console(TableReader& r, ConsoleConfig& out, const std::vector<SiteConfig>& sites) {
  r.read("enabled", out.enabled);
  if (r.read("trusted_header", out.trusted_header) && !out.trusted_header.empty() &&
      !header_name(out.trusted_header)) {
    r.problems().add(
        r.node("trusted_header")->source(), r.path_of("trusted_header"),
        "'" + out.trusted_header + "' is not a header name (e.g. \"X-Forwarded-User\")");
  }
  if (read_duration(r, "session", out.session) &&
      (out.session < std::chrono::minutes(5) || out.session > std::chrono::days(30))) {
    r.problems().add(r.node("session")->source(), r.path_of("session"),
                     "must be between 5m and 720h");
  }
  r.read("secure_cookie", out.secure_cookie);
  r.read("login_attempts", out.login_attempts, 1, 1000);
  if (read_duration(r, "login_window", out.login_window) &&
      out.login_window > std::chrono::hours(24)) {
    r.problems().add(r.node("login_window")->source(), r.path_of("login_window"),
                     "must be at most 24h");
  }
  std::set<std::string> units;
  for (const auto& site : sites) units.insert(site.unit);
  std::set<std::string> names;
  for_each_table(r, "user", [&](TableReader& user, std::size_t) {
    read_user(user, out.users.emplace_back(), units, names);
  });
  r.reject_unknown_keys();
}

}  // namespace sitepatrol::config::detail
