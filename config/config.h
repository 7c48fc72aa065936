// The configuration a patrol runs with: plain values read from a TOML file (docs/configuration.md).
//
// `load_config` is the only way in: it parses, applies defaults, validates, and on any
// problem returns a ConfigError naming the file, line and key, so the caller can print it and
// exit with code 2. A loaded Config is immutable and freely shared between threads.
//
// Positions in errors: `line`/`column` are 1-based and point at the offending key or value;
// `key` is a dotted path whose array indices are 1-based and count entries in file order, so
// `site[2].url` is the url of the second [[site]] and `site[2].column[1].class` the class of
// its first [[site.column]]. Environment variables are read once, while loading
// (`password_env`); nothing else outside the file is consulted.
#pragma once

#include <cstddef>
#include <expected>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/alerts.h"
#include "config/console.h"
#include "config/content.h"
#include "config/indices.h"
#include "config/maintenance.h"
#include "config/report.h"
#include "config/schedule.h"

namespace sitepatrol::config {

struct ColumnConfig {
  std::string name;
  std::string url;
  std::string column_class;         // news | notice | policy | ... | static | other
  std::optional<int> max_age_days;  // overrides the class limit
  std::string key;                  // column key (COLUMN-MISSING); "" = from the name
};

// One entry of the column dictionary (config/columns.h, config/columns.toml).
struct ColumnKind {
  std::string key;                    // organization, disclosure_guide, ..., or the user's own
  std::string column_class;           // "" in a dictionary extension that keeps the class
  std::vector<std::string> required;  // categories that must have the column
  std::vector<std::string> names;     // names sites give it
  std::vector<std::string> endings;  // how its short names end: 县区动态, 部门动态 end in 动态
  std::vector<std::string> paths;  // URL folder names the big CMSs give it: tzgg, zwdt
  bool required_given = false;     // whether the entry said `required` (for merging)
};

// ---- interactive features (issue 4; config/features.h) ----------------------------------

// [[site.feature]]: where a site's feature is, when the user knows better than the names.
struct FeatureConfig {
  std::string kind;  // feature_kinds(): message_board | interview | ...
  std::string url;   // normalised
};

// The names of one kind of feature (config/features.toml, plus a names_file's additions).
struct FeatureNames {
  std::vector<std::string> names;   // an anchor text containing one is a candidate
  std::vector<std::string> ignore;  // ... unless it also contains one of these
};

// [features]: finding interactive features and the limits of the INTERACT-* checks.
struct FeaturesConfig {
  std::filesystem::path names_file;                          // "" = the built-in names only
  std::map<std::string, FeatureNames> names;                 // kind (and "mailbox_stats") -> names
  std::map<std::string, std::vector<std::string>> required;  // category -> kinds it must have
  std::map<std::string, int> interviews_per_year;            // category -> minimum (absent: none)
  int unanswered_days = 90;             // INTERACT-UNANSWERED after this many days
  int message_months = 12;              // messages older than this are not looked at
  int solicitation_feedback_days = 30;  // a closed solicitation owes feedback after this
  int mailbox_stats_days = 183;         // copied from [thresholds] mailbox_stats when loading
};

struct BasicAuth {
  std::string username;
  std::string password;  // resolved from password_env when given
};

// A range of HTTP statuses, both ends included ("403" is {403, 403}); config/status_ranges.h.
struct StatusRange {
  int lo = 0;
  int hi = 0;
  bool operator==(const StatusRange&) const = default;
};

// [[accept]]: statuses that do not make a link to this host (and its subdomains) broken.
struct HostAccept {
  std::string host;  // lower case, "*.x" read as "x"
  std::vector<StatusRange> status;
};

struct SiteConfig {
  std::string id;  // stable key, [a-z0-9-]
  std::string name;
  std::string url;                 // homepage, normalised
  std::string category = "local";  // local | ministry | ministry_unit | maritime
  std::string unit;
  std::vector<std::string> aliases;            // other hosts serving the same site (lower case)
  std::vector<std::string> allowed_domains;    // approved link targets with their subdomains;
                                               // lower case, "*.gov.cn" read as "gov.cn"
  std::map<std::string, std::string> headers;  // extra request headers (staging sites)
  std::string cookies;                         // "a=1; b=2"
  std::optional<BasicAuth> basic_auth;
  std::vector<int> accepted_status;        // statuses that are not broken, e.g. 401, 999
  std::vector<StatusRange> accept_status;  // the same as ranges: "200-299", "403"
  std::vector<std::string> include;        // URL globs (config/url_patterns.h), with [patrol]'s
  std::vector<std::string> exclude;
  std::vector<std::string> disable_codes;  // finding codes not raised for this site
  std::vector<ColumnConfig> columns;
  std::optional<bool> respect_robots;          // per-site override of [patrol]
  std::optional<int> max_pages;                // per-site override of max_pages_per_site
  std::optional<std::string> proxy;            // per-site override of [patrol] proxy; "" = direct
  std::vector<FeatureConfig> features;         // [[site.feature]] (issue 4)
  IndexBaseline baseline;                      // baseline_* (reports, issue 6)
  std::vector<MaintenanceWindow> maintenance;  // maintenance = [...] (issue 12)
  std::vector<Leader> leaders;                 // [[site.leader]] (issue 13)
};

struct PatrolConfig {
  // A SQLite file, resolved against the config's folder, or a postgresql:// URI (no password).
  std::filesystem::path database = "sitepatrol.db";
  // Where the file gives `database` (0: not given), for `config check` to name the line.
  int database_line = 0;
  int database_column = 0;
  std::string user_agent = "sitepatrol/1.0";
  int timeout_s = 15;
  int connect_timeout_s = 10;
  int low_speed_bytes_per_s = 100;  // abort a transfer slower than this ...
  int low_speed_time_s = 10;        // ... for this long
  int slow_ms = 3000;               // AVAIL-SLOW threshold
  int concurrency = 256;
  int per_host_concurrency = 4;
  int per_host_delay_ms = 250;
  int max_pages_per_site = 5000;
  // Requests one site's walk may make (pages, link checks, sitemaps); 0: automatic, four
  // per page allowed plus 2,000 (22,000 at the default page limit).
  int max_requests_per_site = 0;
  int max_links_per_page = 2000;  // references of one page that are followed or checked
  int max_depth = 8;
  std::chrono::seconds max_run_time{0};  // 0: none; else the walks stop taking pages after this
  int max_redirects = 10;
  int max_retries = 2;  // after the first attempt, for resets, 429, 503
  std::size_t max_body_bytes = 8u << 20;
  // Attachments (issue 13): the text of the PDF, DOCX and XLSX files the site's own pages
  // link is read and checked like a page's text (crawler/attachment_text.h); larger files
  // are skipped (logged).
  bool attachments = true;
  std::size_t attachment_max_bytes = 10u << 20;
  bool check_external_links = true;
  bool respect_robots = true;
  bool allow_private_networks = false;
  std::vector<std::string> resolve;  // "host:port:address", like curl --resolve
  std::string ca_bundle;             // extra CA file (staging sites, tests)
  // Every request through this proxy (config/proxy.h): "" = direct; env vars never read.
  std::string proxy;
  std::vector<std::string> no_proxy;  // hosts (and their subdomains) reached direct; "*" all
  std::vector<std::string>
      disable_codes;      // finding codes never raised, e.g. "SEC-HEADERS"; like database
  int parse_threads = 0;  // 0: hardware concurrency
  // Sites walked at once (crawler/site_window.h); the others wait their turn, so memory grows
  // with this, not with the sites registered. 0: eight times concurrency / per_host_concurrency,
  // at most 1,024.
  int sites_in_flight = 0;
  std::vector<std::string> include;        // URL globs every site's walk keeps to (url_patterns.h)
  std::vector<std::string> exclude;        // URL globs no site fetches or checks
  std::vector<StatusRange> accept_status;  // statuses that make no link broken, any site
  std::vector<HostAccept> accept_hosts;    // [[accept]]: per target host
};

// One term of the spam list: a weight > 0 adds to a page's score; a weight < 0 marks an
// innocent phrase (体育彩票, 福利彩票) whose matches mask the terms inside them.
struct SpamTerm {
  std::string term;
  int weight = 1;
  std::string category;  // gambling | pornography | fraud | ... | innocent
};

// [security]: tuning of the security checks (issue 5).
struct SecurityConfig {
  std::filesystem::path spam_terms_file;    // "" = the built-in list (config/spam_terms.toml)
  std::vector<SpamTerm> spam_terms;         // loaded from the file or the built-in list
  int spam_threshold = 10;                  // page score at which SEC-SPAM is raised
  std::vector<std::string> approved_hosts;  // infrastructure hosts: scripts, frames and
                                            // hidden links to them are fine (built-in list
                                            // + [security] approved_hosts)
  double tamper_threshold = 0.35;           // share of structure changed for SEC-TAMPER
};

struct Config {
  std::filesystem::path file;  // where it was read from ("" for built-in defaults)
  PatrolConfig patrol;
  SecurityConfig security;
  std::map<std::string, int> thresholds;    // column class -> max age in days (defaults merged)
  std::vector<ColumnKind> column_kinds;     // the column dictionary (built-in + [columns])
  std::filesystem::path column_dictionary;  // [columns] dictionary, "" when not given
  FeaturesConfig features;                  // [features] (issue 4)
  std::vector<SiteConfig> sites;
  IndicesConfig indices;  // [indices] (reports, issue 6)
  ContentConfig content;  // [content] (issue 13)
  ReportConfig report;    // [report]: the 通报's issuer, recipients, deadlines, time zone
  // The daemon (issue 7): config/schedule.h, config/alerts.h.
  ScheduleConfig schedule;
  HttpConfig http;
  std::vector<AlertChannel> alerts;
  ConsoleConfig console;  // [console]: the web console (issue 17)
};

struct ConfigError {
  std::string file;
  int line = 0;  // 1-based; 0 when the problem has no position
  int column = 0;
  std::string key;  // dotted path, e.g. "site 'hb-jtt'.url" (site[2] without an id); "" for
                    // syntax errors
  std::string message;

