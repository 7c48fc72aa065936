// SiteCrawl's robots.txt verdicts, worked out off the I/O thread (issue 12: a 488 KB
// robots.txt of wildcard rules cost 1.2 s of I/O-thread CPU per URL, and an unrelated site in
// the same patrol got a false AVAIL-DOWN).
//
// Every URL a parsed page, a sitemap or a stored (304) page brings is matched on the parse
// pool, where the page itself is parsed, and the answers are kept in robots_verdicts_ on the
// I/O thread. robots_allow() matches inline only for the few URLs that come from nowhere else
// (configured feature seeds, probe URLs), and Robots::allowed is bounded per URL anyway.
// robots_ is settled before the walk starts and never changed after, so parse jobs may read
// it.
#include <boost/asio/post.hpp>

#include "crawler/site_crawl.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {

namespace asio = boost::asio;

namespace {

bool allows(const Robots& robots, const std::string& url) {
  auto parts = split_url(url);
  return !parts || robots.allowed(parts->path);
}

}  // namespace

SiteCrawl::RobotsVerdicts SiteCrawl::robots_verdicts(const std::vector<std::string>& urls) const {
  RobotsVerdicts out;
  if (!robots_) return out;
  for (const std::string& url : urls) {
    // A hostile file costs up to ~100 ms per URL: SIGTERM must not wait for a page's links.
    if (run_.cancel && run_.cancel->load(std::memory_order_relaxed)) break;
    if (is_own_host(url_host(url))) out.emplace_back(url, allows(*robots_, url));
  }
  return out;
}

void SiteCrawl::learn_robots(RobotsVerdicts verdicts) {
  for (auto& [url, allowed] : verdicts) robots_verdicts_.emplace(std::move(url), allowed);
}

bool SiteCrawl::robots_allow(const std::string& url) {
  if (!robots_) return true;
  if (auto it = robots_verdicts_.find(url); it != robots_verdicts_.end()) return it->second;
  const bool allowed = allows(*robots_, url);  // a seed or a probe: rare, and bounded
  robots_verdicts_.emplace(url, allowed);
  return allowed;
}

void SiteCrawl::with_robots_verdicts(std::vector<std::string> urls, std::function<void()> then) {
  if (!robots_ || urls.empty()) {
    then();
    return;
  }
  asio::post(run_.parse_pool, [this, urls = std::move(urls), then = std::move(then)]() mutable {
    if (run_.cancel && run_.cancel->load()) return;
    RobotsVerdicts verdicts = robots_verdicts(urls);
    asio::post(run_.io, [this, verdicts = std::move(verdicts), then = std::move(then)]() mutable {
      learn_robots(std::move(verdicts));
      then();
    });
  });
}

}  // namespace sitepatrol::crawler
