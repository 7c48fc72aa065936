// SiteCrawl's part of attachments (issue 13; crawler/attachment_text.h): the PDF, DOCX and
// XLSX files on the site's own hosts are read, not only checked, so the personal data and
// content errors in them are found as in a page.
//
// A link whose path ends in .pdf, .docx or .xlsx is fetched once with GET (within
// attachment_max_bytes; the same request policy, host gate and request budget as any
// request) instead of a HEAD check, and its answer is the link's check. A page fetch that
// turns out to be such a file by its Content-Type is read again the same way. The text is
// extracted and the text checks run on the parse pool; their findings come back here with
// the file's URL as their page and subject. A file that cannot be read (too large,
// encrypted, corrupt, a zip bomb) is logged with its reason and is no finding.
//
// At most kAttachmentsAtOnce files of a site are held at once (fetched or being read): the
// bodies are kept whole, and a page of two thousand attachments must not hold them all.
#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>

#include "crawler/attachment_text.h"
#include "crawler/site_crawl.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {

namespace asio = boost::asio;
using checks::FetchError;

namespace {

constexpr int kAttachmentsAtOnce = 2;

}  // namespace

bool SiteCrawl::reads_attachment(const std::string& url) const {
  return run_.config.patrol.attachments && is_attachment_url(url);
}

void SiteCrawl::check_attachment(AttachmentJob job) {
  ++in_flight_;  // held until the file is read (or given up), so the site cannot settle
  attachments_.push_back(std::move(job));
  next_attachment();
}

void SiteCrawl::next_attachment() {
  while (attachments_reading_ < kAttachmentsAtOnce && !attachments_.empty()) {
    AttachmentJob job = std::move(attachments_.front());
    attachments_.pop_front();
    if (run_.time_up) {  // max_run_time: left unchecked, like any link not yet checked
      time_limit_hit_ = true;
      --in_flight_;
      continue;
    }
    ++attachments_reading_;
    std::string url = job.url;
    requester_->get(
        url, [this](FetchRequest& q) { q.max_body = run_.config.patrol.attachment_max_bytes; },
        [this, job = std::move(job)](Outcome o) mutable {
          on_attachment(std::move(job), std::move(o));
        });
  }
}

void SiteCrawl::on_attachment(AttachmentJob job, Outcome o) {
  spdlog::debug("{}: attachment {} -> {} {}", site_.id, o.url, o.response.status, o.error_text);
  if (run_.progress) run_.progress->bytes += o.response.bytes;
  const bool too_large = o.error == FetchError::too_large;
  if (!job.link_reported) {
    checks::LinkResult link = to_link_result(o, job.found_on, job.kind, true);
    // A file over attachment_max_bytes opens for its readers: the link works, it is only
    // not read here.
    if (too_large) {
      link.error = FetchError::none;
      link.error_text.clear();
    }
    link_result(std::move(link));
  }
  const int status = o.response.status;
  const bool answered = (o.error == FetchError::none || too_large) && status >= 200 &&
                        status < 300 && is_own_host(url_host(o.final_url));
  if (!answered || !seen_attachments_.insert(o.final_url)) {
    attachment_done(job.url, {}, {});
    return;
  }
  if (too_large) {
    attachment_done(job.url,
                    "larger than " + std::to_string(run_.config.patrol.attachment_max_bytes) +
                        " bytes (attachment_max_bytes)",
                    {});
    return;
  }
  auto body = std::make_shared<std::string>(std::move(o.response.body));
  checks::PageResult page;  // what the text checks read: the file as a page
  page.url = job.url;
  page.final_url = o.final_url;
  page.found_on = job.found_on;
  page.depth = 1;
  page.status = status;
  page.elapsed_ms = o.elapsed_ms;
  page.headers = o.response.headers;
  asio::post(run_.parse_pool, [this, body, page = std::move(page)]() mutable {
    if (run_.cancel && run_.cancel->load()) return;  // the I/O loop is stopping: nobody waits
    AttachmentLimits limits;
    limits.max_bytes = run_.config.patrol.attachment_max_bytes;
    AttachmentText read = attachment_text(*body, limits, run_.cancel);
    body.reset();
    checks::Findings found;
    if (read.skipped.empty()) {
      page.text = std::move(read.text);
      for (auto check : checks::text_checks()) check(context_, page, found);
    }
    if (run_.cancel && run_.cancel->load()) return;  // checks cut short: not a verdict
    spdlog::debug("{}: attachment {} read as {}{}", site_.id, page.url, read.format,
                  read.cut ? " (text cut at its bound)" : "");
    asio::post(run_.io, [this, url = std::move(page.url), skipped = std::move(read.skipped),
                         found = std::move(found)]() mutable {
      attachment_done(url, skipped, std::move(found));
    });
  });
}

void SiteCrawl::attachment_done(const std::string& url, const std::string& skipped,
                                checks::Findings found) {
  if (!skipped.empty()) spdlog::warn("{}: attachment {} skipped: {}", site_.id, url, skipped);
  for (auto& f : found) {
    f.site = site_.id;
    emit(std::move(f));
  }
  --attachments_reading_;
  --in_flight_;
  next_attachment();
  pump();
  settle();
}

}  // namespace sitepatrol::crawler
