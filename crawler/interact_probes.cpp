// SiteCrawl's part of the interactive-feature checks (issue 4; crawler/interact_collector.h):
// checking form actions with HEAD/GET, the one GET search, and following a feature list's
// pagination. Nothing here sends a POST or fills in a message form.
#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>

#include "crawler/charset.h"
#include "crawler/html.h"
#include "crawler/search_probe.h"
#include "crawler/site_crawl.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {

namespace asio = boost::asio;

void SiteCrawl::interact_after_page(const checks::PageResult& page) {
  InteractCollector::Actions next = interact_->on_page(page);
  // A list's next page is the same distance from home as the list: pagination must not run
  // out of max_depth before it runs out of the last 12 months.
  for (const auto& url : next.pagination) enqueue_page(url, page.depth, page.url, "a");
  for (const auto& url : next.actions) probe_action(url);
  if (next.search) probe_search(*next.search, next.search_page);
}

void SiteCrawl::probe_action(const std::string& url) {
  if (!robots_allow(url)) return;  // not judged: we may not ask
  ++in_flight_;
  requester_->check(url, [this](Outcome o) {
    --in_flight_;
    spdlog::debug("{}: form action {} {} -> {} {}", site_.id, o.method, o.url, o.response.status,
                  o.error_text);
    interact_->on_action({.url = o.url,
                          .status = o.response.status,
                          .error = o.error,
                          .error_text = o.error_text});
    pump();
    settle();
  });
}

void SiteCrawl::probe_search(const checks::FormInfo& form, const std::string& page) {
  checks::SearchProbe probe;
  probe.form_page = page;
  probe.action = form.action;
  probe.query_url = search_query_url(form, site_.name);
  if (probe.query_url.empty()) return;
  if (is_own_host(url_host(probe.query_url)) && !robots_allow(probe.query_url)) return;
  ++in_flight_;
  const std::string url = probe.query_url;
  requester_->get(
      url,
      [this](FetchRequest& q) {
        q.html_only = true;
        q.max_body = run_.config.patrol.max_body_bytes;
      },
      [this, probe = std::move(probe)](Outcome o) mutable {
        spdlog::debug("{}: search {} -> {} {}", site_.id, o.url, o.response.status, o.error_text);
        probe.status = o.response.status;
        probe.error = o.error;
        probe.error_text = o.error_text;
        auto body = std::make_shared<std::string>(std::move(o.response.body));
        std::string content_type(o.response.header("content-type"));
        std::string base = o.final_url;
        asio::post(run_.parse_pool, [this, probe = std::move(probe), body, content_type,
                                     base]() mutable {
          const std::string utf8 = to_utf8(*body, detect_charset(content_type, *body));
          ParsedHtml html = parse_html(utf8, base);
          probe.title = std::move(html.title);
          probe.text = std::move(html.text);
          asio::post(run_.io, [this, probe = std::move(probe)]() mutable {
            --in_flight_;
            interact_->on_search(std::move(probe));
            pump();
            settle();
          });
        });
      });
}

}  // namespace sitepatrol::crawler
