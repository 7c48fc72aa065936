#include "crawler/store_writer.h"

#include <utility>

#include <boost/asio/post.hpp>

namespace sitepatrol::crawler {

namespace asio = boost::asio;

StoreWriter::StoreWriter(store::Store& store, std::int64_t run, asio::any_io_executor io,
                         std::size_t batch)
    : behind_(std::make_shared<HoldMark>(kBehind * batch, nullptr)),
      store_(store),
      run_(run),
      io_(std::move(io)),
      batch_(batch) {}

StoreWriter::~StoreWriter() { close(); }

void StoreWriter::add_page(store::PageRecord page) {
  current_.pages.push_back(std::move(page));
  if (current_.pages.size() >= batch_) flush();
}

void StoreWriter::add_link(store::LinkRecord link) {
  current_.links.push_back(std::move(link));
  if (current_.links.size() >= batch_) flush();
}

void StoreWriter::add_finding(checks::Finding finding) {
  current_.findings.push_back(std::move(finding));
  if (current_.findings.size() >= batch_) flush();
}

// Few and wanted by other workers soon: sent in small batches.
void StoreWriter::add_link_verdict(checks::LinkResult verdict) {
  current_.verdicts.push_back(std::move(verdict));
  if (current_.verdicts.size() >= 16) flush();
}

void StoreWriter::add_baselines(std::string site,
                                std::vector<std::pair<std::string, checks::PageSketch>> sketches) {
  asio::post(thread_, [this, site = std::move(site), sketches = std::move(sketches)] {
    if (auto r = store_.add_baselines(site, sketches); !r) record_error(r.error());
  });
}

void StoreWriter::add_columns(std::string site, std::vector<checks::ColumnObservation> columns) {
  asio::post(thread_, [this, site = std::move(site), columns = std::move(columns)] {
    if (auto r = store_.save_columns(run_, site, columns); !r) record_error(r.error());
  });
}

void StoreWriter::add_coverage(std::string site, store::SiteCoverage coverage) {
  asio::post(thread_, [this, site = std::move(site), coverage = std::move(coverage)] {
    if (auto r = store_.save_coverage(run_, site, coverage); !r) record_error(r.error());
  });
}

void StoreWriter::add_interaction_months(std::string site,
                                         std::vector<checks::InteractionMonth> months) {
  asio::post(thread_, [this, site = std::move(site), months = std::move(months)] {
    if (auto r = store_.save_interaction_months(run_, site, months); !r) record_error(r.error());
  });
}

// Hands the current batches to the store thread; each becomes one transaction there.
void StoreWriter::flush() {
  if (current_.empty()) return;
  const std::size_t answers = current_.answers();
  asio::post(thread_, [this, behind = behind_, answers, batch = std::exchange(current_, {})] {
    write(batch);
    asio::post(io_, [behind, answers] { behind->down(answers); });
  });
  behind_->up(answers);
}

// On the store thread.
void StoreWriter::write(const Batch& batch) {
  if (!batch.pages.empty())
    if (auto r = store_.save_pages(run_, batch.pages); !r) record_error(r.error());
  if (!batch.links.empty())
    if (auto r = store_.save_links(run_, batch.links); !r) record_error(r.error());
  if (!batch.findings.empty())
    if (auto r = store_.save_findings(run_, batch.findings); !r) record_error(r.error());
  if (!batch.verdicts.empty())
    if (auto r = store_.save_link_verdicts(run_, batch.verdicts); !r) record_error(r.error());
}

void StoreWriter::load_memory(const std::string& site, const std::string& url,
                              std::function<void(std::optional<store::PageMemory>)> done) {
  asio::post(thread_, [this, site, url, done = std::move(done)]() mutable {
    std::optional<store::PageMemory> memory;
    if (auto r = store_.page_memory(site, url)) memory = std::move(*r);
    asio::post(io_, [done = std::move(done), memory = std::move(memory)]() mutable {
      done(std::move(memory));
    });
  });
}

void StoreWriter::load_link_verdict(const std::string& url,
                                    std::function<void(std::optional<checks::LinkResult>)> done) {
  asio::post(thread_, [this, url, done = std::move(done)]() mutable {
    std::optional<checks::LinkResult> verdict;
    if (auto r = store_.link_verdict(run_, url)) verdict = std::move(*r);
    asio::post(io_, [done = std::move(done), verdict = std::move(verdict)]() mutable {
      done(std::move(verdict));
    });
  });
}

void StoreWriter::load_site(const std::string& site,
                            std::function<void(std::expected<SiteMemory, std::string>)> done) {
  asio::post(thread_, [this, site, done = std::move(done)]() mutable {
    auto memory = read_site_memory(store_, site);
    asio::post(io_, [done = std::move(done), memory = std::move(memory)]() mutable {
      done(std::move(memory));
    });
  });
}

std::optional<std::string> StoreWriter::close() {
  if (!closed_) {
    closed_ = true;
    behind_->set_hold(nullptr);  // the I/O loop has ended: nothing to hold
    flush();
    thread_.join();
  }
  std::lock_guard lock(error_mutex_);
  return error_;
}

void StoreWriter::record_error(const store::StoreError& e) {
  std::lock_guard lock(error_mutex_);
  if (!error_) error_ = e.message;
}

}  // namespace sitepatrol::crawler
