// SiteCrawl: links to other hosts through the run's shared answers (issue 16,
// crawler/link_verdicts.h). The first site of the run to meet a URL asks for it (first the
// store, when the run's workers share answers there, then the host itself); sites meeting it
// meanwhile wait for that answer, later ones reuse it. Only the asking site spends a request
// of its max_requests_per_site. With workers on PostgreSQL, the request also waits for the
// host's limit shared by all of them (store/host_permits.h).
#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>

#include "crawler/site_crawl.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {

void SiteCrawl::check_external(const std::string& url, const std::string& kind,
                               const std::string& found_on) {
  ++in_flight_;
  auto io = run_.io.get_executor();
  // Called at once when the answer is known, or later on the thread of the site that asked.
  auto answer = [this, io, url, kind, found_on](std::optional<checks::LinkResult> verdict) {
    boost::asio::post(io, [this, url, kind, found_on, verdict = std::move(verdict)]() mutable {
      --in_flight_;
      if (verdict) {
        external_answered(std::move(*verdict), kind, found_on);
      } else {
        check_external(url, kind, found_on);  // the site asking gave up: ask it here
      }
      pump();
      settle();
    });
  };
  std::shared_ptr<LinkVerdicts::Claim> claim = run_.verdicts->join(url, &run_, std::move(answer));
  if (!claim) return;
  if (!run_.verdicts_in_store) {
    fetch_external(std::move(claim), url, kind, found_on);
    return;
  }
  run_.writer.load_link_verdict(url, [this, claim, url, kind, found_on](auto stored) {
    if (!stored) {
      fetch_external(claim, url, kind, found_on);
      return;
    }
    --in_flight_;
    claim->settle(*stored);
    external_answered(std::move(*stored), kind, found_on);
    pump();
    settle();
  });
}

void SiteCrawl::fetch_external(std::shared_ptr<LinkVerdicts::Claim> claim, const std::string& url,
                               const std::string& kind, const std::string& found_on) {
  if (!take_request()) {  // left unchecked here (coverage says request_limit); the claim goes
    --in_flight_;
    settle();
    return;
  }
  if (run_.host_permits == nullptr) {
    request_external(std::move(claim), url, kind, found_on, nullptr);
    return;
  }
  // The workers' shared limit for the host first; the permit is held until the answer.
  auto io = run_.io.get_executor();
  run_.host_permits->acquire(url_host(url), &run_,
                             [this, io, claim, url, kind, found_on](auto permit) {
                               boost::asio::post(io, [this, claim, url, kind, found_on, permit] {
                                 request_external(claim, url, kind, found_on, permit);
                               });
                             });
}

void SiteCrawl::request_external(std::shared_ptr<LinkVerdicts::Claim> claim, const std::string& url,
                                 const std::string& kind, const std::string& found_on,
                                 std::shared_ptr<store::HostPermits::Permit> permit) {
  requester_->check(url, [this, claim, found_on, kind, permit](Outcome o) mutable {
    permit.reset();
    --in_flight_;
    spdlog::debug("{}: link {} {} -> {} {}", site_.id, o.method, o.url, o.response.status,
                  o.error_text);
    if (run_.progress) run_.progress->bytes += o.response.bytes;
    checks::LinkResult result = to_link_result(o, found_on, kind, false);
    claim->settle(result);
    if (run_.verdicts_in_store) run_.writer.add_link_verdict(result);
    link_result(std::move(result));
    pump();
    settle();
  });
}

void SiteCrawl::external_answered(checks::LinkResult verdict, const std::string& kind,
                                  const std::string& found_on) {
  verdict.found_on = found_on;
  verdict.kind = kind;
  verdict.internal = false;
  link_result(std::move(verdict));
}

}  // namespace sitepatrol::crawler
