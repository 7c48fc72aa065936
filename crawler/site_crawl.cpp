#include "crawler/site_crawl.h"

#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>

#include "checks/column_names.h"
#include "checks/fingerprint.h"
#include "checks/interact_stats.h"
#include "checks/page_facts.h"
#include "crawler/attachment_text.h"
#include "crawler/charset.h"
#include "crawler/content_hash.h"
#include "crawler/css_refs.h"
#include "crawler/html.h"
#include "crawler/sitemap.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {

namespace asio = boost::asio;
using checks::FetchError;

// The parse pool's answer for one page.
struct SiteCrawl::Parsed {
  std::string charset;
  std::string content_hash;
  ParsedHtml html;
  std::optional<checks::PageSketch> sketch;
  checks::PageFacts facts;
  std::vector<std::pair<std::string, bool>> robots;  // the links' verdicts (robots.txt)
  checks::PageResult page;  // what the checks read, and their findings: both made on the pool
  checks::Findings findings;
};

namespace {

constexpr std::chrono::milliseconds kMaxCrawlDelay{5000};
constexpr long kAutomaticRequestMargin = 2000;  // max_requests_per_site = 0: 4 x pages + this
constexpr int kMaxSitemaps = 50;         // sitemap files read per site: robots' and an index's
constexpr int kMaxColumnEntryDepth = 3;  // entries kept for pages this deep (and pagination)

bool is_navigational(const std::string& kind) {
  return kind == "a" || kind == "area" || kind == "iframe" || kind == "frame" ||
         kind == "meta-refresh" || kind == "sitemap";
}

std::string origin_of(const std::string& url) {
  auto parts = split_url(url);
  if (!parts) return {};
  const bool default_port = (parts->scheme == "http" && parts->port == 80) ||
                            (parts->scheme == "https" && parts->port == 443);
  std::string host =
      parts->host.find(':') != std::string::npos ? "[" + parts->host + "]" : parts->host;
  return parts->scheme + "://" + host + (default_port ? "" : ":" + std::to_string(parts->port));
}

// Empties a string or vector and gives its memory back (`x = {}` and `clear()` keep it).
template <class T>
void release(T& x) {
  T().swap(x);
}

// A page waits in the store's batch (128 pages) until it is written. The store keeps its
// address, status, title, links and sketch (SqlStore::save_page), not what the page checks
// read: its text, rows, forms, headers and meta tags were half of a batch's memory.
void drop_unstored(checks::PageResult& page) {
  release(page.text);
  release(page.hidden_text);
  release(page.headers);
  release(page.meta);
  release(page.rows);
  release(page.forms);
  release(page.malformed_links);
}

}  // namespace

SiteCrawl::SiteCrawl(RunContext& run, const config::SiteConfig& site, SiteMemory memory,
                     std::function<void(const store::RunTotals&)> on_done)
    : run_(run),
      site_(site),
      policy_(run.config, site, run.registered_origins),
      validators_(std::move(memory.validators)),
      baselines_(std::move(memory.baselines)),
      column_states_(std::move(memory.columns)),
      today_(checks::today_in_china(run.now)),
      on_done_(std::move(on_done)) {
  const auto& patrol = run_.config.patrol;
  context_.site = &site_;
  context_.patrol = &patrol;
  context_.security = &run_.config.security;
  context_.baselines = &baselines_;
  context_.config = &run_.config;
  context_.now = run_.now;
  context_.registered_hosts = &run_.registered_hosts;
  context_.own_hosts.insert(url_host(site_.url));
  for (const auto& alias : site_.aliases) context_.own_hosts.insert(alias);
  max_pages_ = site_.max_pages.value_or(patrol.max_pages_per_site);
  max_requests_ = patrol.max_requests_per_site > 0 ? patrol.max_requests_per_site
                                                   : 4L * max_pages_ + kAutomaticRequestMargin;
  filter_.include = patrol.include;
  filter_.include.insert(filter_.include.end(), site_.include.begin(), site_.include.end());
  filter_.exclude = patrol.exclude;
  filter_.exclude.insert(filter_.exclude.end(), site_.exclude.begin(), site_.exclude.end());
  window_ = std::max(8, patrol.per_host_concurrency * 4);
  RequesterOptions options;
  options.max_redirects = patrol.max_redirects;
  options.max_retries = patrol.max_retries;
  interact_ = std::make_unique<InteractCollector>(
      site_, run_.feature_namer, run_.config.features.message_months,
      [this](const std::string& url) { return is_own_host(url_host(url)); }, run_.now);
  requester_ = std::make_unique<Requester>(
      run_.io, run_.fetcher, run_.gate,
      [this](const std::string& url) { return make_request(url); }, options);
}

