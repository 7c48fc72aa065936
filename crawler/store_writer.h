// StoreWriter: the patrol's only way to the store. It owns one thread on which every Store
// call runs, batches pages, links and findings into transactions, and carries the few reads
// a patrol needs (a page's memory on a 304, a site's memory at its start) back to the I/O
// thread.
//
// Thread rules: `add_*`, `flush`, `load_memory` and `load_site` are called from the I/O
// thread; their callbacks are posted to the executor given at construction. `close` (from the
// thread that runs the patrol, after the I/O loop ended) drains and joins.
#pragma once

#include <expected>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/thread_pool.hpp>

#include "crawler/hold_mark.h"
#include "crawler/site_memory.h"
#include "store/store.h"

namespace sitepatrol::crawler {

class StoreWriter {
 public:
  // Pages, links, findings or link verdicts a transaction takes at most: 128 keeps few
  // finished pages waiting in memory and makes about 160 page transactions of the 20k bench
  // (docs/performance.md).
  static constexpr std::size_t kBatch = 128;

  StoreWriter(store::Store& store, std::int64_t run, boost::asio::any_io_executor io,
              std::size_t batch = kBatch);
  ~StoreWriter();

  void add_page(store::PageRecord page);
  void add_link(store::LinkRecord link);
  void add_finding(checks::Finding finding);
  void add_baselines(std::string site,
                     std::vector<std::pair<std::string, checks::PageSketch>> sketches);
  void add_columns(std::string site, std::vector<checks::ColumnObservation> columns);
  // issue 11: how completely the run examined the site.
  void add_coverage(std::string site, store::SiteCoverage coverage);
  void flush();
  // issue 16: external links' answers shared with the run's other workers, a few at a time.
  void add_link_verdict(checks::LinkResult verdict);
  // issue 4: a site's interaction figures, one transaction.
  void add_interaction_months(std::string site, std::vector<checks::InteractionMonth> months);

  void load_memory(const std::string& site, const std::string& url,
                   std::function<void(std::optional<store::PageMemory>)> done);
  // What earlier runs left of a site, read when its walk is about to start; the callback
  // runs on the I/O executor. Queued after the writes already handed over.
  void load_site(const std::string& site,
                 std::function<void(std::expected<SiteMemory, std::string>)> done);

  // What another worker learnt of an external link in this run; nullopt when nothing (or the
  // store failed: the link is then checked as if nobody had).
  void load_link_verdict(const std::string& url,
                         std::function<void(std::optional<checks::LinkResult>)> done);

  // Flushes, waits for every write, and returns the first store error, if any.
  std::optional<std::string> close();

  // A store slower than the walk (a busy disk, a remote PostgreSQL) would otherwise gather
  // batches in memory without end. While `kBehind` full batches' worth of answers (pages
  // read and links checked, each the answer to one request) wait for the store, `hold(true)`
  // is called (the patrol holds its gate: no new request starts), and `hold(false)` when
  // half of them are written (crawler/hold_mark.h). Both on the I/O thread. Answers are
  // counted, not batches nor findings: each site's end flushes a small batch of its findings,
  // and counted as batches, a few sites ending together held a 200-site patrol's every
  // request for tens of milliseconds, several times a run (docs/performance.md, thirteenth
  // session). Findings and shared verdicts grow with the answers, so they are bounded too.
  static constexpr std::size_t kBehind = 4;
  void hold_while_behind(HoldMark::Hold hold) { behind_->set_hold(std::move(hold)); }
  std::size_t answers_waiting() const { return behind_->count(); }

 private:
  struct Batch {
    std::vector<store::PageRecord> pages;
    std::vector<store::LinkRecord> links;
    std::vector<checks::Finding> findings;
    std::vector<checks::LinkResult> verdicts;

    bool empty() const {
      return pages.empty() && links.empty() && findings.empty() && verdicts.empty();
    }
    // Each page read and link checked is the answer to one request.
    std::size_t answers() const { return pages.size() + links.size(); }
  };
  void write(const Batch& batch);
  void record_error(const store::StoreError& e);

  // Answers flushed and not yet written; counted on the I/O thread. Shared with the notice
  // each written batch posts there, which so never refers to the writer itself.
  std::shared_ptr<HoldMark> behind_;

  store::Store& store_;
  std::int64_t run_;
  boost::asio::any_io_executor io_;
  std::size_t batch_;
  Batch current_;  // gathered on the I/O thread until flushed
  boost::asio::thread_pool thread_{1};
  std::mutex error_mutex_;
  std::optional<std::string> error_;
  bool closed_ = false;
};

}  // namespace sitepatrol::crawler
