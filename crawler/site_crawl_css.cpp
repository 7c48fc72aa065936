// SiteCrawl's part of CSS references (issue 11; crawler/css_refs.h): the site's own
// stylesheets are read, not only checked, so the background images and fonts they name are
// checked too. A stylesheet is fetched once per run with GET (within the body cap), parsed on
// the parse pool, and each url() and @import it makes is checked like any link, as found on
// the stylesheet. Stylesheets of other hosts are checked with HEAD and not read.
#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>

#include "crawler/css_refs.h"
#include "crawler/site_crawl.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {

namespace asio = boost::asio;

void SiteCrawl::check_stylesheet(const std::string& url, const std::string& kind,
                                 const std::string& found_on) {
  ++in_flight_;
  requester_->get(
      url, [this](FetchRequest& q) { q.max_body = run_.config.patrol.max_body_bytes; },
      [this, kind, found_on](Outcome o) { on_stylesheet(std::move(o), kind, found_on); });
}

void SiteCrawl::on_stylesheet(Outcome o, const std::string& kind, const std::string& found_on) {
  spdlog::debug("{}: stylesheet {} -> {} {}", site_.id, o.url, o.response.status, o.error_text);
  if (run_.progress) run_.progress->bytes += o.response.bytes;
  link_result(to_link_result(o, found_on, kind, true));
  const int status = o.response.status;
  const std::string content_type(o.response.header("content-type"));
  const bool read = o.error == checks::FetchError::none && status >= 200 && status < 300 &&
                    !o.response.truncated && is_own_host(url_host(o.final_url)) &&
                    is_stylesheet(kind, content_type);
  if (!read) {
    --in_flight_;
    pump();
    settle();
    return;
  }
  auto body = std::make_shared<std::string>(std::move(o.response.body));
  asio::post(run_.parse_pool, [this, body, content_type, sheet = o.final_url]() {
    auto links = stylesheet_links(*body, content_type, sheet);
    asio::post(run_.io, [this, links = std::move(links), sheet]() {
      --in_flight_;  // held until the references are queued, so the site cannot settle early
      for (const CssLink& link : links) check_link(link.url, link.kind, sheet);
      pump();
      settle();
    });
  });
}

}  // namespace sitepatrol::crawler
