// The column dictionary: which names mean which column key and class, and which keys each
// category of site must have (docs/codes.md, COLUMN-MISSING; the format is explained at the top
// of config/columns.toml, which is built into the binary).
//
// `[columns] dictionary = "file"` in the configuration adds a file in the same format to the
// built-in entries (see merge rules in columns.toml); its problems are reported with its own
// name, line and key. Loaded once with the configuration; immutable afterwards.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"

namespace sitepatrol::config {

// A column key: lower-case letters, digits and '_'.
bool is_column_key(std::string_view key);

// The text of config/columns.toml (generated source).
std::string_view builtin_columns_toml();

// The built-in dictionary, parsed once.
const std::vector<ColumnKind>& builtin_column_kinds();

// Parses a dictionary file's text; `file` names it in errors.
std::expected<std::vector<ColumnKind>, ConfigError> parse_column_kinds(
    std::string_view text, const std::filesystem::path& file);

// Adds `extra` to `base`: a known key gains the names and takes the class and required
// categories when the entry gives them; a new key is appended.
void merge_column_kinds(std::vector<ColumnKind>& base, std::vector<ColumnKind> extra);

}  // namespace sitepatrol::config
