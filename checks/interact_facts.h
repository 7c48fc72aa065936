// What the crawler learns about a site's interactive features during a patrol (issue 4):
// the links that name a feature, the feature pages and the pages of their lists (pagination,
// message detail pages), what each form's action answered, and what the GET search gave.
// Filled by crawler/interact_collector.h on the I/O thread; read at the end of the site by
// checks/interact.h through SiteResult::interaction. Plain values.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "checks/inputs.h"

namespace sitepatrol::checks {

// A link whose text names a feature (config/features.toml), or a configured feature.
struct FeatureCandidate {
  std::string kind;  // a feature kind, or "mailbox_stats"
  std::string url;
  std::string text;         // the anchor text ("" when configured)
  std::string found_on;     // the page carrying the link ("" when configured)
  bool configured = false;  // [[site.feature]]
  bool on_homepage = false;
  bool internal = true;  // on the site's own hosts
};

// A fetched page of a feature's area: the feature page (hop 0), its pagination (hop 0) and
// the pages its list links to (hop 1: message details, the form behind 我要写信).
struct FeaturePage {
  std::string kind;
  std::string url;
  std::string final_url;
  int hop = 0;
  int status = 0;
  FetchError error = FetchError::none;
  std::string title;
  std::string text;  // visible text, cut at kFeatureTextMax bytes
  std::vector<FormInfo> forms;
  std::vector<LinkRef> links;  // anchors only
  std::vector<ListRow> rows;   // of the page body (not nav, footer or calendar)
};
inline constexpr std::size_t kFeatureTextMax = 20000;

// A form action, checked with HEAD (GET when HEAD is refused). Never submitted.
struct ActionProbe {
  std::string url;
  int status = 0;
  FetchError error = FetchError::none;
  std::string error_text;
};

// A GET search form submitted with the site's name.
struct SearchProbe {
  std::string form_page;  // where the form is
  std::string action;     // the form's action
  std::string query_url;  // what was fetched
  int status = 0;
  FetchError error = FetchError::none;
  std::string error_text;
  std::string title;  // of the results page
  std::string text;   // its visible text, cut at kFeatureTextMax bytes
};

struct InteractionFacts {
  std::vector<FeatureCandidate> candidates;    // in the order found, configured first
  std::map<std::string, FeaturePage> pages;    // by URL as requested
  std::map<std::string, LinkResult> external;  // link checks of off-site candidates
  std::map<std::string, ActionProbe> actions;  // by action URL
  std::vector<SearchProbe> searches;
};

}  // namespace sitepatrol::checks