void SiteCrawl::start() {
  spdlog::info("{}: patrol of {} started", site_.id, site_.url);
  if (site_.respect_robots.value_or(run_.config.patrol.respect_robots)) {
    load_robots();
  } else {
    load_sitemap(origin_of(site_.url) + "/sitemap.xml", 0);
    start_crawl();
  }
}

// ---- seeds: robots.txt, sitemap, homepage ----

void SiteCrawl::load_robots() {
  ++in_flight_;
  requester_->get(origin_of(site_.url) + "/robots.txt", nullptr, [this](Outcome o) {
    const bool fetched = o.error == FetchError::none;
    switch (robots_verdict(o.response.status, fetched)) {
      case RobotsVerdict::allow_all:
        --in_flight_;
        robots_loaded();
        return;
      case RobotsVerdict::disallow_all:
        --in_flight_;
        robots_ = robots_unreachable();
        robots_unreachable_ = fetched ? "HTTP " + std::to_string(o.response.status)
                                      : std::string(checks::to_string(o.error));
        spdlog::warn("{}: robots.txt unavailable ({}): only the homepage is read", site_.id,
                     robots_unreachable_);
        robots_loaded();
        return;
      case RobotsVerdict::parse:
        break;
    }
    // Parsed on the parse pool: a hostile robots.txt costs a worker, not the I/O thread.
    asio::post(run_.parse_pool, [this, body = std::move(o.response.body)] {
      Robots parsed = parse_robots(body, run_.config.patrol.user_agent);
      asio::post(run_.io, [this, parsed = std::move(parsed)]() mutable {
        --in_flight_;
        robots_ = std::move(parsed);
        robots_loaded();
      });
    });
  });
}

void SiteCrawl::robots_loaded() {
  if (robots_ && robots_->crawl_delay) {
    // Honoured up to kMaxCrawlDelay: a nightly patrol must finish by morning.
    const auto asked =
        std::chrono::milliseconds(static_cast<long>(std::min(*robots_->crawl_delay * 1000.0, 1e9)));
    run_.gate.slow_down(url_host(site_.url), std::min(asked, kMaxCrawlDelay));
  }
  if (!robots_unreachable_.empty()) {
    // Everything but the homepage is disallowed: no sitemap to read.
  } else if (robots_ && !robots_->sitemaps.empty()) {
    for (const auto& s : robots_->sitemaps) load_sitemap(s, 0);
  } else {
    load_sitemap(origin_of(site_.url) + "/sitemap.xml", 0);
  }
  start_crawl();
}

void SiteCrawl::load_sitemap(const std::string& url, int nesting) {
  if (!is_own_host(url_host(url)) || nesting > 1) return;
  if (sitemaps_read_ >= kMaxSitemaps || !take_request()) return;
  ++sitemaps_read_;
  ++in_flight_;
  requester_->get(url, nullptr, [this, nesting](Outcome o) {
    if (o.error != FetchError::none || o.response.status != 200) {
      --in_flight_;
      pump();
      settle();
      return;
    }
    // Parsed, and its URLs matched against robots.txt, on the parse pool (issue 12).
    auto body = std::make_shared<std::string>(std::move(o.response.body));
    asio::post(run_.parse_pool, [this, body, nesting] {
      if (run_.cancel && run_.cancel->load()) return;
      auto map = std::make_shared<Sitemap>(parse_sitemap(*body));
      std::erase_if(map->urls, [](std::string& loc) {
        auto normal = normalize_url(loc);
        if (normal) loc = std::move(*normal);
        return !normal;
      });
      RobotsVerdicts verdicts = map->is_index ? RobotsVerdicts{} : robots_verdicts(map->urls);
      asio::post(run_.io, [this, map, nesting, verdicts = std::move(verdicts)]() mutable {
        --in_flight_;
        learn_robots(std::move(verdicts));
        for (const auto& loc : map->urls) {
          if (map->is_index) {
            load_sitemap(loc, nesting + 1);
          } else if (pages_started_ >= max_pages_) {
            // A sitemap's pages past the page limit are not links anyone follows: not checked.
            page_limit_hit_ = true;
            break;
          } else if (is_own_host(url_host(loc))) {
            enqueue_page(loc, 1, site_.url, "sitemap");
          }
        }
        pump();
        settle();
      });
    });
  });
}