  // "sites.toml:12:3: site[2].url: not an absolute http(s) URL"; parts that are unknown
  // (no position, no key) are left out rather than printed as 0 or "".
  std::string to_string() const;
};

// Every finding code of docs/codes.md, for validating `disable_codes`.
const std::vector<std::string>& finding_codes();

std::expected<Config, ConfigError> load_config(const std::filesystem::path& file);
std::expected<Config, ConfigError> parse_config(std::string_view text,
                                                const std::filesystem::path& file);

// Defaults for `sitepatrol check URL...`: one site per URL (a bare host means http://), id
// derived from the host ("www.Site.example" -> "www-site-example", "-2" added on repeats),
// name = host, category local. `patrol.database` is empty: the caller picks a temporary file.
// Every site gets `allowed_domains` (`check --allowed-domain`), checked and normalised as the
// [[site]] key is. Errors name file "command line", key "url[N]" (1-based argument index) or
// "--allowed-domain", no position.
std::expected<Config, ConfigError> config_for_urls(
    const std::vector<std::string>& urls, const std::vector<std::string>& allowed_domains = {});

// The column classes of docs/configuration.md, in the order given there (the last is "static").
const std::vector<std::string>& column_classes();

// The contract's default freshness limits in days, per class; "static" has none.
const std::map<std::string, int>& default_thresholds();

// A column's freshness limit: its own `max_age_days`, else `[thresholds]`, else the default.
// nullopt for "static" (never stale) and for classes the contract does not know.
std::optional<int> max_age_days(const Config& config, const ColumnConfig& column);
std::optional<int> max_age_days(const Config& config, std::string_view column_class);

// The minimal normal form of a configured URL (curl's URL API): lower-case scheme and host,
// default port and fragment dropped, "/" for an empty path. nullopt unless absolute http(s).
// The crawler's own normaliser (crawler/url.h) goes further; both agree on these parts.
std::optional<std::string> normalize_site_url(std::string_view url);

}  // namespace sitepatrol::config
