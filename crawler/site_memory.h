// SiteMemory: what the store remembers of a site from earlier runs: the validators for
// conditional requests, the accepted template fingerprints and the column history. Read when
// the site's walk is about to start (on the store's thread), not for every site at once.
#pragma once

#include <expected>
#include <map>
#include <string>
#include <unordered_map>

#include "checks/column_history.h"
#include "checks/inputs.h"
#include "store/store.h"

namespace sitepatrol::crawler {

struct Validators {
  std::string etag;
  std::string last_modified;
};

struct SiteMemory {
  std::unordered_map<std::string, Validators> validators;  // for conditional requests
  std::map<std::string, checks::PageSketch> baselines;     // accepted template fingerprints
  std::map<std::string, checks::ColumnState> columns;      // column history, by column URL
};

// The site's memory, or the store's message when it cannot be read.
std::expected<SiteMemory, std::string> read_site_memory(store::Store& store,
                                                        const std::string& site);

}  // namespace sitepatrol::crawler