void SiteCrawl::start_crawl() {
  started_crawl_ = true;
  // The homepage goes first in the queue, whatever the sitemap added meanwhile.
  seen_pages_.insert(site_.url);
  frontier_.push_front(PageJob{site_.url, 0, "", "a", nullptr});
  ++pages_started_;
  if (run_.progress) ++run_.progress->queued;
  for (const auto& url : interact_->seeds()) enqueue_page(url, 1, site_.url, "a");  // issue 4
  pump();
  settle();
}

// ---- pages ----

void SiteCrawl::enqueue_page(const std::string& url, int depth, const std::string& found_on,
                             const std::string& kind) {
  if (seen_pages_.contains(url)) return;
  if (skip_excluded(url)) return;
  if (pages_started_ >= max_pages_ || depth > run_.config.patrol.max_depth) {
    // Beyond the walk: still checked, with HEAD. Past the page limit the page is left unread,
    // so what it carries is not examined: the site is covered partially.
    if (pages_started_ >= max_pages_ && depth <= run_.config.patrol.max_depth)
      page_limit_hit_ = true;
    check_link(url, kind, found_on);
    return;
  }
  seen_pages_.insert(url);
  seen_links_.insert(url);
  ++pages_started_;
  frontier_.push_back(PageJob{url, depth, found_on, kind, nullptr});
  if (run_.progress) ++run_.progress->queued;
}

void SiteCrawl::pump() {
  if (!started_crawl_) return;
  if (run_.time_up && !frontier_.empty()) {  // max_run_time: the rest stays unread
    time_limit_hit_ = true;
    if (run_.progress) run_.progress->queued -= static_cast<int>(frontier_.size());
    frontier_.clear();
  }
  while (in_flight_ < window_ && !frontier_.empty()) {
    PageJob job = std::move(frontier_.front());
    frontier_.pop_front();
    if (run_.progress) --run_.progress->queued;
    fetch_page(std::move(job));
  }
}

void SiteCrawl::fetch_page(PageJob job) {
  // The homepage is always fetched, as an inspector would open it: availability is judged on
  // it even when robots.txt disallows everything.
  if (job.depth > 0 && !robots_allow(job.url)) {
    link_result(unfetched_link(job.url, job.found_on, job.kind, FetchError::robots));
    return;
  }
  if (job.depth > 0 && !take_request()) return;  // left unread: coverage says request_limit
  ++in_flight_;
  const bool homepage = job.depth == 0;
  // The homepage is always read in full: availability, identifiers and headers are judged on
  // what it says today, not on what it said last time.
  // So are the pages of interactive features (issue 4): a 304 would hide their forms.
  const auto v =
      homepage || interact_->wants_full(job.url) ? validators_.end() : validators_.find(job.url);
  // The answer is likely a 304: read its memory meanwhile.
  if (v != validators_.end()) job.memory = ask_memory(job.url);
  std::string url = job.url;
  requester_->get(
      url,
      [homepage, v, this](FetchRequest& q) {
        q.html_only = true;
        q.want_certinfo = homepage;
        q.max_body = run_.config.patrol.max_body_bytes;
        if (v != validators_.end()) {
          q.if_none_match = v->second.etag;
          q.if_modified_since = v->second.last_modified;
        }
      },
      [this, job = std::move(job)](Outcome o) mutable { on_page(std::move(job), std::move(o)); });
}

