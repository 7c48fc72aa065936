// SiteCrawl: the walk over one site during a patrol.
//
// Breadth-first from the homepage (and the sitemap's URLs when robots.txt names one or
// /sitemap.xml exists), pages of the site's own hosts within max_depth and
// max_pages_per_site are fetched with GET and parsed on the parse pool; every other link is
// checked once with HEAD, except the site's own stylesheets and attachments (PDF, DOCX,
// XLSX), which are read with GET. Each outcome goes through the registered checks and to the
// store writer. Thread rules: everything here runs on the patrol's io_context thread except the
// parse jobs, which get copies of what they need and post their results back.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>

#include "checks/column_history.h"
#include "checks/feature_names.h"
#include "checks/registry.h"
#include "config/url_patterns.h"
#include "crawler/host_gate.h"
#include "crawler/interact_collector.h"
#include "crawler/link_verdicts.h"
#include "crawler/parse_backlog.h"
#include "crawler/patrol.h"
#include "crawler/pending_memory.h"
#include "crawler/request_policy.h"
#include "crawler/requester.h"
#include "crawler/robots.h"
#include "crawler/site_memory.h"
#include "crawler/store_writer.h"
#include "crawler/url_set.h"
#include "store/host_permits.h"

namespace sitepatrol::crawler {

// What every SiteCrawl of a run shares; owned by Patrol::run.
struct RunContext {
  boost::asio::io_context& io;
  Fetcher& fetcher;
  HostGate& gate;
  boost::asio::thread_pool& parse_pool;
  StoreWriter& writer;
  const config::Config& config;
  const checks::FeatureNamer& feature_namer;  // config.features' names, read once a patrol
  std::set<std::string> registered_hosts;
  OriginSet registered_origins;  // where private addresses may be reached (request_policy.h)
  std::chrono::system_clock::time_point now;
  PatrolProgress* progress = nullptr;
  bool time_up = false;  // [patrol] max_run_time has passed: take no new pages or links
  // Raised by SIGTERM/SIGINT (Patrol::run's `cancel`); parse jobs read it on the pool and
  // stop their page at once. Null: never.
  const std::atomic<bool>* cancel = nullptr;
  ParseBacklog* parse_backlog = nullptr;  // null: the gate is never held for the parse
  // External links' answers shared by the run's sites (crawler/link_verdicts.h); also asked
  // of and given to the store when the run's workers share them.
  LinkVerdicts* verdicts = nullptr;
  bool verdicts_in_store = false;
  // The per-host limit the run's workers share for external hosts (store/host_permits.h);
  // null: each patrol's own gate only.
  store::HostPermits* host_permits = nullptr;
};

class SiteCrawl {
 public:
  SiteCrawl(RunContext& run, const config::SiteConfig& site, SiteMemory memory,
            std::function<void(const store::RunTotals&)> on_done);

  void start();
  bool done() const { return finished_; }

 private:
  struct PageJob {
    std::string url;
    int depth = 0;
    std::string found_on;
    std::string kind = "a";
    // Asked of the store with a conditional request, for the 304 that it expects.
    std::shared_ptr<PendingMemory> memory;
  };
  struct Parsed;

  void start_crawl();
  void load_robots();
  void robots_loaded();  // robots_ is settled: honour its delay, read sitemaps, crawl
  void load_sitemap(const std::string& url, int nesting);
  void enqueue_page(const std::string& url, int depth, const std::string& found_on,
                    const std::string& kind);
  void pump();
  void fetch_page(PageJob job);
  void on_page(PageJob job, Outcome outcome);
  void on_parsed(PageJob job, Outcome outcome, std::shared_ptr<Parsed> parsed);
  // The page's stored memory, asked of the store's thread; answered on the I/O thread.
  std::shared_ptr<PendingMemory> ask_memory(const std::string& url);
  void on_memory(PageJob job, Outcome outcome, std::optional<store::PageMemory> memory);
  void on_memory_ready(PageJob job, Outcome outcome, std::optional<store::PageMemory> memory);
  void check_page(const PageJob& job, const Outcome& outcome, Parsed& parsed) const;
  // `page_findings`: the page checks' findings when already worked out (parse pool, 304).
  void finish_page(PageJob job, const Outcome& outcome, checks::PageResult page,
                   std::string content_hash, std::optional<checks::Findings> page_findings,
                   std::optional<checks::PageFacts> facts = std::nullopt);
  void add_baseline(const std::string& url, const checks::PageSketch& sketch);
  void follow_links(const checks::PageResult& page);
  void check_link(const std::string& url, const std::string& kind, const std::string& found_on);
  void link_result(checks::LinkResult result);
  // Links to other hosts through the run's shared answers (issue 16), in
  // crawler/site_crawl_external.cpp: asked once per run, whichever site meets them first.
  void check_external(const std::string& url, const std::string& kind, const std::string& found_on);
  void fetch_external(std::shared_ptr<LinkVerdicts::Claim> claim, const std::string& url,
                      const std::string& kind, const std::string& found_on);
  void request_external(std::shared_ptr<LinkVerdicts::Claim> claim, const std::string& url,
                        const std::string& kind, const std::string& found_on,
                        std::shared_ptr<store::HostPermits::Permit> permit);
  void external_answered(checks::LinkResult verdict, const std::string& kind,
                         const std::string& found_on);
  void emit(checks::Finding finding, std::vector<checks::Finding>* also = nullptr);
  void settle();
  store::SiteCoverage coverage() const;  // how completely the walk examined the site
  void summarize(const checks::PageResult& page, checks::PageFacts facts,
                 store::PageRecord& record);
  void finish_columns();

