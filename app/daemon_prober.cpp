#include "app/daemon_prober.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "crawler/curl_fetcher.h"
#include "crawler/host_gate.h"
#include "crawler/request_policy.h"
#include "crawler/requester.h"

namespace sitepatrol::app {

namespace asio = boost::asio;

void probe_homepages(const config::Config& config,
                     const std::vector<const config::SiteConfig*>& sites, const NowMs& now_ms,
                     const ProbeDone& done, const std::atomic<bool>* stop) {
  const auto& p = config.patrol;
  if (sites.empty()) return;
  asio::io_context io(1);
  auto guard = asio::make_work_guard(io);
  crawler::CurlOptions o;
  o.user_agent = p.user_agent;
  o.timeout = std::chrono::seconds(p.timeout_s);
  o.connect_timeout = std::chrono::seconds(std::min(p.connect_timeout_s, p.timeout_s));
  o.low_speed_limit = p.low_speed_bytes_per_s;
  o.low_speed_time_s = p.low_speed_time_s;
  o.resolve = p.resolve;
  o.ca_bundle = p.ca_bundle;
  crawler::CurlFetcher fetcher(io, o);
  crawler::HostGate gate(io, p.concurrency, p.per_host_concurrency, std::chrono::milliseconds(0));

  std::size_t remaining = sites.size();
  std::vector<std::unique_ptr<crawler::Requester>> requesters;
  const crawler::OriginSet origins = crawler::registered_origins(config);
  for (const auto* site : sites) {
    // The patrol's policy: credentials only to the site's own hosts, and private addresses
    // only for registered sites, on every hop of a redirect.
    auto factory = [policy = crawler::RequestPolicy(config, *site, origins),
                    &p](const std::string& url) {
      crawler::FetchRequest q = policy.request_for(url);
      q.max_body = std::min<std::size_t>(p.max_body_bytes, 2u << 20);
      return q;
    };
    crawler::RequesterOptions ro;
    ro.max_redirects = p.max_redirects;
    ro.max_retries = 0;
    requesters.push_back(std::make_unique<crawler::Requester>(io, fetcher, gate, factory, ro));
    const std::int64_t started = now_ms();
    requesters.back()->get(
        site->url, [](crawler::FetchRequest&) {},
        [&, site, started](crawler::Outcome outcome) {
          store::ProbeRecord r;
          r.site = site->id;
          r.url = site->url;
          r.at_ms = started;
          r.status = outcome.response.status;
          r.elapsed_ms = outcome.elapsed_ms;
          const bool fetched = outcome.error == checks::FetchError::none ||
                               outcome.error == checks::FetchError::too_large;
          r.up = fetched && r.status >= 200 && r.status <= 299;
          if (!fetched) {
            r.error = std::string(checks::to_string(outcome.error));
            if (!outcome.error_text.empty()) r.error += ": " + outcome.error_text;
          } else if (!r.up) {
            r.error = "HTTP " + std::to_string(r.status);
          }
          done(std::move(r));
          if (--remaining == 0) guard.reset();
        });
  }

  asio::steady_timer poll(io);
  std::function<void()> watch = [&] {
    poll.expires_after(std::chrono::milliseconds(100));
    poll.async_wait([&](const boost::system::error_code& ec) {
      if (ec) return;
      if (stop && stop->load()) {
        io.stop();
        return;
      }
      if (remaining > 0) watch();
    });
  };
  watch();
  io.run();
  poll.cancel();
}

}  // namespace sitepatrol::app
