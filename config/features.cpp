// Interactive features: built-in names, defaults and the [features] section
// (config/features.h, config/features_section.h).
#include "config/features.h"

#include <algorithm>

#include "config/features_section.h"
#include "config/toml_reader.h"

namespace sitepatrol::config {
namespace {

using detail::did_you_mean;
using detail::join;
using detail::parse_toml;
using detail::Problems;
using detail::read_file;
using detail::TableReader;

// The categories of docs/configuration.md (load.cpp validates a site's category against the same).
const std::vector<std::string>& categories() {
  static const std::vector<std::string> list = {"local", "ministry", "ministry_unit", "maritime"};
  return list;
}

// The kinds a names file may list: the features and the mailbox statistics column.
std::vector<std::string> name_tables() {
  std::vector<std::string> tables = feature_kinds();
  tables.push_back("mailbox_stats");
  return tables;
}

std::string check_name(std::string& name) {
  if (name.empty()) return "a name must not be empty";
  if (name.front() == ' ' || name.back() == ' ') return "a name must not start or end with a space";
  return "";
}

std::string check_kind(std::string& kind) {
  const auto& kinds = feature_kinds();
  if (std::ranges::find(kinds, kind) != kinds.end()) return "";
  return "'" + kind + "' is not a feature kind (" + join(kinds) + ")" + did_you_mean(kind, kinds);
}

void append_unique(std::vector<std::string>& into, const std::vector<std::string>& extra) {
  for (const auto& word : extra)
    if (std::ranges::find(into, word) == into.end()) into.push_back(word);
}

// A table keyed by category: each value read by `each(reader, category)`.
template <typename Each>
void for_each_category(TableReader& r, std::string_view key, Each each) {
  const auto* table = r.typed<toml::table>(key, "a table of categories");
  if (!table) return;
  TableReader categories_reader(*table, r.path_of(key), r.problems());
  for (const auto& category : categories()) each(categories_reader, category);
  categories_reader.reject_unknown_keys();
}

}  // namespace

const std::vector<std::string>& feature_kinds() {
  static const std::vector<std::string> kinds = {
      "message_board", "interview", "solicitation", "mailbox", "search", "disclosure_request"};
  return kinds;
}

std::expected<std::map<std::string, FeatureNames>, ConfigError> parse_feature_names(
    std::string_view text, const std::filesystem::path& file) {
  const std::string source = file.string();
  auto root = parse_toml(text, source);
  if (!root) return std::unexpected(std::move(root.error()));
  Problems problems(source);
  std::map<std::string, FeatureNames> out;
  TableReader r(*root, "", problems);
  for (const auto& kind : name_tables()) {
    const auto* table = r.typed<toml::table>(kind, "a table ([" + kind + "])");
    if (!table) continue;
    TableReader names(*table, kind, problems);
    FeatureNames& entry = out[kind];
    if (!names.node("names")) {
      problems.add(table->source(), kind + ".names", "missing key");
    } else if (names.read("names", entry.names, check_name) && entry.names.empty()) {
      problems.add(names.node("names")->source(), kind + ".names", "must not be empty");
    }
    names.read("ignore", entry.ignore, check_name);
    names.reject_unknown_keys();
  }
  r.reject_unknown_keys();
  if (!problems.empty()) return std::unexpected(problems.earliest());
  return out;
}

void merge_feature_names(std::map<std::string, FeatureNames>& into,
                         const std::map<std::string, FeatureNames>& extra) {
  for (const auto& [kind, names] : extra) {
    append_unique(into[kind].names, names.names);
    append_unique(into[kind].ignore, names.ignore);
  }
}

const std::map<std::string, FeatureNames>& builtin_feature_names() {
  // A defect in the shipped file is caught by tests/config/features_test.cpp; at run time it
  // would leave the names empty rather than stop the patrol.
  static const std::map<std::string, FeatureNames> names =
      parse_feature_names(builtin_features_toml(), "features.toml (built in)")
          .value_or(std::map<std::string, FeatureNames>{});
  return names;
}

FeaturesConfig default_features() {
  FeaturesConfig f;
  f.names = builtin_feature_names();
  // The 2012 task table: local sites (tasks 24-26) open 咨询投诉, 在线访谈, 意见征集 and 网上依申请
  // 公开; ministry units (27-29) the first three; maritime bureaus (30-32) all four; the
  // ministry's portal (8-23) also its 部长信箱 with half-yearly statistics. Search is checked
  // wherever it is found but required by no task.
  f.required = {
      {"local", {"message_board", "interview", "solicitation", "disclosure_request"}},
      {"ministry_unit", {"message_board", "interview", "solicitation"}},
      {"maritime", {"message_board", "interview", "solicitation", "disclosure_request"}},
      {"ministry", {"message_board", "interview", "solicitation", "mailbox", "disclosure_request"}},
  };
  f.interviews_per_year = {{"local", 2}, {"ministry_unit", 1}, {"maritime", 2}};
  return f;
}

namespace detail {

void read_features(TableReader& r, FeaturesConfig& out, const std::filesystem::path& folder) {
  out = default_features();
  if (auto file = read_data_file(r, "names_file", folder, "the feature names file")) {
    out.names_file = file->path;
    if (auto extra = parse_feature_names(file->text, file->path)) {
      merge_feature_names(out.names, *extra);
    } else {
      r.problems().add(std::move(extra.error()));  // the names file's own name, line and key
    }
  }
  for_each_category(r, "required", [&](TableReader& c, const std::string& category) {
    std::vector<std::string> kinds;
    if (c.read(category, kinds, check_kind)) out.required[category] = std::move(kinds);
  });
  for_each_category(r, "interviews_per_year", [&](TableReader& c, const std::string& category) {
    int n = 0;
    if (c.read(category, n, 0, 1000)) out.interviews_per_year[category] = n;
  });
  r.read("unanswered_days", out.unanswered_days, 1, 3650);
  r.read("message_months", out.message_months, 1, 120);
  r.read("solicitation_feedback_days", out.solicitation_feedback_days, 1, 3650);
  r.reject_unknown_keys();
}

void read_site_feature(TableReader& r, FeatureConfig& out) {
  if (!r.read("kind", out.kind)) {
    if (!r.node("kind")) r.problems().add(r.where(), r.path_of("kind"), "missing key");
  } else if (std::string problem = check_kind(out.kind); !problem.empty()) {
    r.problems().add(r.node("kind")->source(), r.path_of("kind"), problem);
  }
  if (!r.read("url", out.url)) {
    if (!r.node("url")) r.problems().add(r.where(), r.path_of("url"), "missing key");
  } else if (auto normal = normalize_site_url(out.url)) {
    out.url = *normal;
  } else {
    r.problems().add(r.node("url")->source(), r.path_of("url"),
                     "'" + out.url + "' is not an absolute http(s) URL");
  }
  r.reject_unknown_keys();
}

}  // namespace detail
}  // namespace sitepatrol::config
