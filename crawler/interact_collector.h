// InteractCollector: what a patrol gathers for the interactive-feature checks (issue 4).
//
// It watches the pages SiteCrawl parses. Links whose text names a feature
// (checks/feature_names.h) and the configured [[site.feature]] URLs become candidates, and
// the pages they lead to form the feature's area: the feature page and its list's
// pagination (hop 0), and for message boards and mailboxes the pages the list links to
// (hop 1: message details, the form behind 我要写信). Area pages are kept (text cut short) and
// fetched in full, never with a conditional request, so a 304 cannot hide a form. For each
// area page it asks SiteCrawl to check form actions (HEAD/GET) and to follow the pagination
// without spending crawl depth; for the first GET search form (homepage first) to run the
// search probe. At the end of the site `take` hands everything to the checks.
//
// Thread rules: used only on the patrol's I/O thread, owned by one SiteCrawl.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "checks/dates.h"
#include "checks/feature_names.h"
#include "checks/interact_facts.h"
#include "config/config.h"

namespace sitepatrol::crawler {

class InteractCollector {
 public:
  using OwnHost = std::function<bool(const std::string& url)>;
  // `namer` holds the configured features' names: one for the whole patrol (its automata
  // take tens of kilobytes; 1,024 sites in flight each building their own held 90 MB,
  // docs/performance.md). Message lists are read back `message_months` (config.h).
  InteractCollector(const config::SiteConfig& site, const checks::FeatureNamer& namer,
                    int message_months, OwnHost own, std::chrono::system_clock::time_point now);

  // What SiteCrawl should do after a page.
  struct Actions {
    std::vector<std::string> pagination;   // enqueue with the page's own depth
    std::vector<std::string> actions;      // check with HEAD/GET
    std::optional<checks::FormInfo> search;  // submit (GET) with the site's name
    std::string search_page;                 // the page holding that form
  };

  // Configured feature URLs on the site's hosts: fetched like pages one click from home.
  std::vector<std::string> seeds() const;
  // A page of a feature's area: to be fetched in full.
  bool wants_full(const std::string& url) const;

  // A page fetched and parsed (2xx, HTML), or read from memory after a 304.
  Actions on_page(const checks::PageResult& page);
  void on_link(const checks::LinkResult& link);
  void on_action(checks::ActionProbe probe);
  void on_search(checks::SearchProbe probe);

  checks::InteractionFacts take() { return std::move(facts_); }

 private:
  struct Member {
    std::string kind;
    int hop = 0;
  };
  void add_candidate(checks::FeatureCandidate c);
  void mark(const std::string& url, const std::string& kind, int hop);

  const config::SiteConfig& site_;
  const checks::FeatureNamer& namer_;
  int message_months_;
  OwnHost own_;
  checks::Date today_;
  checks::InteractionFacts facts_;
  std::map<std::string, Member> area_;          // url -> its feature and hop
  std::map<std::string, int> pagination_count_; // kind -> pagination pages enqueued
  std::set<std::string> probed_actions_;
  bool searched_ = false;
};

}  // namespace sitepatrol::crawler
