// Reading [columns] for load.cpp: `dictionary` names a column dictionary file (relative to the
// configuration's folder) whose entries are merged into the built-in ones. Without the
// section, the built-in dictionary. Internal to the config library.
#pragma once

#include <filesystem>

#include "config/config.h"
#include "config/toml_reader.h"

namespace sitepatrol::config::detail {

void read_columns(TableReader& r, Config& config, const std::filesystem::path& folder);

}  // namespace sitepatrol::config::detail
