// Reading TOML tables with positions: the helpers every config file reader shares.
//
// A TableReader wraps one toml++ table and hands out typed values; it remembers the keys it
// was asked for, so whatever is left over is an unknown key, reported with a did-you-mean drawn
// from those same keys (the accepted keys are listed once, where they are read). Problems are
// collected rather than returned at the first one; the earliest in the file is reported, so
// the user fixes the file top to bottom. Problems of another file (a spam term file named by
// the configuration) come after the configuration's own.
//
// Internal to the config library (toml++ is a private dependency). Not thread-safe; one
// reader per parse.
#pragma once

#include <chrono>
#include <climits>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/ascii.h"
#include "config/config.h"
#include "config/ymd.h"

namespace sitepatrol::config::detail {

// " (did you mean 'timeout_s'?)" when a candidate is within two edits, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c".
std::string join(const std::vector<std::string>& words);

// "a string", "an integer", ... for "expected X, got Y".
std::string_view type_name(const toml::node& n);

// "site[2].column" -> "site.column": how the user writes the header of an array of tables.
std::string without_indices(const std::string& path);

// `p` against `folder` unless empty, absolute or ":memory:".
std::filesystem::path relative_to(const std::filesystem::path& folder,
                                  const std::filesystem::path& p);

// "gov.cn", ".gov.cn" and "*.gov.cn" all mean gov.cn and its subdomains: lower-cases and
// strips the prefix in place; returns a message, "" when the domain is fine.
std::string check_domain(std::string& domain);

// A host name as written in aliases or allowed_domains: no scheme, path, port or spaces.
bool is_host_name(std::string_view s);

class Problems {
 public:
  explicit Problems(std::string file) : file_(std::move(file)) {}

  void add(const toml::source_region& at, std::string key, std::string message);
  // A problem found in another file (or with no position in this one).
  void add(ConfigError error) { errors_.push_back(std::move(error)); }

  bool empty() const { return errors_.empty(); }
  const std::string& file() const { return file_; }

  // This file's earliest problem; other files' problems only when this file has none.
  ConfigError earliest() const;

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
  const toml::table& table() const { return table_; }
  Problems& problems() { return problems_; }

  const toml::node* node(std::string_view key);

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

  bool read(std::string_view key, std::string& out);
  bool read(std::string_view key, bool& out);
  bool read(std::string_view key, std::optional<bool>& out);
  bool read(std::string_view key, std::int64_t& out, std::int64_t lo, std::int64_t hi);
  bool read(std::string_view key, int& out, std::int64_t lo, std::int64_t hi = INT_MAX);
  bool read(std::string_view key, std::optional<int>& out, std::int64_t lo,
            std::int64_t hi = INT_MAX);
  // A number (integer or floating point) in (lo, hi] when `lo_open`, else [lo, hi].
  bool read(std::string_view key, double& out, double lo, double hi, bool lo_open);

  // Arrays of strings; `check` (may be null) validates each element and returns a message.
  using ElementCheck = std::string (*)(std::string& element);
  bool read(std::string_view key, std::vector<std::string>& out, ElementCheck check = nullptr);
  bool read(std::string_view key, std::vector<int>& out, std::int64_t lo, std::int64_t hi);

  // Every key of the table not asked for so far is an error.
  void reject_unknown_keys();

 private:
  bool in_range(std::int64_t v, std::int64_t lo, std::int64_t hi, const toml::node& n,
                const std::string& at);

  const toml::table& table_;
  std::string path_;
  Problems& problems_;
  std::vector<std::string> known_;
};

// How an entry of an array of tables is named in messages: "site 'hb-jtt'" when the entry
// has a well-formed `id_key` (lower-case letters, digits and '-'), which the user finds in
// the file at once, else by its position, "site[4]".
std::string entry_path(const std::string& array_path, const toml::table& entry, std::size_t index,
                       std::string_view id_key);

// Reads an array of tables at `key`, calling `each(reader, index)` for every entry; with an
// `id_key`, entries are named by it (entry_path).
template <typename Each>
void for_each_table(TableReader& parent, std::string_view key, Each each,
                    std::string_view id_key = {}) {
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
    const toml::table& entry = *array->get(i)->as_table();
    TableReader r(entry, entry_path(parent.path_of(key), entry, i, id_key), parent.problems());
    each(r, i);
  }
}

// Parses `text` as TOML named `file`; a syntax error becomes a ConfigError.
std::expected<toml::table, ConfigError> parse_toml(std::string_view text, const std::string& file);

// The whole file; a ConfigError (no position) naming `what` when it cannot be read.
std::expected<std::string, ConfigError> read_file(const std::filesystem::path& file,
                                                  std::string_view what);

// A data file the configuration names at `key` (spam terms, feature names, content terms),
// resolved against `folder`: its path and text. Nullopt when the key is absent or "", and
// when the file cannot be opened or read (a problem is then recorded at the key).
struct DataFile {
  std::filesystem::path path;
  std::string text;
};
std::optional<DataFile> read_data_file(TableReader& r, std::string_view key,
                                       const std::filesystem::path& folder, std::string_view what);

}  // namespace sitepatrol::config::detail
