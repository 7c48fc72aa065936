#include "config/toml_reader.h"

#include "config/ascii.h"
#include "config/idn.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sitepatrol::config::detail {
namespace {

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

}  // namespace

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

std::string without_indices(const std::string& path) {
  std::string out;
  bool in_index = false;
  bool in_id = false;  // " 'hb-jtt'" (entry_path)
  for (char c : path) {
    if (c == '[') {
      in_index = true;
    } else if (c == '\'') {
      in_id = !in_id;
      continue;
    }
    if (!in_index && !in_id && c != ' ') out += c;
    if (c == ']') in_index = false;
  }
  return out;
}

std::string entry_path(const std::string& array_path, const toml::table& entry, std::size_t index,
                       std::string_view id_key) {
  if (!id_key.empty()) {
    if (const auto id = entry[id_key].value<std::string>();
        id && !id->empty() && std::ranges::all_of(*id, [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        })) {
      return array_path + " '" + *id + "'";
    }
  }
  return array_path + "[" + std::to_string(index + 1) + "]";
}

std::filesystem::path relative_to(const std::filesystem::path& folder,
                                  const std::filesystem::path& p) {
  // A database URI (postgresql://...) is no path.
  if (p.empty() || p.is_absolute() || p == ":memory:" || p.native().find("://") != std::string::npos)
    return p;
  return (folder / p).lexically_normal();
}

bool is_host_name(std::string_view s) {
  return !s.empty() && s.find_first_of(" \t/:?#@[]") == std::string_view::npos &&
         s.front() != '.' && s.back() != '.';
}

std::string check_domain(std::string& domain) {
  domain = ascii_lower(domain);
  if (domain.starts_with("*."))
    domain.erase(0, 2);
  else if (domain.starts_with("."))
    domain.erase(0, 1);
  if (!is_host_name(domain)) return "'" + domain + "' is not a domain name";
  // Compared with hosts in one form: an IDN written in Chinese becomes punycode.
  auto ascii = host_to_ascii(domain);
  if (!ascii) return "'" + domain + "' is not a valid internationalised domain name";
  domain = std::move(*ascii);
  return "";
}

// ---- Problems -----------------------------------------------------------------------------

void Problems::add(const toml::source_region& at, std::string key, std::string message) {
  errors_.push_back(ConfigError{file_, static_cast<int>(at.begin.line),
                                static_cast<int>(at.begin.column), std::move(key),
                                std::move(message)});
}

ConfigError Problems::earliest() const {
  return *std::ranges::min_element(errors_, {}, [&](const ConfigError& e) {
    return std::tuple(e.file != file_, e.line, e.column);
  });
}

// ---- TableReader --------------------------------------------------------------------------

const toml::node* TableReader::node(std::string_view key) {
  if (std::ranges::find(known_, key) == known_.end()) known_.emplace_back(key);
  return table_.get(key);
}

bool TableReader::read(std::string_view key, std::string& out) {
  const auto* v = typed<std::string>(key, "a string");
  if (v) out = v->get();
  return v != nullptr;
}

bool TableReader::read(std::string_view key, bool& out) {
  const auto* v = typed<bool>(key, "a boolean");
  if (v) out = v->get();
  return v != nullptr;
}

bool TableReader::read(std::string_view key, std::optional<bool>& out) {
  bool value = false;
  if (!read(key, value)) return false;
  out = value;
  return true;
}

bool TableReader::read(std::string_view key, std::int64_t& out, std::int64_t lo, std::int64_t hi) {
  const auto* v = typed<std::int64_t>(key, "an integer");
  if (!v) return false;
  if (!in_range(v->get(), lo, hi, *v, path_of(key))) return false;
  out = v->get();
  return true;
}

bool TableReader::read(std::string_view key, int& out, std::int64_t lo, std::int64_t hi) {
  std::int64_t value = 0;
  if (!read(key, value, lo, hi)) return false;
  out = static_cast<int>(value);
  return true;
}

bool TableReader::read(std::string_view key, std::optional<int>& out, std::int64_t lo,
                       std::int64_t hi) {
  int value = 0;
  if (!read(key, value, lo, hi)) return false;
  out = value;
  return true;
}

