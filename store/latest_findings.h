// Each site's latest finished state: its findings as the newest finished run that covered it
// left them, whatever run came after for other sites (`sitepatrol findings`, issue 14).
//
// `crawl --site a` then `crawl --site b` leaves two runs; the second knows nothing of `a`.
// Asked for `a`, this answers from the first run; asked for every site, from both, each site
// from its own newest run. It reads through the Store interface only: one latest_runs(), then
// one findings() per run that is some site's newest (usually one or two).
//
// Pure function of the store's contents; the caller's thread, like every Store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace sitepatrol::store {

struct LatestFindings {
  // The newest run the rows come from, or with none the newest finished run; nullopt when
  // the store has no finished run at all.
  std::optional<RunInfo> run;
  // The runs the rows come from, newest first, each with the sites taken from it (those
  // asked for that it is the newest run of).
  std::vector<PeriodRun> runs;
  // Most severe first, then by site, code and subject: the order findings() gives. Each
  // row's `run` says which run it comes from.
  std::vector<FindingRow> rows;
  // Sites asked for that no finished run has covered.
  std::vector<std::string> never_patrolled;
};

// `sites`: the site ids wanted, empty for every site the store has seen.
Result<LatestFindings> latest_findings(Store& store, const std::vector<std::string>& sites,
                                       StatusFilter status);

}  // namespace sitepatrol::store
