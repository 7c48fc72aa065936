// Reading [console] and its [[console.user]]s (config/console.h) for load.cpp. Problems go to
// the reader's Problems with file, line and key. Internal to the config library.
#pragma once

#include <vector>

#include "config/config.h"
#include "config/toml_reader.h"

namespace sitepatrol::config::detail {

// `sites` are the configured sites: a user's `units` must name units they have.
void read_console(TableReader& r, ConsoleConfig& out, const std::vector<SiteConfig>& sites);

}  // namespace sitepatrol::config::detail
