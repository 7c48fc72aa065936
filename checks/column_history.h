// Column history (issue 3, "History"): what each run saw of each column, so the monthly
// report can show update volume month by month, the homepage's update count, and columns
// whose dates move while their lists stay the same (faked dates, a single-veto item).
//
// The homepage is recorded like a column with the key "homepage". "New entries" are the
// entries whose URL the previous run did not see in the column; on a column's first
// observation, the entries dated in the run's own month. `dates_suspicious`: the list (entry
// URLs and titles, in order) is exactly the previous run's while its newest date moved
// forward. Pure.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checks/registry.h"

namespace sitepatrol::checks {

// What the store keeps of a column between runs.
struct ColumnState {
  std::vector<std::string> entry_urls;
  std::uint64_t list_hash = 0;  // of entry URLs and titles, dates left out
  std::optional<Date> newest;
};

struct ColumnObservation {
  std::string url;
  std::string name;
  std::string key;
  std::string column_class;
  std::optional<Date> newest;
  int entries = 0;
  int new_entries = 0;
  bool first_seen = false;
  bool dates_suspicious = false;
  ColumnState state;  // the state to keep for the next run
};

// One observation per column of `result`, plus the homepage; `previous` by column URL.
std::vector<ColumnObservation> observe_columns(const SiteResult& result,
                                               const std::map<std::string, ColumnState>& previous,
                                               Date today);

}  // namespace sitepatrol::checks
