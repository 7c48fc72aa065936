#include "store/latest_findings.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>

namespace sitepatrol::store {

Result<LatestFindings> latest_findings(Store& store, const std::vector<std::string>& sites,
                                       StatusFilter status) {
  auto latest = store.latest_runs();
  if (!latest) return std::unexpected(latest.error());
  const std::set<std::string> wanted(sites.begin(), sites.end());
  std::set<std::string> covered;

  LatestFindings out;
  for (PeriodRun& run : *latest) {
    std::vector<std::string> taken;
    for (std::string& site : run.sites) {
      covered.insert(site);
      if (wanted.empty() || wanted.contains(site)) taken.push_back(std::move(site));
    }
    if (taken.empty()) continue;
    FindingQuery query;
    query.run = run.info.id;
    query.sites = taken;
    query.status = status;
    auto rows = store.findings(query);
    if (!rows) return std::unexpected(rows.error());
    std::move(rows->begin(), rows->end(), std::back_inserter(out.rows));
    run.sites = std::move(taken);
    out.runs.push_back(std::move(run));
  }
  for (const std::string& site : sites) {
    if (!covered.contains(site) &&
        std::ranges::find(out.never_patrolled, site) == out.never_patrolled.end())
      out.never_patrolled.push_back(site);
  }
  // Each run's rows are in order already; rows of several runs are merged into one order.
  std::ranges::stable_sort(out.rows, [](const FindingRow& a, const FindingRow& b) {
    const checks::Finding& x = a.finding;
    const checks::Finding& y = b.finding;
    if (x.severity != y.severity) return x.severity > y.severity;
    return std::tie(x.site, x.code, x.subject) < std::tie(y.site, y.code, y.subject);
  });

  if (!out.runs.empty()) {
    out.run = out.runs.front().info;
  } else {
    auto newest = store.run(std::nullopt);
    if (!newest) return std::unexpected(newest.error());
    out.run = *newest;
  }
  return out;
}

}  // namespace sitepatrol::store
