// Reading [security] (docs/configuration.md, issue 5) for load.cpp.
//
// Keys: spam_terms_file (relative to the configuration's folder; "" = the built-in list; the
// file's own problems are reported with its name, line and key), spam_threshold (>= 1),
// approved_hosts (domains added to default_approved_hosts(); approved_script_hosts is its older
// name, still read),
// tamper_threshold (0 < x <= 1). Unknown keys are problems. Internal to the config library.
#pragma once

#include <filesystem>

#include "config/config.h"
#include "config/toml_reader.h"

namespace sitepatrol::config::detail {

// Fills `out` from the table, starting from default_security(); problems go to r.problems().
void read_security(TableReader& r, SecurityConfig& out, const std::filesystem::path& folder);

}  // namespace sitepatrol::config::detail
