// Reading `[indices]` and a site's `baseline_*` keys (config/indices.h) for load.cpp.
//
// [indices] has three optional sub-tables, disclosure = {presence, freshness},
// service = {columns, forms, availability}, interaction = {channels, replies, interviews,
// solicitations}; each weight is a number >= 0 and each group must keep a positive sum.
// A site's baseline_disclosure, baseline_service, baseline_interaction are numbers in [0, 1].
// Unknown keys are problems. Internal to the config library.
#pragma once

#include "config/config.h"
#include "config/toml_reader.h"

namespace sitepatrol::config::detail {

void read_indices(TableReader& r, IndicesConfig& out);
void read_site_baseline(TableReader& site, IndexBaseline& out);

}  // namespace sitepatrol::config::detail