void SiteCrawl::on_page(PageJob job, Outcome o) {
  spdlog::debug("{}: page {} -> {} {} in {:.0f} ms{}", site_.id, job.url, o.response.status,
                o.error_text, o.elapsed_ms, o.redirects.empty() ? "" : " (redirected)");
  if (run_.progress) run_.progress->bytes += o.response.bytes;
  // A page fetched is also its link checked: report it like any link. The homepage is the
  // seed, not a link: AVAIL-DOWN alone speaks for it.
  if (!job.found_on.empty()) link_result(to_link_result(o, job.found_on, job.kind, true));
  seen_pages_.insert(o.final_url);
  seen_links_.insert(o.final_url);

  const int status = o.response.status;
  const bool on_site = is_own_host(url_host(o.final_url));
  if (o.error == FetchError::none && status == 304) {
    // A 304 to a request sent without validators: ask for the memory now.
    auto memory = job.memory ? std::move(job.memory) : ask_memory(job.url);
    memory->then(
        [this, job = std::move(job), o = std::move(o)](std::optional<store::PageMemory> m) mutable {
          on_memory(std::move(job), std::move(o), std::move(m));
        });
    return;  // in_flight_ stays counted until the memory arrives
  }
  job.memory.reset();  // not a 304: the memory asked for is not needed
  if (o.error == FetchError::none && status >= 200 && status < 300 && on_site &&
      o.response.is_html() && !o.response.truncated) {
    auto parsed = std::make_shared<Parsed>();
    auto body = std::make_shared<std::string>(std::move(o.response.body));
    o.response.body.clear();
    std::string content_type(o.response.header("content-type"));
    std::string base = o.final_url;
    ParseOptions options;
    options.structure = job.depth <= 1;  // the template fingerprint: homepage and columns
    options.stop = run_.cancel;          // SIGTERM ends a hostile page's parse at once
    if (run_.parse_backlog) run_.parse_backlog->add();
    asio::post(run_.parse_pool, [this, job = std::move(job), o = std::move(o), parsed, body,
                                 content_type, base, options]() mutable {
      if (run_.cancel && run_.cancel->load()) return;  // the I/O loop is stopping: nobody waits
      parsed->charset = detect_charset(content_type, *body);
      parsed->content_hash = content_hash(*body);
      const std::string utf8 = to_utf8(*body, parsed->charset);
      options.charset = parsed->charset;  // issue 11: queries in the page's charset
      parsed->html = parse_html(utf8, base, options);
      if (run_.cancel && run_.cancel->load()) return;
      if (options.structure) {
        parsed->sketch =
            checks::sketch_page(parsed->html.tag_paths, parsed->html.links, parsed->html.title);
        release(parsed->html.tag_paths);
      }
      const ParsedHtml& h = parsed->html;
      if (robots_) {  // matched here, not on the I/O thread (site_crawl_robots.cpp)
        std::vector<std::string> urls;
        urls.reserve(h.links.size());
        for (const auto& link : h.links) urls.push_back(link.url);
        parsed->robots = robots_verdicts(urls);
      }
      parsed->facts =
          checks::page_facts(checks::PageContent{job.url, base, h.text, h.meta, h.rows}, today_);
      if (!h.too_large) check_page(job, o, *parsed);
      if (run_.cancel && run_.cancel->load()) return;  // checks cut short: not a verdict
      asio::post(run_.io, [this, job = std::move(job), o = std::move(o), parsed]() mutable {
        on_parsed(std::move(job), std::move(o), parsed);
      });
    });
    return;
  }
  // A download that names no file type in its URL but is one by its Content-Type: read as
  // an attachment too (issue 13), its link already reported by this fetch.
  if (o.error == FetchError::none && status >= 200 && status < 300 && on_site &&
      run_.config.patrol.attachments && is_attachment_type(o.response.header("content-type")) &&
      !seen_attachments_.contains(o.final_url) && take_request()) {
    check_attachment(AttachmentJob{job.url, job.kind, job.found_on, true});
  }
  // Not a page we read (an error, a file, a redirect off the site): it was a link check.
  checks::PageResult page = page_base(job, o);
  page.error = o.error;
  page.error_text = o.error_text;
  finish_page(std::move(job), o, std::move(page), {}, {});
}

