// The three performance indices of the seed's tasks 24-32 (信息公开指数, 在线服务指数,
// 公众互动指数): their weights (`[indices]` in the configuration), each site's optional
// baseline (`baseline_*` in a [[site]]), and the category targets of the seed.
//
// The formulas that use these are in reports/indices.h and docs/indices.md. Weights are
// relative: each group is divided by its own sum when used, so `presence = 2, freshness = 1`
// means two thirds and one third. Plain values, freely shared.
#pragma once

#include <optional>
#include <string_view>

namespace sitepatrol::config {

struct DisclosureWeights {
  double presence = 0.5;   // required disclosure columns found
  double freshness = 0.5;  // found columns that are neither stale nor blank
};

struct ServiceWeights {
  double columns = 0.5;        // required service columns found (guides, application, query...)
  double forms = 0.25;         // attachments (forms, documents) that open
  double availability = 0.25;  // homepage reachable
};

struct InteractionWeights {
  double channels = 0.4;     // message board, interviews, solicitation, mailbox present and working
  double replies = 0.3;      // reply rate and reply time
  double interviews = 0.15;  // online interviews held against the category's yearly minimum
  double solicitations = 0.15;  // solicitations with published feedback
};

struct IndicesConfig {
  DisclosureWeights disclosure;
  ServiceWeights service;
  InteractionWeights interaction;
};

// A site's previous-year index values, when the ministry's evaluation gave them; without one
// the report uses the same month a year earlier from the database, if any.
struct IndexBaseline {
  std::optional<double> disclosure;
  std::optional<double> service;
  std::optional<double> interaction;
};

// The seed's targets for one index of one category: a site below the 2011 average must reach
// it; a site at or above it must grow by `growth` (0.05 = 5 %) over its baseline.
struct IndexTarget {
  std::optional<double> average_2011;  // ministry_unit has none in the seed
  double growth = 0;
};

struct CategoryTargets {
  IndexTarget disclosure;
  IndexTarget service;
  IndexTarget interaction;
};

// The ministry's 2012 task table (docs/indices.md): local 0.56/+5 %, 0.48/+10 %, 0.51/+15 %; maritime
// 0.58/+5 %, 0.48/+5 %, 0.44/+10 %; ministry_unit +5 %, +15 %, +5 % (no averages).
// nullopt for `ministry` (the ministry's own portal is not in the table) and unknown names.
std::optional<CategoryTargets> category_targets(std::string_view category);

}  // namespace sitepatrol::config
