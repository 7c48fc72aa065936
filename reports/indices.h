// The three indices of the seed's tasks 24-32, per site and month: 信息公开指数 (disclosure),
// 在线服务指数 (online service), 公众互动指数 (interaction), each in [0, 1], and each against
// its category target. The formulas are written down in docs/indices.md; the weights come
// from `[indices]` (config/indices.h).
//
// Each index is a weighted mean of components in [0, 1]. A component with nothing to measure
// (no attachments checked, no message posted) is left out and the other weights share its
// part; an index with no component at all is 0.
// Pure functions; any thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/indices.h"
#include "reports/report_data.h"

namespace sitepatrol::reports {

struct IndexComponent {
  std::string name;             // presence, freshness, columns, forms, ...
  double weight = 0;            // as configured (before sharing out left-out parts)
  std::optional<double> value;  // nullopt: left out
};

struct IndexResult {
  std::string name;  // disclosure | service | interaction
  double value = 0;
  std::vector<IndexComponent> components;
  std::optional<double> average_2011;
  double growth = 0;
  std::optional<double> baseline;
  std::string baseline_source;   // config | year_ago | "" (none)
  std::optional<double> target;  // nullopt: the category has none (ministry, or no baseline)
  std::optional<bool> meets;
  // false when the month's last run could not check the site: the value would be computed
  // from nothing (issue 11), so formats show 不可测 / not measurable instead.
  bool measurable = true;
};

struct SiteIndices {
  IndexResult disclosure;
  IndexResult service;
  IndexResult interaction;
};

IndexResult disclosure_index(const SiteMonth& site, const config::DisclosureWeights& w);
IndexResult service_index(const SiteMonth& site, const config::ServiceWeights& w);
IndexResult interaction_index(const SiteMonth& site, const config::InteractionWeights& w);

// The weighted mean of the components that have a value; 0 when none has.
double weighted_mean(const std::vector<IndexComponent>& components);

// Sets target and meets from the category's table and the baseline: below the 2011 average
// the target is the average; at or above it (or with no average), baseline x (1 + growth).
// Without a baseline the target is the average, or none.
void apply_target(IndexResult& index, const config::IndexTarget& target,
                  std::optional<double> baseline, std::string baseline_source);

// All three with targets; `year_ago` (same site, same month a year earlier) gives baselines
// the configuration does not.
SiteIndices compute_indices(const SiteMonth& site, const config::IndicesConfig& weights,
                            const SiteMonth* year_ago);

// Rounds to 4 decimals: what every format shows and what the tests compare.
double round4(double v);

}  // namespace sitepatrol::reports
