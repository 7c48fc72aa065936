// The configuration a patrol runs with: plain values read from a TOML file (CONTRACT.md §2).
//
// `load_config` is the only way in: it parses, applies defaults, validates, and on any
// problem returns a ConfigError naming the file, line and key, so the caller can print it and
// exit with code 2. A loaded Config is immutable and freely shared between threads.
#pragma once

#include <cstddef>
#include <expected>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sitepatrol::config {

struct ColumnConfig {
  std::string name;
  std::string url;
  std::string column_class;            // news | notice | policy | ... | static
  std::optional<int> max_age_days;     // overrides the class limit
};

struct BasicAuth {
  std::string username;
  std::string password;                // resolved from password_env when given
};

struct SiteConfig {
  std::string id;                      // stable key, [a-z0-9-]
  std::string name;
  std::string url;                     // homepage, normalised
  std::string category = "local";      // local | ministry | ministry_unit | maritime
  std::string unit;
  std::vector<std::string> aliases;            // other hosts serving the same site
  std::vector<std::string> allowed_domains;    // approved external link targets
  std::map<std::string, std::string> headers;  // extra request headers (staging sites)
  std::string cookies;                         // "a=1; b=2"
  std::optional<BasicAuth> basic_auth;
  std::vector<int> accepted_status;            // statuses that are not broken, e.g. 401, 999
  std::vector<ColumnConfig> columns;
  std::optional<bool> respect_robots;          // per-site override of [patrol]
  std::optional<int> max_pages;                // per-site override of max_pages_per_site
};

struct PatrolConfig {
  std::filesystem::path database = "sitepatrol.db";  // resolved against the config's folder
  std::string user_agent = "sitepatrol/1.0";
  int timeout_s = 15;
  int connect_timeout_s = 10;
  int low_speed_bytes_per_s = 100;     // abort a transfer slower than this ...
  int low_speed_time_s = 10;           // ... for this long
  int slow_ms = 3000;                  // AVAIL-SLOW threshold
  int concurrency = 256;
  int per_host_concurrency = 4;
  int per_host_delay_ms = 250;
  int max_pages_per_site = 5000;
  int max_depth = 8;
  int max_redirects = 10;
  int max_retries = 2;                 // after the first attempt, for resets, 429, 503
  std::size_t max_body_bytes = 8u << 20;
  bool check_external_links = true;
  bool respect_robots = true;
  bool allow_private_networks = false;
  std::vector<std::string> resolve;    // "host:port:address", like curl --resolve
  std::string ca_bundle;               // extra CA file (staging sites, tests)
  int parse_threads = 0;               // 0: hardware concurrency
};

struct Config {
  std::filesystem::path file;          // where it was read from ("" for built-in defaults)
  PatrolConfig patrol;
  std::map<std::string, int> thresholds;  // column class -> max age in days
  std::vector<SiteConfig> sites;
};

struct ConfigError {
  std::string file;
  int line = 0;                        // 1-based; 0 when the problem has no position
  int column = 0;
  std::string key;                     // dotted path, e.g. "site[2].url"
  std::string message;

  // "sites.toml:12:3: site[2].url: not an absolute http(s) URL"
  std::string to_string() const;
};

std::expected<Config, ConfigError> load_config(const std::filesystem::path& file);
std::expected<Config, ConfigError> parse_config(std::string_view text,
                                                const std::filesystem::path& file);

// Defaults for `sitepatrol check URL...`: one site per URL, ids derived from the host.
std::expected<Config, ConfigError> config_for_urls(const std::vector<std::string>& urls);

}  // namespace sitepatrol::config
