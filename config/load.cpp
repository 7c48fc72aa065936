// Reading a Config from TOML (CONTRACT.md §2): parse with toml++, apply defaults, validate.
//
// Every table is read through a TableReader, which hands out typed values and remembers the
// keys it was asked for; whatever is left over is an unknown key, reported with a
// did-you-mean drawn from those same keys, so the accepted keys are listed once, where they
// are read. Problems are collected rather than returned at the first one, and the earliest in
// the file is reported: the user fixes the file top to bottom.
#include <arpa/inet.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include "config/config.h"

namespace sitepatrol::config {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kCategories = {"local", "ministry", "ministry_unit", "maritime"};

// Sections later issues parse; accepted here with their type checked and nothing more.
constexpr std::string_view kLaterTables[] = {"schedule", "http"};
constexpr std::string_view kLaterArrays[] = {"alert"};

// ---- small helpers ------------------------------------------------------------------------

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// " (did you mean 'timeout_s'?)" when a candidate is within two edits, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string* best = nullptr;
  std::size_t best_distance = 3;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best = &c;
      best_distance = d;
    }
  }
  return best ? " (did you mean '" + *best + "'?)" : std::string();
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::string ascii_lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::string_view type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

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

// A host name as written in aliases or allowed_domains: no scheme, path, port or spaces.
bool is_host_name(std::string_view s) {
  return !s.empty() && s.find_first_of(" \t/:?#@[]") == std::string_view::npos &&
         s.front() != '.' && s.back() != '.';
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

// "site[2].column" -> "site.column": how the user writes the header of an array of tables.
std::string without_indices(const std::string& path) {
  std::string out;
  bool in_index = false;
  for (char c : path) {
    if (c == '[') in_index = true;
    if (!in_index) out += c;
    if (c == ']') in_index = false;
  }
  return out;
}

fs::path relative_to(const fs::path& folder, const fs::path& p) {
  if (p.empty() || p.is_absolute() || p == ":memory:") return p;
  return (folder / p).lexically_normal();
}

// ---- problems and the table reader --------------------------------------------------------

class Problems {
 public:
  explicit Problems(std::string file) : file_(std::move(file)) {}

  void add(const toml::source_region& at, std::string key, std::string message) {
    errors_.push_back(ConfigError{file_, static_cast<int>(at.begin.line),
                                  static_cast<int>(at.begin.column), std::move(key),
                                  std::move(message)});
  }

  bool empty() const { return errors_.empty(); }

  ConfigError earliest() const {
    return *std::ranges::min_element(
        errors_, {}, [](const ConfigError& e) { return std::pair(e.line, e.column); });
  }

 private:
  std::string file_;
  std::vector<ConfigError> errors_;
};

// One TOML table being read. Each getter marks its key as known and, when the key is present
// with the wrong type or out of range, records a problem and leaves the output untouched.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string path, Problems& problems)
      : table_(table), path_(std::move(path)), problems_(problems) {}

  std::string path_of(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  const toml::source_region& where() const { return table_.source(); }
  Problems& problems() { return problems_; }

  const toml::node* node(std::string_view key) {
    if (std::ranges::find(known_, key) == known_.end()) known_.emplace_back(key);
    return table_.get(key);
  }

  // Records "expected X, got Y" and returns null unless the key is absent or of type T.
  template <typename T>
  auto typed(std::string_view key, std::string_view expected) {
    using Result = decltype(std::declval<const toml::node&>().template as<T>());
    const toml::node* n = node(key);
    if (n == nullptr) return Result{nullptr};
    if (Result v = n->as<T>()) return v;
    problems_.add(n->source(), path_of(key),
                  "expected " + std::string(expected) + ", got " + std::string(type_name(*n)));
    return Result{nullptr};
  }

  bool read(std::string_view key, std::string& out) {
    const auto* v = typed<std::string>(key, "a string");
    if (v) out = v->get();
    return v != nullptr;
  }

  bool read(std::string_view key, bool& out) {
    const auto* v = typed<bool>(key, "a boolean");
    if (v) out = v->get();
    return v != nullptr;
  }

  bool read(std::string_view key, std::optional<bool>& out) {
    bool value = false;
    if (!read(key, value)) return false;
    out = value;
    return true;
  }

  bool read(std::string_view key, std::int64_t& out, std::int64_t lo, std::int64_t hi) {
    const auto* v = typed<std::int64_t>(key, "an integer");
    if (!v) return false;
    if (!in_range(v->get(), lo, hi, *v, path_of(key))) return false;
    out = v->get();
    return true;
  }

  bool read(std::string_view key, int& out, std::int64_t lo, std::int64_t hi = INT_MAX) {
    std::int64_t value = 0;
    if (!read(key, value, lo, hi)) return false;
    out = static_cast<int>(value);
    return true;
  }

  bool read(std::string_view key, std::optional<int>& out, std::int64_t lo,
            std::int64_t hi = INT_MAX) {
    int value = 0;
    if (!read(key, value, lo, hi)) return false;
    out = value;
    return true;
  }

  // Arrays of strings; `check` (may be null) validates each element and returns a message.
  using ElementCheck = std::string (*)(std::string& element);
  bool read(std::string_view key, std::vector<std::string>& out, ElementCheck check = nullptr) {
    const auto* array = typed<toml::array>(key, "an array of strings");
    if (!array) return false;
    std::vector<std::string> values;
    bool ok = true;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& element = *array->get(i);
      const std::string at = path_of(key) + "[" + std::to_string(i + 1) + "]";
      const auto* s = element.as_string();
      if (!s) {
        problems_.add(element.source(), at,
                      "expected a string, got " + std::string(type_name(element)));
        ok = false;
        continue;
      }
      std::string value = s->get();
      if (check) {
        if (std::string message = check(value); !message.empty()) {
          problems_.add(element.source(), at, message);
          ok = false;
          continue;
        }
      }
      values.push_back(std::move(value));
    }
    if (ok) out = std::move(values);
    return ok;
  }

  bool read(std::string_view key, std::vector<int>& out, std::int64_t lo, std::int64_t hi) {
    const auto* array = typed<toml::array>(key, "an array of integers");
    if (!array) return false;
    std::vector<int> values;
    bool ok = true;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& element = *array->get(i);
      const std::string at = path_of(key) + "[" + std::to_string(i + 1) + "]";
      const auto* v = element.as_integer();
      if (!v) {
        problems_.add(element.source(), at,
                      "expected an integer, got " + std::string(type_name(element)));
        ok = false;
      } else if (in_range(v->get(), lo, hi, element, at)) {
        values.push_back(static_cast<int>(v->get()));
      } else {
        ok = false;
      }
    }
    if (ok) out = std::move(values);
    return ok;
  }

  // Every key of the table not asked for so far is an error.
  void reject_unknown_keys() {
    for (auto&& [key, value] : table_) {
      if (std::ranges::find(known_, key.str()) != known_.end()) continue;
      problems_.add(
          key.source(), path_of(key.str()),
          "unknown key '" + std::string(key.str()) + "'" + did_you_mean(key.str(), known_));
    }
  }

 private:
  bool in_range(std::int64_t v, std::int64_t lo, std::int64_t hi, const toml::node& n,
                const std::string& at) {
    if (v >= lo && v <= hi) return true;
    problems_.add(n.source(), at,
                  hi == INT_MAX || hi == INT64_MAX
                      ? "must be at least " + std::to_string(lo)
                      : "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    return false;
  }

  const toml::table& table_;
  std::string path_;
  Problems& problems_;
  std::vector<std::string> known_;
};

