// Reading [features] and [[site.feature]] (issue 4) for load.cpp.
//
// [features] keys: names_file (relative to the configuration's folder; its names are added to
// the built-in ones), required.<category> (array of feature kinds), interviews_per_year.
// <category> (integer >= 0), unanswered_days, message_months, solicitation_feedback_days.
// [[site.feature]] keys: kind, url. Unknown keys are problems. Internal to the config library.
#pragma once

#include <filesystem>

#include "config/config.h"
#include "config/toml_reader.h"

namespace sitepatrol::config::detail {

// Fills `out` from the table, starting from default_features(); problems go to r.problems().
void read_features(TableReader& r, FeaturesConfig& out, const std::filesystem::path& folder);

// One [[site.feature]].
void read_site_feature(TableReader& r, FeatureConfig& out);

}  // namespace sitepatrol::config::detail
