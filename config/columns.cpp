// The column dictionary (config/columns.h): parsing, merging and the [columns] section.
#include "config/columns.h"

#include <algorithm>

#include "config/columns_section.h"
#include "config/toml_reader.h"

namespace sitepatrol::config {
namespace {

using detail::for_each_table;
using detail::join;
using detail::parse_toml;
using detail::Problems;
using detail::read_file;
using detail::TableReader;

const std::vector<std::string> kCategories = {"local", "ministry", "ministry_unit", "maritime"};

std::string check_key(std::string& key) {
  return is_column_key(key) ? std::string()
                            : "'" + key + "' is not a column key (lower-case letters, digits, '_')";
}

std::string check_category(std::string& category) {
  if (std::ranges::find(kCategories, category) != kCategories.end()) return {};
  return "'" + category + "' is not one of " + join(kCategories);
}

std::string check_name(std::string& name) {
  return name.empty() || name.find_first_of(" \t") != std::string::npos
             ? "a column name must be non-empty and without spaces"
             : std::string();
}

std::string check_path(std::string& path) {
  const bool ok = !path.empty() && std::ranges::all_of(path, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  return ok ? std::string()
            : "a column path is one URL folder name: lower-case letters, digits, '_', '-'";
}

void add_missing(std::vector<std::string>& to, std::vector<std::string>& from) {
  for (std::string& s : from) {
    if (std::ranges::find(to, s) == to.end()) to.push_back(std::move(s));
  }
}

void read_kind(TableReader& r, ColumnKind& kind, bool class_required) {
  if (!r.read("key", kind.key)) {
    r.problems().add(r.where(), r.path_of("key"), "missing key");
  } else if (std::string problem = check_key(kind.key); !problem.empty()) {
    r.problems().add(r.node("key")->source(), r.path_of("key"), problem);
  }
  if (r.read("class", kind.column_class)) {
    const auto& classes = column_classes();
    if (std::ranges::find(classes, kind.column_class) == classes.end()) {
      r.problems().add(r.node("class")->source(), r.path_of("class"),
                       "'" + kind.column_class + "' is not one of " + join(classes));
    }
  } else if (class_required) {
    r.problems().add(r.where(), r.path_of("class"), "missing key");
  }
  kind.required_given = r.read("required", kind.required, check_category);
  r.read("names", kind.names, check_name);
  r.read("endings", kind.endings, check_name);
  r.read("paths", kind.paths, check_path);
  r.reject_unknown_keys();
}

}  // namespace

bool is_column_key(std::string_view key) {
  return !key.empty() && std::ranges::all_of(key, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::expected<std::vector<ColumnKind>, ConfigError> parse_column_kinds(
    std::string_view text, const std::filesystem::path& file) {
  auto root = parse_toml(text, file.string());
  if (!root) return std::unexpected(std::move(root.error()));
  Problems problems(file.string());
  TableReader r(*root, "", problems);
  std::vector<ColumnKind> kinds;
  // A user's extension may leave out the class of a key it only adds names to; whether the
  // key exists is known when merging, where a new key without a class is reported.
  for_each_table(r, "column", [&](TableReader& entry, std::size_t) {
    read_kind(entry, kinds.emplace_back(), /*class_required=*/false);
  });
  r.reject_unknown_keys();
  if (!problems.empty()) return std::unexpected(problems.earliest());
  return kinds;
}

void merge_column_kinds(std::vector<ColumnKind>& base, std::vector<ColumnKind> extra) {
  for (ColumnKind& add : extra) {
    auto it = std::ranges::find(base, add.key, &ColumnKind::key);
    if (it == base.end()) {
      if (add.column_class.empty()) add.column_class = "other";
      base.push_back(std::move(add));
      continue;
    }
    add_missing(it->names, add.names);
    add_missing(it->endings, add.endings);
    add_missing(it->paths, add.paths);
    if (!add.column_class.empty()) it->column_class = add.column_class;
    if (add.required_given) it->required = std::move(add.required);
  }
}

const std::vector<ColumnKind>& builtin_column_kinds() {
  // A defect in the shipped file is caught by tests/config/columns_test.cpp.
  static const std::vector<ColumnKind> kinds =
      parse_column_kinds(builtin_columns_toml(), "columns.toml (built in)")
          .value_or(std::vector<ColumnKind>{});
  return kinds;
}

namespace detail {

void read_columns(TableReader& r, Config& config, const std::filesystem::path& folder) {
  config.column_kinds = builtin_column_kinds();
  std::string file;
  if (r.read("dictionary", file) && !file.empty()) {
    config.column_dictionary = relative_to(folder, file);
    auto text = read_file(config.column_dictionary, "the column dictionary");
    if (!text) {
      r.problems().add(r.node("dictionary")->source(), r.path_of("dictionary"),
                       "cannot read '" + config.column_dictionary.string() + "': " +
                           text.error().message);
    } else if (auto kinds = parse_column_kinds(*text, config.column_dictionary)) {
      merge_column_kinds(config.column_kinds, std::move(*kinds));
    } else {
      r.problems().add(std::move(kinds.error()));
    }
  }
  r.reject_unknown_keys();
}

}  // namespace detail
}  // namespace sitepatrol::config