// On the parse pool: the page as the checks see it, and the page checks' findings. The
// checks only read the page and context_ (set once, in the constructor), so no page check
// runs on the I/O thread (issue 12, failure 6).
void SiteCrawl::check_page(const PageJob& job, const Outcome& o, Parsed& parsed) const {
  checks::PageResult& page = parsed.page;
  page = page_base(job, o);
  page.charset = parsed.charset;
  page.title = std::move(parsed.html.title);
  page.text = std::move(parsed.html.text);
  page.links = std::move(parsed.html.links);
  page.meta = std::move(parsed.html.meta);
  page.hidden_text = std::move(parsed.html.hidden_text);
  page.rows = std::move(parsed.html.rows);
  page.sketch = std::move(parsed.sketch);
  page.forms = std::move(parsed.html.forms);
  page.malformed_links = std::move(parsed.html.malformed);  // issue 11
  if (run_.cancel && run_.cancel->load()) return;
  for (auto check : checks::page_checks()) check(context_, page, parsed.findings);
}

void SiteCrawl::on_parsed(PageJob job, Outcome o, std::shared_ptr<Parsed> parsed) {
  if (run_.parse_backlog) run_.parse_backlog->done();
  learn_robots(std::move(parsed->robots));
  if (parsed->html.too_large) {  // issue 12: recorded like a page over the body cap, unread
    checks::PageResult page = page_base(job, o);
    page.error = FetchError::too_large;
    page.error_text = "page too large to parse (more than " + std::to_string(kMaxParseBytes >> 20) +
                      " MiB of HTML)";
    spdlog::warn("{}: {} not read: {}", site_.id, job.url, page.error_text);
    o.error = page.error;  // no checks on a page nobody read
    o.error_text = page.error_text;
    finish_page(std::move(job), o, std::move(page), {}, {});
    return;
  }
  finish_page(std::move(job), o, std::move(parsed->page), std::move(parsed->content_hash),
              std::move(parsed->findings), std::move(parsed->facts));
}

std::shared_ptr<PendingMemory> SiteCrawl::ask_memory(const std::string& url) {
  auto memory = std::make_shared<PendingMemory>();
  run_.writer.load_memory(site_.id, url, [memory](std::optional<store::PageMemory> m) {
    memory->set(std::move(m));
  });
  return memory;
}

void SiteCrawl::on_memory(PageJob job, Outcome o, std::optional<store::PageMemory> memory) {
  // The stored links' robots verdicts are worked out on the parse pool first.
  std::vector<std::string> urls;
  if (robots_ && memory) {
    for (const auto& link : memory->links) urls.push_back(link.url);
  }
  auto kept = std::make_shared<std::optional<store::PageMemory>>(std::move(memory));
  with_robots_verdicts(std::move(urls),
                       [this, job = std::move(job), o = std::move(o), kept]() mutable {
                         on_memory_ready(std::move(job), std::move(o), std::move(*kept));
                       });
}

void SiteCrawl::on_memory_ready(PageJob job, Outcome o, std::optional<store::PageMemory> memory) {
  checks::PageResult page = page_base(job, o);
  page.not_modified = true;
  std::string hash;
  checks::Findings reused;  // a 304 page keeps the findings of the run that read it
  std::optional<checks::PageFacts> facts;
  if (memory) {
    facts = std::move(memory->facts);
    page.charset = memory->charset;
    page.title = memory->title;
    page.links = std::move(memory->links);
    hash = memory->content_hash;
    reused = std::move(memory->page_findings);
  }
  finish_page(std::move(job), o, std::move(page), std::move(hash), std::move(reused),
              std::move(facts));
}