// ---- element checks for string arrays -----------------------------------------------------

std::string check_resolve(std::string& entry) {
  return is_resolve_entry(entry) ? "" : "'" + entry + "' is not host:port:address";
}

std::string check_alias(std::string& host) {
  host = ascii_lower(host);
  return is_host_name(host) ? "" : "'" + host + "' is not a host name";
}

// "gov.cn", ".gov.cn" and "*.gov.cn" all mean gov.cn and its subdomains.
std::string check_domain(std::string& domain) {
  domain = ascii_lower(domain);
  if (domain.starts_with("*."))
    domain.erase(0, 2);
  else if (domain.starts_with("."))
    domain.erase(0, 1);
  return is_host_name(domain) ? "" : "'" + domain + "' is not a domain name";
}

// ---- sections -----------------------------------------------------------------------------

void read_patrol(TableReader& r, PatrolConfig& p, const fs::path& folder) {
  std::string database;
  if (r.read("database", database) && database.empty()) {
    r.problems().add(r.node("database")->source(), r.path_of("database"), "must not be empty");
  } else if (!database.empty()) {
    p.database = database;
  }
  p.database = relative_to(folder, p.database);

  if (r.read("user_agent", p.user_agent) && p.user_agent.empty()) {
    r.problems().add(r.node("user_agent")->source(), r.path_of("user_agent"), "must not be empty");
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
  r.read("max_depth", p.max_depth, 0);
  r.read("max_redirects", p.max_redirects, 0, 50);
  r.read("max_retries", p.max_retries, 0, 10);

  std::int64_t bytes = 0;
  std::int64_t mib = 0;
  const bool has_bytes = r.read("max_body_bytes", bytes, 1, INT64_MAX);
  const bool has_mib = r.read("max_body_mib", mib, 1, 4096);
  if (has_bytes && has_mib) {
    r.problems().add(r.node("max_body_mib")->source(), r.path_of("max_body_mib"),
                     "give max_body_bytes or max_body_mib, not both");
  } else if (has_bytes) {
    p.max_body_bytes = static_cast<std::size_t>(bytes);
  } else if (has_mib) {
    p.max_body_bytes = static_cast<std::size_t>(mib) << 20;
  }

  r.read("check_external_links", p.check_external_links);
  r.read("respect_robots", p.respect_robots);
  r.read("allow_private_networks", p.allow_private_networks);
  r.read("resolve", p.resolve, check_resolve);
  if (r.read("ca_bundle", p.ca_bundle)) p.ca_bundle = relative_to(folder, p.ca_bundle).string();
  r.read("parse_threads", p.parse_threads, 0);
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
  r.reject_unknown_keys();
}

// Reads an array of tables at `key`, calling `each(reader, index)` for every entry.
template <typename Each>
void for_each_table(TableReader& parent, std::string_view key, Each each) {
  const toml::node* n = parent.node(key);
  if (!n) return;
  const auto* array = n->as_array();
  if (!array || !array->is_array_of_tables()) {
    parent.problems().add(
        n->source(), parent.path_of(key),
        "expected an array of tables ([[" + without_indices(parent.path_of(key)) + "]])");
    return;
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    TableReader r(*array->get(i)->as_table(),
                  parent.path_of(key) + "[" + std::to_string(i + 1) + "]", parent.problems());
    each(r, i);
  }
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
  r.read("cookies", s.cookies);
  r.read("accepted_status", s.accepted_status, 100, 999);
  r.read("respect_robots", s.respect_robots);
  r.read("max_pages", s.max_pages, 1);

  if (const auto* headers = r.typed<toml::table>("headers", "a table")) {
    for (auto&& [name, value] : *headers) {
      const std::string at = r.path_of("headers") + "." + std::string(name.str());
      if (!is_header_name(name.str())) {
        r.problems().add(name.source(), at,
                         "'" + std::string(name.str()) + "' is not an HTTP header name");
      } else if (const auto* text = value.as_string()) {
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
  for_each_table(r, "site", [&](TableReader& site, std::size_t) {
    read_site(site, config.sites.emplace_back());
  });
  check_unique_ids(root, config.sites, problems);

  config.thresholds = default_thresholds();
  if (const auto* thresholds = r.typed<toml::table>("thresholds", "a table ([thresholds])")) {
    read_thresholds(*thresholds, config.thresholds, problems);
  }
  for (std::string_view key : kLaterTables) r.typed<toml::table>(key, "a table");
  for (std::string_view key : kLaterArrays) {
    for_each_table(r, key, [](TableReader&, std::size_t) {});
  }
  r.reject_unknown_keys();
}

}  // namespace

std::expected<Config, ConfigError> parse_config(std::string_view text, const fs::path& file) {
  const std::string source = file.string();
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(source));
  } catch (const toml::parse_error& e) {
    return std::unexpected(ConfigError{source, static_cast<int>(e.source().begin.line),
                                       static_cast<int>(e.source().begin.column), "",
                                       std::string(e.description())});
  }
  Config config;
  config.file = file;
  Problems problems(source);
  read_root(root, config, problems);
  if (!problems.empty()) return std::unexpected(problems.earliest());
  return config;
}

std::expected<Config, ConfigError> load_config(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return std::unexpected(
        ConfigError{file.string(), 0, 0, "", "cannot open the configuration file"});
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return std::unexpected(
        ConfigError{file.string(), 0, 0, "", "cannot read the configuration file"});
  }
  return parse_config(text.str(), file);
}

}  // namespace sitepatrol::config
