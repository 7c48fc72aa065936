// AVAIL-RATIO (docs/codes.md): the share of failed availability probes of a homepage over
// the last days. The daemon probes each homepage every probe_interval and stores the
// outcomes; at the end of each patrol it hands them here. A pure function of plain values.
//
// At >= 5 % failed probes the finding is critical; from 3 % an early warning (the same code,
// severity warning) tells the site's owners before the indicator is missed. Fewer probes than
// `min_probes` in the window say nothing: a fresh installation does not cry wolf after one
// failed probe.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>

#include "checks/finding.h"

namespace sitepatrol::checks {

struct ProbeSample {
  std::chrono::system_clock::time_point time;
  bool up = false;
};

struct AvailRatioPolicy {
  std::chrono::hours window{7 * 24};
  int min_probes = 20;
  double critical_ratio = 0.05;
  double warning_ratio = 0.03;
};

// The AVAIL-RATIO finding for `site` (subject and page: the homepage URL), or nullopt when
// the failure share is below the warning level or there are too few probes. Only probes in
// (now - window, now] count.
std::optional<Finding> check_avail_ratio(const std::string& site, const std::string& homepage,
                                         std::span<const ProbeSample> probes,
                                         std::chrono::system_clock::time_point now,
                                         const AvailRatioPolicy& policy = {});

}  // namespace sitepatrol::checks