// Common end of every page: checks, store, links to follow.
void SiteCrawl::finish_page(PageJob job, const Outcome& o, checks::PageResult page,
                            std::string content_hash, std::optional<checks::Findings> page_findings,
                            std::optional<checks::PageFacts> facts) {
  --in_flight_;
  // A page counts when it was read: parsed now (it has a content hash) or unchanged since the
  // last run. A 404 or a file that a page link led to was only a link check.
  if (page.not_modified || !content_hash.empty()) {
    ++totals_.pages;
    if (run_.progress) ++run_.progress->pages;
  }

  store::PageRecord record;
  record.site = site_.id;
  record.content_type = std::string(o.response.header("content-type"));
  record.content_hash = std::move(content_hash);
  record.etag = std::string(o.response.header("etag"));
  record.last_modified = std::string(o.response.header("last-modified"));
  if (page.not_modified) {  // a 304 repeats the validators, or keeps the old ones
    auto v = validators_.find(job.url);
    if (v != validators_.end()) {
      if (record.etag.empty()) record.etag = v->second.etag;
      if (record.last_modified.empty()) record.last_modified = v->second.last_modified;
    }
  }
  record.bytes = o.response.bytes;

  if (page.status >= 200 && page.status < 400 && o.error == FetchError::none) {
    // Pages that were read arrive with their findings (the parse pool's, or a 304's stored
    // ones); the page checks still run here on the rest (a file, a truncated body), which
    // have no text to read.
    checks::Findings found;
    if (page_findings) {
      found = std::move(*page_findings);
    } else {
      for (auto check : checks::page_checks()) check(context_, page, found);
    }
    for (auto& f : found) {
      f.site = site_.id;
      emit(std::move(f), &record.page_findings);
    }
    interact_after_page(page);  // issue 4: before follow_links, so pagination keeps its depth
    follow_links(page);
  } else {
    interact_after_page(page);  // issue 4: an unusable feature page counts too
  }
  if (facts) summarize(page, std::move(*facts), record);
  if (page.is_homepage) result_.homepage = page;
  if (page.sketch && !baselines_.contains(page.url))  // first sighting: it becomes the baseline
    add_baseline(page.url, *page.sketch);
  record.sketch = page.sketch;
  record.page = std::move(page);
  drop_unstored(record.page);
  // A page that is only a link check (off-site redirect, error) still gets a row: its status
  // is part of the site's record.
  run_.writer.add_page(std::move(record));
  pump();
  settle();
}

// First sightings go to the store in batches as the walk goes, not all at the site's end: a
// big site's sketches would otherwise stay in memory until its last page (docs/performance.md).
void SiteCrawl::add_baseline(const std::string& url, const checks::PageSketch& sketch) {
  constexpr std::size_t kBatch = 32;
  new_baselines_.emplace_back(url, sketch);
  if (new_baselines_.size() < kBatch) return;
  run_.writer.add_baselines(site_.id, std::exchange(new_baselines_, {}));
}

void SiteCrawl::follow_links(const checks::PageResult& page) {
  std::size_t taken = 0;
  const auto cap = static_cast<std::size_t>(run_.config.patrol.max_links_per_page);
  for (const auto& link : page.links) {
    if (seen_links_.contains(link.url)) continue;
    if (++taken > cap) {  // the rest of this page's references are not examined
      if (!link_limit_hit_)
        spdlog::warn("{}: {} has more than {} references; the rest are not checked", site_.id,
                     page.url, cap);
      link_limit_hit_ = true;
      break;
    }
    const std::string host = url_host(link.url);
    const bool own = is_own_host(host);
    if (own && is_navigational(link.kind) && !looks_like_resource(link.url)) {
      enqueue_page(link.url, page.depth + 1, page.url, link.kind);
    } else {
      check_link(link.url, link.kind, page.url);
    }
  }
}

// ---- links ----

void SiteCrawl::check_link(const std::string& url, const std::string& kind,
                           const std::string& found_on) {
  if (seen_links_.contains(url)) return;
  if (skip_excluded(url)) return;
  if (run_.time_up) {  // max_run_time: left unchecked
    time_limit_hit_ = true;
    return;
  }
  seen_links_.insert(url);
  const bool internal = is_own_host(url_host(url));
  if (internal && !robots_allow(url)) {
    link_result(unfetched_link(url, found_on, kind, FetchError::robots));
    return;
  }
  if (!internal && !run_.config.patrol.check_external_links) {
    // Not fetched: only the checks that need no answer (LINK-UNAPPROVED) apply.
    link_result(unfetched_link(url, found_on, kind, FetchError::none));
    return;
  }
  if (!internal && run_.verdicts != nullptr) {  // crawler/site_crawl_external.cpp
    check_external(url, kind, found_on);
    return;
  }
  if (!take_request()) return;  // left unchecked: coverage says request_limit
  if (internal && reads_stylesheet(kind)) {  // issue 11: crawler/site_crawl_css.cpp
    check_stylesheet(url, kind, found_on);
    return;
  }
  if (internal && reads_attachment(url)) {  // issue 13: crawler/site_crawl_attachments.cpp
    check_attachment(AttachmentJob{url, kind, found_on});
    return;
  }
  ++in_flight_;
  requester_->check(url, [this, found_on, kind, internal](Outcome o) {
    --in_flight_;
    spdlog::debug("{}: link {} {} -> {} {}", site_.id, o.method, o.url, o.response.status,
                  o.error_text);
    if (run_.progress) run_.progress->bytes += o.response.bytes;
    link_result(to_link_result(o, found_on, kind, internal));
    pump();
    settle();
  });
}

