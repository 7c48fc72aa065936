// Readers of the content settings inside a configuration file (config/content.h): the
// [content] section, a site's [[site.leader]] entries, and the dictionary entries they share.
#pragma once

#include <filesystem>

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

}  // namespace sitepatrol::config::detail
