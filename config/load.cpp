// Reading a Config from TOML (docs/configuration.md): parse with toml++, apply defaults, validate.
//
// Each table goes through a detail::TableReader (config/toml_reader.h), so the accepted keys
// are listed once, where they are read, and unknown ones are reported with a did-you-mean.
// [security] and the spam term file it may name are read by config/security_section.h.
#include <arpa/inet.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <set>

#include "config/columns.h"
#include "config/columns_section.h"
#include "config/config.h"
#include "config/console_section.h"
#include "config/content_section.h"
#include "config/features.h"
#include "config/features_section.h"
#include "config/idn.h"
#include "config/indices_section.h"
#include "config/maintenance_section.h"
#include "config/proxy.h"
#include "config/report_section.h"
#include "config/schedule_section.h"
#include "config/security.h"
#include "config/security_section.h"
#include "config/status_ranges.h"
#include "config/toml_reader.h"
#include "config/url_patterns.h"

namespace sitepatrol::config {
namespace {

using detail::check_domain;
using detail::did_you_mean;
using detail::for_each_table;
using detail::is_host_name;
using detail::join;
using detail::parse_toml;
using detail::Problems;
using detail::read_columns;
using detail::read_file;
using detail::read_security;
using detail::relative_to;
using detail::TableReader;
using detail::type_name;
namespace fs = std::filesystem;

// A value sent as (part of) an HTTP header: a CR, LF or other control character in it would
// let the file write headers of its own, so it is refused (tab is allowed, as in HTTP).
bool header_safe(std::string_view value) {
  return std::ranges::none_of(value, [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && u != '\t') || u == 0x7F;
  });
}
constexpr const char* kNotHeaderSafe =
    "must not contain line breaks or control characters (it is sent as an HTTP header)";

const std::vector<std::string> kCategories = {"local", "ministry", "ministry_unit", "maritime"};

// ---- small helpers ------------------------------------------------------------------------

std::string host_of(const std::string& url) {
  const auto start = url.find("://");
  if (start == std::string::npos) return {};
  std::string rest = url.substr(start + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);
  if (!rest.empty() && rest.front() == '[') return rest.substr(1, rest.find(']') - 1);
  return rest.substr(0, rest.find(':'));
}

bool is_id(std::string_view s) {
  return !s.empty() && std::ranges::all_of(s, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool is_header_name(std::string_view s) {
  return !s.empty() && std::ranges::all_of(s, [](unsigned char c) {
    return c > 32 && c < 127 && c != ':' && c != '(' && c != ')' && c != ',' && c != ';';
  });
}

// "host:port:address[,address...]", addresses IPv4 or IPv6 (bracketed or not), as curl
// --resolve takes them; curl's "+"/"-" prefixes are not accepted.
bool is_resolve_entry(std::string_view entry) {
  const auto first = entry.find(':');
  if (first == std::string_view::npos || first == 0) return false;
  const auto second = entry.find(':', first + 1);
  if (second == std::string_view::npos) return false;
  const std::string_view port = entry.substr(first + 1, second - first - 1);
  if (port.empty() || port.size() > 5 ||
      !std::ranges::all_of(port, [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  if (const int p = std::stoi(std::string(port)); p < 1 || p > 65535) return false;

  std::string_view addresses = entry.substr(second + 1);
  if (addresses.empty()) return false;
  while (!addresses.empty()) {
    const auto comma = addresses.find(',');
    std::string address(addresses.substr(0, comma));
    addresses = comma == std::string_view::npos ? "" : addresses.substr(comma + 1);
    unsigned char buffer[16];
    if (address.size() > 2 && address.front() == '[' && address.back() == ']') {
      if (inet_pton(AF_INET6, address.substr(1, address.size() - 2).c_str(), buffer) != 1) {
        return false;
      }
    } else if (inet_pton(AF_INET, address.c_str(), buffer) != 1 &&
               inet_pton(AF_INET6, address.c_str(), buffer) != 1) {
      return false;
    }
  }
  return true;
}

// ---- element checks for string arrays -----------------------------------------------------

std::string check_resolve(std::string& entry) {
  if (!is_resolve_entry(entry)) return "'" + entry + "' is not host:port:address";
  // curl matches the entry against the host it connects to, which is punycode for an IDN.
  const auto colon = entry.find(':');
  auto ascii = host_to_ascii(std::string_view(entry).substr(0, colon));
  if (!ascii) return "'" + entry + "' does not start with a valid host name";
  entry = *ascii + entry.substr(colon);
  return "";
}

// A finding code of docs/codes.md; a typo would silently disable nothing.
std::string check_code(std::string& code) {
  const auto& codes = finding_codes();
  if (std::ranges::find(codes, code) != codes.end()) return "";
  return "'" + code + "' is not a finding code" + did_you_mean(code, codes);
}

std::string check_alias(std::string& host) {
  host = ascii_lower(host);
  if (!is_host_name(host)) return "'" + host + "' is not a host name";
  auto ascii = host_to_ascii(host);  // one form for every host (config/idn.h)
  if (!ascii) return "'" + host + "' is not a valid internationalised host name";
  host = std::move(*ascii);
  return "";
}

// A proxy URL at `key` (config/proxy.h); a bad one is reported without its credentials.
bool read_proxy(TableReader& r, std::string_view key, std::string& out) {
  if (!r.read(key, out)) return false;
  if (auto why = check_proxy_url(out); !why.empty()) {
    r.problems().add(r.node(key)->source(), r.path_of(key), why);
    return false;
  }
  return true;
}

// ---- sections -----------------------------------------------------------------------------

// A list of status ranges (config/status_ranges.h) at `key`.
void read_status_ranges(TableReader& r, std::string_view key, std::vector<StatusRange>& out) {
  std::vector<std::string> texts;
  if (!r.read(key, texts, check_status_range)) return;
  for (const auto& t : texts)
    if (auto range = parse_status_range(t)) out.push_back(*range);
}

// A postgresql:// URI carrying a password ("user:secret@" or "password=").
bool uri_has_password(std::string_view uri) {
  if (!uri.starts_with("postgresql://") && !uri.starts_with("postgres://")) return false;
  const std::string_view rest = uri.substr(uri.find("://") + 3);
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?"));
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos && authority.substr(0, at).find(':') != std::string_view::npos)
    return true;
  const std::size_t query = rest.find('?');
  if (query == std::string_view::npos) return false;
  const std::string_view params = rest.substr(query);  // "?a=1&b=2"
  return params.find("?password=") != std::string_view::npos ||
         params.find("&password=") != std::string_view::npos;
}

void read_patrol(TableReader& r, PatrolConfig& p, const fs::path& folder) {
  std::string database;
  if (r.read("database", database) && database.empty()) {
    r.problems().add(r.node("database")->source(), r.path_of("database"), "must not be empty");
  } else if (uri_has_password(database)) {
    r.problems().add(r.node("database")->source(), r.path_of("database"),
                     "a password does not belong in the configuration; give it in PGPASSWORD "
                     "or ~/.pgpass");
  } else if (!database.empty()) {
    p.database = database;
    const auto& at = r.node("database")->source().begin;
    p.database_line = static_cast<int>(at.line);
    p.database_column = static_cast<int>(at.column);
  }
  p.database = relative_to(folder, p.database);

  if (r.read("user_agent", p.user_agent) && p.user_agent.empty()) {
    r.problems().add(r.node("user_agent")->source(), r.path_of("user_agent"), "must not be empty");
  } else if (!header_safe(p.user_agent)) {
    r.problems().add(r.node("user_agent")->source(), r.path_of("user_agent"), kNotHeaderSafe);
  }
  r.read("timeout_s", p.timeout_s, 1, 300);
  r.read("connect_timeout_s", p.connect_timeout_s, 1, 300);
  r.read("low_speed_bytes_per_s", p.low_speed_bytes_per_s, 0);
  r.read("low_speed_time_s", p.low_speed_time_s, 0);
  r.read("slow_ms", p.slow_ms, 1);
  r.read("concurrency", p.concurrency, 1);
  r.read("per_host_concurrency", p.per_host_concurrency, 1);
  r.read("per_host_delay_ms", p.per_host_delay_ms, 0);
  r.read("max_pages_per_site", p.max_pages_per_site, 1);
  r.read("max_requests_per_site", p.max_requests_per_site, 0, 10'000'000);
  r.read("max_links_per_page", p.max_links_per_page, 1, 1'000'000);
  r.read("max_depth", p.max_depth, 0);
  detail::read_duration(r, "max_run_time", p.max_run_time);
  r.read("max_redirects", p.max_redirects, 0, 50);
  r.read("max_retries", p.max_retries, 0, 10);

  std::int64_t bytes = 0;
  std::int64_t mib = 0;
  // Counted after decompression; past 64 MiB a "page" is an attack or a file, not a page,
  // and the HTML parser's own limits are near.
  const bool has_bytes = r.read("max_body_bytes", bytes, 1, std::int64_t{64} << 20);
  const bool has_mib = r.read("max_body_mib", mib, 1, 64);
  if (has_bytes && has_mib) {
    r.problems().add(r.node("max_body_mib")->source(), r.path_of("max_body_mib"),
                     "give max_body_bytes or max_body_mib, not both");
  } else if (has_bytes) {
    p.max_body_bytes = static_cast<std::size_t>(bytes);
  } else if (has_mib) {
    p.max_body_bytes = static_cast<std::size_t>(mib) << 20;
  }

  // Attachments (issue 13): downloaded whole to be read, so bounded like a body.
  r.read("attachments", p.attachments);
  if (std::int64_t max = 0; r.read("attachment_max_bytes", max, 1, std::int64_t{256} << 20))
    p.attachment_max_bytes = static_cast<std::size_t>(max);

  r.read("check_external_links", p.check_external_links);
  r.read("respect_robots", p.respect_robots);
  r.read("allow_private_networks", p.allow_private_networks);
  r.read("resolve", p.resolve, check_resolve);
  r.read("disable_codes", p.disable_codes, check_code);
  if (r.read("ca_bundle", p.ca_bundle)) p.ca_bundle = relative_to(folder, p.ca_bundle).string();
  r.read("parse_threads", p.parse_threads, 0, 256);
  r.read("sites_in_flight", p.sites_in_flight, 0, 100000);
  read_proxy(r, "proxy", p.proxy);
  r.read("no_proxy", p.no_proxy, check_no_proxy_entry);
  r.read("include", p.include, check_url_pattern);
  r.read("exclude", p.exclude, check_url_pattern);
  read_status_ranges(r, "accept_status", p.accept_status);
  r.reject_unknown_keys();
}

void read_basic_auth(TableReader& r, BasicAuth& auth) {
  if (!r.read("username", auth.username)) {
    if (!r.node("username")) r.problems().add(r.where(), r.path_of("username"), "missing key");
  }
  const bool has_password = r.read("password", auth.password);
  std::string variable;
  if (r.read("password_env", variable)) {
    const toml::node* at = r.node("password_env");
    if (has_password) {
      r.problems().add(at->source(), r.path_of("password_env"),
                       "give password or password_env, not both");
    } else if (const char* value = std::getenv(variable.c_str())) {
      auth.password = value;
    } else {
      r.problems().add(at->source(), r.path_of("password_env"),
                       "environment variable '" + variable + "' is not set");
    }
  } else if (!has_password && !r.node("password") && !r.node("password_env")) {
    r.problems().add(r.where(), r.path_of("password"), "missing key (or password_env)");
  }
  r.reject_unknown_keys();
}

// A required string: a problem at the table's header when absent.
bool read_required(TableReader& r, std::string_view key, std::string& out) {
  if (r.read(key, out)) return true;
  if (!r.node(key)) r.problems().add(r.where(), r.path_of(key), "missing key");
  return false;
}

// A required absolute http(s) URL, normalised in place.
void read_url(TableReader& r, std::string_view key, std::string& out) {
  if (!read_required(r, key, out)) return;
  if (auto normal = normalize_site_url(out)) {
    out = *normal;
  } else {
    r.problems().add(r.node(key)->source(), r.path_of(key),
                     "'" + out + "' is not an absolute http(s) URL");
  }
}

// A string that must be one of `allowed`.
void read_choice(TableReader& r, std::string_view key, std::string& out,
                 const std::vector<std::string>& allowed) {
  if (!r.read(key, out) || std::ranges::find(allowed, out) != allowed.end()) return;
  r.problems().add(r.node(key)->source(), r.path_of(key),
                   "'" + out + "' is not one of " + join(allowed) + did_you_mean(out, allowed));
}

void read_column(TableReader& r, ColumnConfig& c) {
  read_required(r, "name", c.name);
  read_url(r, "url", c.url);
  if (!r.node("class")) r.problems().add(r.where(), r.path_of("class"), "missing key");
  read_choice(r, "class", c.column_class, column_classes());
  r.read("max_age_days", c.max_age_days, 1);
  if (r.read("key", c.key) && !is_column_key(c.key)) {
    r.problems().add(r.node("key")->source(), r.path_of("key"),
                     "'" + c.key + "' is not a column key (lower-case letters, digits, '_')");
  }
  r.reject_unknown_keys();
}

// [[accept]]: a target host and the statuses that do not make a link to it broken.
void read_accept(TableReader& r, HostAccept& a) {
  if (read_required(r, "host", a.host)) {
    if (auto why = check_domain(a.host); !why.empty()) {
      r.problems().add(r.node("host")->source(), r.path_of("host"), why);
    }
  }
  if (!r.node("status")) r.problems().add(r.where(), r.path_of("status"), "missing key");
  read_status_ranges(r, "status", a.status);
  r.reject_unknown_keys();
}

void read_site(TableReader& r, SiteConfig& s) {
  if (read_required(r, "id", s.id) && !is_id(s.id)) {
    r.problems().add(r.node("id")->source(), r.path_of("id"),
                     "'" + s.id + "' must be lower-case letters, digits and '-'");
  }
  read_url(r, "url", s.url);
  if (!r.read("name", s.name) || s.name.empty()) s.name = host_of(s.url);
  read_choice(r, "category", s.category, kCategories);
  r.read("unit", s.unit);
  r.read("aliases", s.aliases, check_alias);
  r.read("allowed_domains", s.allowed_domains, check_domain);
  if (r.read("cookies", s.cookies) && !header_safe(s.cookies)) {
    r.problems().add(r.node("cookies")->source(), r.path_of("cookies"), kNotHeaderSafe);
  }
  r.read("accepted_status", s.accepted_status, 100, 999);
  read_status_ranges(r, "accept_status", s.accept_status);
  r.read("include", s.include, check_url_pattern);
  r.read("exclude", s.exclude, check_url_pattern);
  r.read("disable_codes", s.disable_codes, check_code);
  r.read("respect_robots", s.respect_robots);
  r.read("max_pages", s.max_pages, 1);
  if (std::string proxy; read_proxy(r, "proxy", proxy)) s.proxy = std::move(proxy);
  detail::read_site_baseline(r, s.baseline);
  detail::read_maintenance(r, s.maintenance);

  if (const auto* headers = r.typed<toml::table>("headers", "a table")) {
    for (auto&& [name, value] : *headers) {
      const std::string at = r.path_of("headers") + "." + std::string(name.str());
      if (!is_header_name(name.str())) {
        r.problems().add(name.source(), at,
                         "'" + std::string(name.str()) + "' is not an HTTP header name");
      } else if (const auto* text = value.as_string(); text && !header_safe(text->get())) {
        r.problems().add(value.source(), at, kNotHeaderSafe);
      } else if (text) {
        s.headers[std::string(name.str())] = text->get();
      } else {
        r.problems().add(value.source(), at,
                         "expected a string, got " + std::string(type_name(value)));
      }
    }
  }
  if (const auto* auth = r.typed<toml::table>("basic_auth", "a table")) {
    TableReader auth_reader(*auth, r.path_of("basic_auth"), r.problems());
    read_basic_auth(auth_reader, s.basic_auth.emplace());
  }
  for_each_table(r, "column", [&](TableReader& column, std::size_t) {
    read_column(column, s.columns.emplace_back());
  });
  for_each_table(r, "feature", [&](TableReader& feature, std::size_t) {  // issue 4
    detail::read_site_feature(feature, s.features.emplace_back());
  });
  for_each_table(r, "leader", [&](TableReader& leader, std::size_t) {  // issue 13
    detail::read_leader(leader, s.leaders.emplace_back());
  });
  r.reject_unknown_keys();
}

void read_thresholds(const toml::table& table, std::map<std::string, int>& out,
                     Problems& problems) {
  // The keys are the class names; reading each of them makes the others unknown.
  TableReader r(table, "thresholds", problems);
  for (const auto& column_class : column_classes()) {
    int days = 0;
    if (r.read(column_class, days, 1)) out[column_class] = days;
  }
  r.reject_unknown_keys();
}

void check_unique_ids(const toml::table& root, const std::vector<SiteConfig>& sites,
                      Problems& problems) {
  const auto* array = root.get_as<toml::array>("site");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < sites.size(); ++i) {
    if (sites[i].id.empty() || seen.insert(sites[i].id).second) continue;
    const toml::node* id = array->get(i)->as_table()->get("id");
    problems.add(id->source(), "site[" + std::to_string(i + 1) + "].id",
                 "duplicate id '" + sites[i].id + "'");
  }
}

void read_root(const toml::table& root, Config& config, Problems& problems) {
  TableReader r(root, "", problems);
  const fs::path folder = config.file.parent_path();
  if (const auto* patrol = r.typed<toml::table>("patrol", "a table ([patrol])")) {
    TableReader patrol_reader(*patrol, "patrol", problems);
    read_patrol(patrol_reader, config.patrol, folder);
  } else {
    config.patrol.database = relative_to(folder, config.patrol.database);
  }
  for_each_table(
      r, "site",
      [&](TableReader& site, std::size_t) { read_site(site, config.sites.emplace_back()); }, "id");
  check_unique_ids(root, config.sites, problems);
  for_each_table(r, "accept", [&](TableReader& accept, std::size_t) {
    read_accept(accept, config.patrol.accept_hosts.emplace_back());
  });

  config.thresholds = default_thresholds();
  if (const auto* thresholds = r.typed<toml::table>("thresholds", "a table ([thresholds])")) {
    read_thresholds(*thresholds, config.thresholds, problems);
  }
  if (const auto* security = r.typed<toml::table>("security", "a table ([security])")) {
    TableReader security_reader(*security, "security", problems);
    read_security(security_reader, config.security, folder);
  } else {
    config.security = default_security();
  }
  if (const auto* columns = r.typed<toml::table>("columns", "a table ([columns])")) {
    TableReader columns_reader(*columns, "columns", problems);
    read_columns(columns_reader, config, folder);
  } else {
    config.column_kinds = builtin_column_kinds();
  }
  // [features] (issue 4): feature names and the INTERACT-* limits.
  if (const auto* features = r.typed<toml::table>("features", "a table ([features])")) {
    TableReader features_reader(*features, "features", problems);
    detail::read_features(features_reader, config.features, folder);
  } else {
    config.features = default_features();
  }
  if (auto days = max_age_days(config, "mailbox_stats")) config.features.mailbox_stats_days = *days;
  if (const auto* content = r.typed<toml::table>("content", "a table ([content])")) {
    TableReader content_reader(*content, "content", problems);
    detail::read_content(content_reader, config.content, folder);
  }
  if (const auto* indices = r.typed<toml::table>("indices", "a table ([indices])")) {
    TableReader indices_reader(*indices, "indices", problems);
    detail::read_indices(indices_reader, config.indices);
  }
  if (const auto* report = r.typed<toml::table>("report", "a table ([report])")) {
    TableReader report_reader(*report, "report", problems);
    detail::read_report(report_reader, config.report);
  }
  // The daemon's sections (config/schedule_section.h).
  if (const auto* schedule = r.typed<toml::table>("schedule", "a table ([schedule])")) {
    TableReader schedule_reader(*schedule, "schedule", problems);
    detail::read_schedule(schedule_reader, config.schedule, config.sites);
  } else {
    config.schedule = detail::default_schedule();
  }
  if (const auto* http = r.typed<toml::table>("http", "a table ([http])")) {
    TableReader http_reader(*http, "http", problems);
    detail::read_http(http_reader, config.http);
  }
  if (const auto* console = r.typed<toml::table>("console", "a table ([console])")) {
    TableReader console_reader(*console, "console", problems);
    detail::read_console(console_reader, config.console, config.sites);
  }
  for_each_table(r, "alert", [&](TableReader& alert, std::size_t i) {
    detail::read_alert(alert, config.alerts.emplace_back(), i, config.sites);
  });
  detail::check_alert_names(root, config.alerts, problems);
  r.reject_unknown_keys();
}

}  // namespace

std::expected<Config, ConfigError> parse_config(std::string_view text, const fs::path& file) {
  const std::string source = file.string();
  auto root = parse_toml(text, source);
  if (!root) return std::unexpected(std::move(root.error()));
  Config config;
  config.file = file;
  Problems problems(source);
  read_root(*root, config, problems);
  if (!problems.empty()) return std::unexpected(problems.earliest());
  return config;
}

std::expected<Config, ConfigError> load_config(const fs::path& file) {
  auto text = read_file(file, "the configuration file");
  if (!text) return std::unexpected(std::move(text.error()));
  return parse_config(*text, file);
}

}  // namespace sitepatrol::config