void SiteCrawl::link_result(checks::LinkResult result) {
  ++totals_.links_checked;
  if (run_.progress) ++run_.progress->links_checked;
  interact_->on_link(result);  // issue 4
  checks::Findings found;
  for (auto check : checks::link_checks()) check(context_, result, found);
  for (auto& f : found) {
    f.site = site_.id;
    emit(std::move(f));
  }
  run_.writer.add_link(store::LinkRecord{site_.id, std::move(result)});
}

checks::LinkResult SiteCrawl::to_link_result(const Outcome& o, const std::string& found_on,
                                             const std::string& kind, bool internal) const {
  checks::LinkResult r;
  r.url = o.url;
  r.found_on = found_on;
  r.kind = kind;
  r.internal = internal;
  r.method = o.method;
  r.status = o.response.status;
  r.error = o.error;
  r.error_text = o.error_text;
  r.redirects = o.redirects;
  r.elapsed_ms = o.elapsed_ms;
  return r;
}

checks::PageResult SiteCrawl::page_base(const PageJob& job, const Outcome& o) const {
  checks::PageResult page;
  page.url = job.url;
  page.final_url = o.final_url;
  page.found_on = job.found_on;
  page.depth = job.depth;
  page.is_homepage = job.depth == 0;
  page.status = o.response.status;
  page.elapsed_ms = o.elapsed_ms;
  page.tls = o.response.tls;
  page.headers = o.response.headers;
  return page;
}

checks::LinkResult SiteCrawl::unfetched_link(const std::string& url, const std::string& found_on,
                                             const std::string& kind,
                                             checks::FetchError why) const {
  checks::LinkResult r;
  r.url = url;
  r.found_on = found_on;
  r.kind = kind;
  r.internal = is_own_host(url_host(url));
  r.error = why;
  if (why == FetchError::robots) r.error_text = "disallowed by robots.txt";
  return r;
}

// ---- findings and the end of the site ----

void SiteCrawl::emit(checks::Finding finding, std::vector<checks::Finding>* also) {
  if (disabled(finding.code)) return;
  if (also) also->push_back(finding);
  if (!emitted_.emplace(finding.code, finding.subject).second) return;
  if (run_.progress) ++run_.progress->findings;
  run_.writer.add_finding(std::move(finding));
}

void SiteCrawl::settle() {
  if (finished_ || !started_crawl_ || in_flight_ > 0 || !frontier_.empty()) return;
  finished_ = true;
  result_.pages = totals_.pages;
  result_.links_checked = totals_.links_checked;
  result_.columns = checks::find_columns(context_, result_.summaries);
  result_.interaction = interact_->take();  // issue 4
  result_.cut_short = coverage().state == "partial";
  checks::Findings found;
  for (auto check : checks::site_checks()) check(context_, result_, found);
  for (auto& f : found) {
    f.site = site_.id;
    emit(std::move(f));
  }
  finish_columns();
  if (!new_baselines_.empty()) run_.writer.add_baselines(site_.id, std::move(new_baselines_));
  if (result_.homepage.status >= 200 && result_.homepage.status < 300)  // issue 4
    run_.writer.add_interaction_months(site_.id,
                                       checks::interaction_months(context_, result_.interaction));
  const store::SiteCoverage covered = coverage();
  run_.writer.add_coverage(site_.id, covered);
  run_.writer.flush();
  spdlog::info(
      "{}: patrol done, {} pages, {} links checked, {} skipped by include/exclude, {} findings{}",
      site_.id, totals_.pages, totals_.links_checked, totals_.excluded, emitted_.size(),
      covered.state == "complete" ? "" : " (" + covered.state + ": " + covered.reason + ")");
  totals_.sites = 1;
  if (run_.progress) ++run_.progress->sites_done;
  on_done_(totals_);
}

