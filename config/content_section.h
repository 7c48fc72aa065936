// Readers of the content settings inside a configuration file (config/content.h): the
// [content] section, a site's [[site.leader]] entries, and the dictionary entries they share.
#pragma once

#include <filesystem>
#include <span>

#include "config/content.h"
#include "config/toml_reader.h"

namespace sitepatrol::config::detail {

// [content]: terms_file, resolved against `folder` and merged into the built-in dictionary.
void read_content(TableReader& r, ContentConfig& out, const std::filesystem::path& folder);

// One leader: name, title (or titles), since, until (TOML dates or "YYYY-MM-DD"), source.
void read_leader(TableReader& r, Leader& out);

// A date at `key`: a TOML date or a "YYYY-MM-DD" string; false (and a problem) when it is
// something else.
bool read_date(TableReader& r, std::string_view key, std::optional<std::chrono::sys_days>& out);

// A problem at `key` when `text` (or, for an array, one of its strings) is longer than
// kMaxTermChars characters: the matcher could never find it.
void refuse_long_terms(TableReader& r, std::string_view key, std::span<const std::string> texts);

}  // namespace sitepatrol::config::detail
