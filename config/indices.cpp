// [indices]: the seed's category targets and reading the section (config/indices.h,
// config/indices_section.h).
#include "config/indices.h"

#include "config/indices_section.h"

namespace sitepatrol::config {

std::optional<CategoryTargets> category_targets(std::string_view category) {
  if (category == "local") return CategoryTargets{{0.56, 0.05}, {0.48, 0.10}, {0.51, 0.15}};
  if (category == "maritime") return CategoryTargets{{0.58, 0.05}, {0.48, 0.05}, {0.44, 0.10}};
  if (category == "ministry_unit") {
    return CategoryTargets{{std::nullopt, 0.05}, {std::nullopt, 0.15}, {std::nullopt, 0.05}};
  }
  return std::nullopt;
}

namespace detail {
namespace {

struct Weight {
  std::string_view key;
  double* value;
};

// Reads one group of weights from the sub-table `key`; the group's sum must stay positive.
template <std::size_t N>
void read_group(TableReader& parent, std::string_view key, const Weight (&weights)[N]) {
  const auto* table = parent.typed<toml::table>(key, "a table");
  if (table == nullptr) return;
  TableReader r(*table, parent.path_of(key), parent.problems());
  double sum = 0;
  for (const Weight& w : weights) {
    r.read(w.key, *w.value, 0.0, 1000.0, false);
    sum += *w.value;
  }
  r.reject_unknown_keys();
  if (!(sum > 0)) {
    parent.problems().add(table->source(), parent.path_of(key), "the weights must not all be 0");
  }
}

}  // namespace

void read_indices(TableReader& r, IndicesConfig& out) {
  read_group(r, "disclosure",
             {Weight{"presence", &out.disclosure.presence},
              Weight{"freshness", &out.disclosure.freshness}});
  read_group(r, "service",
             {Weight{"columns", &out.service.columns}, Weight{"forms", &out.service.forms},
              Weight{"availability", &out.service.availability}});
  read_group(
      r, "interaction",
      {Weight{"channels", &out.interaction.channels}, Weight{"replies", &out.interaction.replies},
       Weight{"interviews", &out.interaction.interviews},
       Weight{"solicitations", &out.interaction.solicitations}});
  r.reject_unknown_keys();
}

void read_site_baseline(TableReader& site, IndexBaseline& out) {
  auto read_one = [&](std::string_view key, std::optional<double>& value) {
    double v = 0;
    if (site.read(key, v, 0.0, 1.0, false)) value = v;
  };
  read_one("baseline_disclosure", out.disclosure);
  read_one("baseline_service", out.service);
  read_one("baseline_interaction", out.interaction);
}

}  // namespace detail
}  // namespace sitepatrol::config