  bool is_own_host(const std::string& host) const;
  bool disabled(const std::string& code) const;  // [patrol] or the site's disable_codes
  bool skip_excluded(const std::string& url);
  // robots.txt verdicts off the I/O thread (issue 12), in crawler/site_crawl_robots.cpp.
  using RobotsVerdicts = std::vector<std::pair<std::string, bool>>;  // url -> allowed
  bool robots_allow(const std::string& url);  // memoised; matches inline only when unknown
  RobotsVerdicts robots_verdicts(const std::vector<std::string>& urls) const;  // any thread
  void learn_robots(RobotsVerdicts verdicts);
  // Runs `then` on the I/O thread once the verdicts of `urls` are known (parse pool).
  void with_robots_verdicts(std::vector<std::string> urls, std::function<void()> then);
  // Counts one request against max_requests_per_site; false (and noted) when none is left.
  bool take_request();
  FetchRequest make_request(const std::string& url) const;

  // Interactive features (issue 4), in crawler/interact_probes.cpp: after a page, the form
  // action checks, the GET search and the pagination the collector asks for.
  void interact_after_page(const checks::PageResult& page);
  void probe_action(const std::string& url);
  void probe_search(const checks::FormInfo& form, const std::string& page);

  // The site's own stylesheets (issue 11), in crawler/site_crawl_css.cpp: read with GET
  // instead of a HEAD check, and their url()s and @imports checked like any link.
  void check_stylesheet(const std::string& url, const std::string& kind,
                        const std::string& found_on);
  void on_stylesheet(Outcome o, const std::string& kind, const std::string& found_on);
  // Attachments (issue 13), in crawler/site_crawl_attachments.cpp: the site's own PDF, DOCX
  // and XLSX files are read with GET (up to attachment_max_bytes) instead of a HEAD check,
  // a few at a time; their text is extracted on the parse pool and goes through the text
  // checks as a page whose URL is the file's.
  struct AttachmentJob {
    std::string url;
    std::string kind;
    std::string found_on;
    bool link_reported = false;  // a page fetch that turned out a file: its link is reported
  };
  bool reads_attachment(const std::string& url) const;
  void check_attachment(AttachmentJob job);
  void next_attachment();
  void on_attachment(AttachmentJob job, Outcome o);
  void attachment_done(const std::string& url, const std::string& skipped, checks::Findings found);
  checks::PageResult page_base(const PageJob& job, const Outcome& o) const;
  checks::LinkResult unfetched_link(const std::string& url, const std::string& found_on,
                                    const std::string& kind, checks::FetchError why) const;
  checks::LinkResult to_link_result(const Outcome& o, const std::string& found_on,
                                    const std::string& kind, bool internal) const;

  RunContext& run_;
  const config::SiteConfig& site_;
  RequestPolicy policy_;  // what each request may carry and reach
  checks::SiteContext context_;
  std::unordered_map<std::string, Validators> validators_;
  std::map<std::string, checks::PageSketch> baselines_;  // accepted template fingerprints
  // First sightings not yet sent to the store (they go in batches, SiteCrawl::add_baseline).
  std::vector<std::pair<std::string, checks::PageSketch>> new_baselines_;
  std::map<std::string, checks::ColumnState> column_states_;  // what the last run left
  checks::Date today_;  // the run's day in Beijing time (freshness)
  std::function<void(const store::RunTotals&)> on_done_;
  std::unique_ptr<Requester> requester_;
  std::unique_ptr<InteractCollector> interact_;  // issue 4
  std::optional<Robots> robots_;  // settled before the walk starts; parse jobs read it
  std::unordered_map<std::string, bool> robots_verdicts_;  // url -> allowed, worked out
  std::string robots_unreachable_;  // why robots.txt disallows all (RFC 9309 5xx); "" if not

  std::deque<AttachmentJob> attachments_;             // waiting for a reading slot
  int attachments_reading_ = 0;                       // fetched or extracted right now
  UrlSet seen_attachments_;                           // final URLs read this run
  std::deque<PageJob> frontier_;
  UrlSet seen_pages_;                                      // enqueued or fetched as pages
  UrlSet seen_links_;                                      // checked (or being checked) as links
  std::set<std::pair<std::string, std::string>> emitted_;  // (code, subject) this run
  int pages_started_ = 0;
  config::UrlFilter filter_;        // [patrol] and the site's include/exclude patterns
  bool page_limit_hit_ = false;     // a page was left unread: max_pages_per_site
  bool request_limit_hit_ = false;  // a request was not made: max_requests_per_site
  bool link_limit_hit_ = false;     // a page's references were cut: max_links_per_page
  long requests_made_ = 0;
  long max_requests_ = 0;
  int sitemaps_read_ = 0;
  bool time_limit_hit_ = false;  // pages or links were left: max_run_time
  int in_flight_ = 0;            // page fetches, link checks, parse jobs, memory loads
  int max_pages_ = 0;
  int window_ = 0;
  bool started_crawl_ = false;
  bool finished_ = false;
  checks::SiteResult result_;
  store::RunTotals totals_;
};

}  // namespace sitepatrol::crawler
