#include "crawler/site_window.h"

#include <algorithm>

#include <boost/asio/post.hpp>

namespace sitepatrol::crawler {

int sites_filling_concurrency(const config::PatrolConfig& p) {
  const int per_host = std::max(1, p.per_host_concurrency);
  return (std::max(1, p.concurrency) + per_host - 1) / per_host;
}

int sites_in_flight_of(const config::PatrolConfig& p) {
  if (p.sites_in_flight > 0) return p.sites_in_flight;
  return std::clamp(8 * sites_filling_concurrency(p), 2, kMaxDefaultSitesInFlight);
}

SiteWindow::SiteWindow(RunContext& run, std::vector<const config::SiteConfig*> sites, int width,
                       std::function<void(const store::RunTotals&)> on_done,
                       std::function<void(std::string)> on_failed)
    : run_(run),
      sites_(std::move(sites)),
      width_(std::max(1, width)),
      on_done_(std::move(on_done)),
      on_failed_(std::move(on_failed)),
      crawls_(sites_.size()) {}

void SiteWindow::start() { admit(); }

void SiteWindow::admit() {
  while (!failed_ && running_ < width_ && next_ < sites_.size()) {
    const std::size_t index = next_++;
    ++running_;
    run_.writer.load_site(sites_[index]->id,
                          [this, index](std::expected<SiteMemory, std::string> memory) {
                            if (failed_) return;
                            if (!memory) {
                              failed_ = true;
                              on_failed_(std::move(memory.error()));
                              return;
                            }
                            begin(index, std::move(*memory));
                          });
  }
}

void SiteWindow::begin(std::size_t index, SiteMemory memory) {
  if (run_.progress) run_.progress->site_started(sites_[index]->id);
  crawls_[index] = std::make_unique<SiteCrawl>(
      run_, *sites_[index], std::move(memory),
      [this, index](const store::RunTotals& totals) { ended(index, totals); });
  crawls_[index]->start();
}

void SiteWindow::ended(std::size_t index, const store::RunTotals& totals) {
  --running_;
  if (run_.progress) run_.progress->site_finished(sites_[index]->id, totals.pages);
  // The walk is still on the stack that called us: it is let go on its own handler.
  boost::asio::post(run_.io, [this, index] { crawls_[index].reset(); });
  on_done_(totals);
  admit();
}

}  // namespace sitepatrol::crawler
