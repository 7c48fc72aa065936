// Interactive features (issue 4): the kinds, the built-in names, the [features] defaults.
//
// The built-in names are config/features.toml, embedded into the library at build time
// (config/CMakeLists.txt) and parsed on first use. `[features] names_file` names a file of
// the same format whose names are added to the built-in ones:
//
//     [message_board]
//     names = ["留言", "我要咨询"]       # an anchor text containing one is a candidate
//     ignore = ["电话"]                # ... unless it also contains one of these
//
// Tables are the feature kinds and "mailbox_stats"; keys `names` (required) and `ignore`.
// Which kinds a category must have and how many interviews a year it owes default to the
// 2012 task table (docs: README "Interactive features"); [features] overrides them per
// category. Everything here is pure or initialised once thread-safely.
#pragma once

#include <expected>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"

namespace sitepatrol::config {

// The feature kinds of docs/codes.md, in the contract's order.
const std::vector<std::string>& feature_kinds();

// config/features.toml as built into the binary, and its names by kind.
std::string_view builtin_features_toml();
const std::map<std::string, FeatureNames>& builtin_feature_names();

// What a configuration without [features] gets (and `config_for_urls`).
FeaturesConfig default_features();

// A feature names file. Errors name `file`, the line and the key, e.g.
// "features.toml:3:9: interview.names: expected an array of strings, got an integer".
std::expected<std::map<std::string, FeatureNames>, ConfigError> parse_feature_names(
    std::string_view text, const std::filesystem::path& file);

// `extra`'s names and ignore words appended to `into`'s, each once.
void merge_feature_names(std::map<std::string, FeatureNames>& into,
                         const std::map<std::string, FeatureNames>& extra);

}  // namespace sitepatrol::config