// Down: the homepage was not read, so nothing else was. Partial: the walk was cut short, and
// findings on the pages it did not read stay open unverified (store/verification.h).
store::SiteCoverage SiteCrawl::coverage() const {
  const checks::PageResult& home = result_.homepage;
  if (home.error != FetchError::none)
    return {"down", std::string(checks::to_string(home.error)) +
                        (home.error_text.empty() ? "" : ": " + home.error_text)};
  if (home.status < 200 || home.status >= 400)
    return {"down", "HTTP " + std::to_string(home.status)};
  if (!robots_unreachable_.empty())
    return {"partial", "robots_unreachable: " + robots_unreachable_};
  if (time_limit_hit_) return {"partial", "time_limit"};
  if (request_limit_hit_) return {"partial", "request_limit"};
  if (page_limit_hit_) return {"partial", "page_limit"};
  if (link_limit_hit_) return {"partial", "link_limit"};
  return {"complete", ""};
}

// ---- freshness ----

// Keeps what the column checks need of a parsed (or unchanged) page until the site is done,
// and stores its facts with it. Entries are kept only near the top of the site, where
// columns are looked for, and on list pages further down (pagination): a 20,000-page site
// would otherwise hold every article's side lists.
void SiteCrawl::summarize(const checks::PageResult& page, checks::PageFacts facts,
                          store::PageRecord& record) {
  if (!page.not_modified) record.facts = facts;  // a 304 keeps the stored ones
  checks::PageSummary summary =
      checks::summarize_page(context_, page, std::move(facts), result_.nav_links);
  const bool pagination = checks::column_first_page(page.url) != page.url;
  if (page.depth > kMaxColumnEntryDepth && !pagination) {
    // Deep pages count for the meta tags and the searched pages only: their entries, title
    // and column name name no column (checks/columns.cpp reads them to depth 2).
    release(summary.facts.entries);
    release(summary.title);
    release(summary.facts.column_name);
  }
  result_.summaries.push_back(std::move(summary));
}

// Column history: what this run saw of each column, stored for the report and the next run.
void SiteCrawl::finish_columns() {
  auto observations = checks::observe_columns(result_, column_states_, today_);
  if (!observations.empty()) run_.writer.add_columns(site_.id, std::move(observations));
  result_.summaries.clear();
  result_.summaries.shrink_to_fit();
  result_.nav_links.clear();  // after the summaries that point into it
}

// ---- helpers ----

bool SiteCrawl::disabled(const std::string& code) const {
  const auto& global = run_.config.patrol.disable_codes;
  return std::ranges::find(global, code) != global.end() ||
         std::ranges::find(site_.disable_codes, code) != site_.disable_codes.end();
}

bool SiteCrawl::take_request() {
  if (requests_made_ >= max_requests_) {
    if (!request_limit_hit_)
      spdlog::warn("{}: {} requests made (max_requests_per_site); the rest are not made", site_.id,
                   requests_made_);
    request_limit_hit_ = true;
    return false;
  }
  ++requests_made_;
  return true;
}

bool SiteCrawl::is_own_host(const std::string& host) const {
  return context_.own_hosts.contains(host);
}

// An URL the include/exclude patterns leave out is neither fetched nor checked, only counted
// (once), so the user sees how much was skipped.
bool SiteCrawl::skip_excluded(const std::string& url) {
  if (filter_.include.empty() && filter_.exclude.empty()) return false;
  if (url == site_.url || !filter_.skips(url)) return false;  // the homepage is always read
  if (seen_links_.insert(url)) ++totals_.excluded;
  seen_pages_.insert(url);
  return true;
}

FetchRequest SiteCrawl::make_request(const std::string& url) const {
  return policy_.request_for(url);
}

}  // namespace sitepatrol::crawler