bool TableReader::read(std::string_view key, double& out, double lo, double hi, bool lo_open) {
  const toml::node* n = node(key);
  if (n == nullptr) return false;
  double value = 0;
  if (const auto* f = n->as_floating_point()) {
    value = f->get();
  } else if (const auto* i = n->as_integer()) {
    value = static_cast<double>(i->get());
  } else {
    problems_.add(n->source(), path_of(key),
                  "expected a number, got " + std::string(type_name(*n)));
    return false;
  }
  const bool above = lo_open ? value > lo : value >= lo;
  if (!above || !(value <= hi)) {  // also rejects nan
    std::ostringstream message;
    message << "must be " << (lo_open ? "greater than " : "at least ") << lo << " and at most "
            << hi;
    problems_.add(n->source(), path_of(key), message.str());
    return false;
  }
  out = value;
  return true;
}

bool TableReader::read(std::string_view key, std::vector<std::string>& out, ElementCheck check) {
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

bool TableReader::read(std::string_view key, std::vector<int>& out, std::int64_t lo,
                       std::int64_t hi) {
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

void TableReader::reject_unknown_keys() {
  for (auto&& [key, value] : table_) {
    if (std::ranges::find(known_, key.str()) != known_.end()) continue;
    problems_.add(key.source(), path_of(key.str()),
                  "unknown key '" + std::string(key.str()) + "'" + did_you_mean(key.str(), known_));
  }
}

bool TableReader::in_range(std::int64_t v, std::int64_t lo, std::int64_t hi, const toml::node& n,
                           const std::string& at) {
  if (v >= lo && v <= hi) return true;
  problems_.add(n.source(), at,
                hi == INT_MAX || hi == INT64_MAX
                    ? "must be at least " + std::to_string(lo)
                    : "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  return false;
}

// ---- files --------------------------------------------------------------------------------

std::expected<toml::table, ConfigError> parse_toml(std::string_view text, const std::string& file) {
  try {
    return toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error& e) {
    return std::unexpected(ConfigError{file, static_cast<int>(e.source().begin.line),
                                       static_cast<int>(e.source().begin.column), "",
                                       std::string(e.description())});
  }
}

std::expected<std::string, ConfigError> read_file(const std::filesystem::path& file,
                                                  std::string_view what) {
  // A device or a pipe (/dev/zero, a FIFO) would be read forever; a configuration file, a
  // dictionary or a term list is a regular file of reasonable size.
  constexpr std::uintmax_t kMaxBytes = 16u << 20;
  std::error_code ec;
  if (std::filesystem::exists(file, ec) && !std::filesystem::is_regular_file(file, ec)) {
    return std::unexpected(
        ConfigError{file.string(), 0, 0, "", std::string(what) + " is not a regular file"});
  }
  if (const auto size = std::filesystem::file_size(file, ec); !ec && size > kMaxBytes) {
    return std::unexpected(
        ConfigError{file.string(), 0, 0, "", std::string(what) + " is larger than 16 MiB"});
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return std::unexpected(
        ConfigError{file.string(), 0, 0, "", "cannot open " + std::string(what)});
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return std::unexpected(
        ConfigError{file.string(), 0, 0, "", "cannot read " + std::string(what)});
  }
  return text.str();
}

std::optional<DataFile> read_data_file(TableReader& r, std::string_view key,
                                       const std::filesystem::path& folder, std::string_view what) {
  std::string name;
  if (!r.read(key, name) || name.empty()) return std::nullopt;
  DataFile file{relative_to(folder, name), {}};
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file.path, ec)) {
    r.problems().add(r.node(key)->source(), r.path_of(key),
                     "cannot open '" + file.path.string() + "'");
    return std::nullopt;
  }
  auto text = read_file(file.path, what);
  if (!text) {
    r.problems().add(std::move(text.error()));
    return std::nullopt;
  }
  file.text = std::move(*text);
  return file;
}

std::optional<std::chrono::sys_days> parse_ymd(const std::string& text) {
  int y = 0, m = 0, d = 0;
  char extra = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                        std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd);
}

}  // namespace sitepatrol::config::detail
