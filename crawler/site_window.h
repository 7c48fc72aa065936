// SiteWindow: which sites are walked now. At most `width` walks exist at once; when one ends
// the next registered site starts, its memory of earlier runs read just before. So a patrol
// of 2,000 sites holds the state of `width` of them, not of all, and each site's requests are
// close together in time (its connections stay warm). Sites start in the order given.
//
// Thread rules: everything runs on the patrol's io_context thread.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "crawler/site_crawl.h"

namespace sitepatrol::crawler {

// The window's width: `sites_in_flight` when set, else automatic: enough sites to keep every connection slot busy while some of them
// are between pages or near their end (eight times concurrency / per_host_concurrency; four
// times measured 0.92-0.95 of the ideal packed time on bench/slow_sites.sh, eight 0.95-0.96),
// at least two, at most kMaxDefaultSitesInFlight.
constexpr int kMaxDefaultSitesInFlight = 1024;
int sites_in_flight_of(const config::PatrolConfig& p);
// The sites whose requests together fill `concurrency`: concurrency / per_host_concurrency,
// rounded up (a worker's default slots, docs/workers.md).
int sites_filling_concurrency(const config::PatrolConfig& p);

class SiteWindow {
 public:
  // `on_done` is called once per site with its totals; `on_failed` once if a site's memory
  // cannot be read (the patrol cannot go on without it).
  SiteWindow(RunContext& run, std::vector<const config::SiteConfig*> sites, int width,
             std::function<void(const store::RunTotals&)> on_done,
             std::function<void(std::string)> on_failed);

  void start();  // admits the first `width` sites

  int running() const { return running_; }

 private:
  void admit();
  void begin(std::size_t index, SiteMemory memory);
  void ended(std::size_t index, const store::RunTotals& totals);

  RunContext& run_;
  std::vector<const config::SiteConfig*> sites_;
  int width_;
  std::function<void(const store::RunTotals&)> on_done_;
  std::function<void(std::string)> on_failed_;
  std::vector<std::unique_ptr<SiteCrawl>> crawls_;  // by site; reset once the walk ended
  std::size_t next_ = 0;
  int running_ = 0;  // admitted (memory being read, or walking), not yet ended
  bool failed_ = false;
};

}  // namespace sitepatrol::crawler
