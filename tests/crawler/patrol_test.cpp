#include "crawler/patrol.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/fixture_server.h"
#include "tests/support/temp_dir.h"

namespace sitepatrol::crawler {
namespace {

using namespace std::chrono_literals;
using testsupport::FixtureServer;

// 2026-11-25T02:00:00Z
const std::chrono::system_clock::time_point kNow{std::chrono::seconds{1795572000}};

constexpr int kLists = 3;
constexpr int kArticlesPerList = 8;
constexpr int kHtmlPages = 1 + kLists + kLists * kArticlesPerList;  // 28

std::string list_path(int l) { return "/list" + std::to_string(l) + ".html"; }
std::string article_path(int l, int a) {
  return "/a/" + std::to_string(l) + "-" + std::to_string(a) + ".html";
}

std::vector<std::string> html_paths() {
  std::vector<std::string> out = {"/"};
  for (int l = 1; l <= kLists; ++l) {
    out.push_back(list_path(l));
    for (int a = 1; a <= kArticlesPerList; ++a) out.push_back(article_path(l, a));
  }
  return out;
}

std::string html(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body>" + body + "</body></html>";
}

// A government-like site on loopback: the homepage links to three list pages, one missing
// page, an image and an external page (on a second server); each list links to eight
// articles; articles link back and to an attachment.
class PatrolTest : public ::testing::Test {
 protected:
  PatrolTest() {
    const std::string ext_url =
        "http://ext.example:" + std::to_string(external.port()) + "/ext.html";
    std::string index_body = "<h1>某某省交通运输厅</h1><ul>";
    for (int l = 1; l <= kLists; ++l)
      index_body += "<li><a href=\"" + list_path(l) + "\">栏目" + std::to_string(l) + "</a></li>";
    index_body += "</ul><a href=\"/missing.html\">失效链接</a><a href=\"" + ext_url +
                  "\">国务院</a><img src=\"/img/logo.png\">";
    site.page("/", html("首页", index_body));
    for (int l = 1; l <= kLists; ++l) {
      std::string body = "<a href=\"/\">首页</a><ul>";
      for (int a = 1; a <= kArticlesPerList; ++a)
        body += "<li><a href=\"" + article_path(l, a) + "\">关于做好第" + std::to_string(a) +
                "项工作的通知</a> <span>2026-11-0" + std::to_string(a) + "</span></li>";
      site.page(list_path(l), html("栏目" + std::to_string(l), body + "</ul>"));
      for (int a = 1; a <= kArticlesPerList; ++a) {
        site.page(article_path(l, a),
                  html("通知" + std::to_string(a),
                       "<a href=\"/\">首页</a><a href=\"" + list_path(l) +
                           "\">返回列表</a><p>正文内容。</p><a href=\"/files/doc.pdf\">附件</a>"));
      }
    }
    testsupport::HttpReply png;
    png.headers = {{"Content-Type", "image/png"}};
    png.body = "\x89PNG\r\n\x1a\n";
    site.route("/img/logo.png", png);
    testsupport::HttpReply pdf;
    pdf.headers = {{"Content-Type", "application/pdf"}};
    pdf.body = "%PDF-1.4 attachment";
    site.route("/files/doc.pdf", pdf);
    external.page("/ext.html", html("国务院", "<p>外部网站</p>"));

    auto& p = config.patrol;
    p.resolve = {"www.site.example:" + std::to_string(site.port()) + ":127.0.0.1",
                 "ext.example:" + std::to_string(external.port()) + ":127.0.0.1"};
    p.allow_private_networks = true;  // the external fixture is on loopback too
    p.per_host_delay_ms = 0;
    // The fixture is plain HTTP with a bare footer; those site-level findings are not
    // what these tests are about.
    // Site-level findings every bare fixture site would have; tests of them enable them.
    p.disable_codes = {"SEC-NO-HTTPS", "SEC-HEADERS", "ID-MISSING", "FRESH-HOME",
                       "COLUMN-MISSING", "META-MISSING"};
    p.timeout_s = 5;
    p.connect_timeout_s = 5;
    p.parse_threads = 2;
    config::SiteConfig s;
    s.id = "test-site";
    s.name = "某某省交通运输厅";
    s.url = home();
    s.allowed_domains = {"ext.example"};
    config.sites.push_back(s);

    auto opened = store::open_sqlite(dir / "patrol.db");
    if (!opened) throw std::runtime_error(opened.error().message);
    db = std::move(*opened);
  }

  std::string home() const {
    return "http://www.site.example:" + std::to_string(site.port()) + "/";
  }
  std::string at(const std::string& path) const {
    return "http://www.site.example:" + std::to_string(site.port()) + path;
  }

  PatrolResult run(const Clock& clock, PatrolProgress* progress = nullptr,
                   const std::atomic<bool>* cancel = nullptr) {
    Patrol patrol(config, *db, clock);
    return patrol.run({&config.sites[0]}, progress, cancel);
  }

  // The fixture site registered `n` times under the host names s1.site.example ..., all
  // pinned to the fixture server, and patrolled in one run.
  PatrolResult run_copies(int n, const Clock& clock, PatrolProgress* progress = nullptr) {
    config.sites.clear();
    for (int i = 1; i <= n; ++i) {
      const std::string host = "s" + std::to_string(i) + ".site.example";
      config.patrol.resolve.push_back(host + ":" + std::to_string(site.port()) + ":127.0.0.1");
      config::SiteConfig s;
      s.id = "site-" + std::to_string(i);
      s.url = "http://" + host + ":" + std::to_string(site.port()) + "/";
      s.allowed_domains = {"ext.example"};
      config.sites.push_back(s);
    }
    std::vector<const config::SiteConfig*> sites;
    for (const auto& s : config.sites) sites.push_back(&s);
    Patrol patrol(config, *db, clock);
    return patrol.run(sites, progress);
  }
  std::vector<store::FindingRow> findings(std::int64_t run_id) {
    store::FindingQuery q;
    q.run = run_id;
    q.status = store::StatusFilter::all;
    auto rows = db->findings(q);
    EXPECT_TRUE(rows.has_value()) << rows.error().message;
    return rows ? *rows : std::vector<store::FindingRow>{};
  }

  // Requests for the site's HTML pages (and the missing one), by method.
  std::size_t page_hits(const std::string& method) const {
    std::size_t n = site.hits("/missing.html", method);
    for (const auto& p : html_paths()) n += site.hits(p, method);
    return n;
  }

  void expect_only_the_broken_link(std::int64_t run_id) {
    const auto rows = findings(run_id);
    ASSERT_EQ(rows.size(), 1u) << [&] {
      std::string all;
      for (const auto& r : rows) all += r.finding.code + " " + r.finding.subject + "; ";
      return all;
    }();
    EXPECT_EQ(rows[0].finding.code, "LINK-BROKEN");
    EXPECT_EQ(rows[0].finding.site, "test-site");
    EXPECT_EQ(rows[0].finding.subject, at("/missing.html"));
    EXPECT_EQ(rows[0].finding.page, home());
    EXPECT_EQ(rows[0].finding.detail, "HTTP 404");
  }

  testsupport::TempDir dir{"patrol-test"};
  FixtureServer site;
  FixtureServer external;
  config::Config config;
  std::unique_ptr<store::Store> db;
};

TEST_F(PatrolTest, WholeSiteIsWalkedAndOnlyTheBrokenLinkIsFound) {
  FixedClock clock(kNow);
  PatrolProgress progress;
  const PatrolResult result = run(clock, &progress);

  ASSERT_TRUE(result.error.empty()) << result.error;
  EXPECT_TRUE(result.finished);
  EXPECT_GT(result.run_id, 0);
  EXPECT_EQ(result.totals.sites, 1);
  // Every page fetched but the homepage (the seed, not a link) is a link checked, the
  // missing page too; plus the image, the attachment and the external page, each once
  // however many pages carry it.
  EXPECT_EQ(result.totals.links_checked, (kHtmlPages - 1) + 1 + 3);

  // Each HTML page was fetched once with GET, never checked again with HEAD.
  for (const auto& p : html_paths()) {
    EXPECT_EQ(site.hits(p, "GET"), 1u) << p;
    EXPECT_EQ(site.hits(p, "HEAD"), 0u) << p;
  }
  EXPECT_EQ(site.hits("/img/logo.png", "HEAD"), 1u);
  // The site's own attachment is read once with GET, its text checked (issue 13); no HEAD.
  EXPECT_EQ(site.hits("/files/doc.pdf", "GET"), 1u);
  EXPECT_EQ(site.hits("/files/doc.pdf", "HEAD"), 0u);
  EXPECT_EQ(external.hits("/ext.html", "HEAD"), 1u);
  EXPECT_EQ(external.requests_seen(), 1u);  // external sites are checked, not crawled

  expect_only_the_broken_link(result.run_id);

  auto info = db->run(result.run_id);
  ASSERT_TRUE(info && info->has_value());
  EXPECT_EQ((*info)->status, "finished");
  EXPECT_EQ((*info)->pages, result.totals.pages);
  EXPECT_EQ((*info)->links_checked, result.totals.links_checked);
  EXPECT_EQ((*info)->started_at, "2026-11-25T02:00:00Z");

  EXPECT_EQ(progress.sites_total.load(), 1);
  EXPECT_EQ(progress.sites_done.load(), 1);
  EXPECT_EQ(progress.pages.load(), result.totals.pages);
  EXPECT_EQ(progress.links_checked.load(), result.totals.links_checked);
  EXPECT_EQ(progress.findings.load(), 1);
}

// Five sites (five host names on the fixture server) with sites_in_flight = 2: never more
// than two walked at once, each walked whole, and each one's broken link found.
TEST_F(PatrolTest, SitesInFlightBoundsTheSitesWalkedAtOnce) {
  config.patrol.sites_in_flight = 2;
  FixedClock clock(kNow);
  PatrolProgress progress;
  const PatrolResult result = run_copies(5, clock, &progress);

  ASSERT_TRUE(result.finished) << result.error;
  EXPECT_EQ(result.totals.sites, 5);
  EXPECT_EQ(result.totals.pages, 5 * kHtmlPages);
  const auto walked = progress.sites();
  ASSERT_EQ(walked.size(), 5u);
  for (const auto& a : walked) {
    EXPECT_TRUE(a.done) << a.id;
    EXPECT_EQ(a.pages, kHtmlPages) << a.id;
    int at_once = 0;  // sites running when `a` started, `a` included
    for (const auto& b : walked)
      if (b.started <= a.started && b.finished > a.started) ++at_once;
    EXPECT_LE(at_once, 2) << a.id;
  }
  std::set<std::string> broken;
  for (const auto& row : findings(result.run_id))
    if (row.finding.code == "LINK-BROKEN") broken.insert(row.finding.site);
  EXPECT_EQ(broken.size(), 5u);
}

// More sites than connection slots, walked at once: each site's pages travel over the
// connections it opened, not a new one per request (each request used to close another
// host's idle connection to make room: a TCP and TLS handshake per page on a real night).
TEST_F(PatrolTest, EachSiteKeepsItsConnectionsBetweenItsRequests) {
  config.patrol.concurrency = 2;
  config.patrol.per_host_concurrency = 1;
  config.patrol.check_external_links = false;
  FixedClock clock(kNow);
  const PatrolResult result = run_copies(6, clock);

  ASSERT_TRUE(result.finished) << result.error;
  EXPECT_EQ(result.totals.pages, 6 * kHtmlPages);
  const std::size_t requests = site.requests_seen();
  ASSERT_GT(requests, 6u * kHtmlPages);
  // The homepage is read on a fresh connection (its certificate is judged), the rest on
  // one more per site.
  EXPECT_LE(site.connections_accepted(), 3u * 6u) << requests << " requests";
}

// Every page near the top of a site is a template baseline the first time it is seen. They
// go to the store in batches while the walk goes (a site no longer holds them all until its
// end); none is lost between batches, and the pages of the site's last, partial batch count.
TEST_F(PatrolTest, EveryFirstSightingOfAPageNearTheTopBecomesABaseline) {
  constexpr int kExtra = 70;  // with the homepage and the lists: more than two batches of 32
  std::string body = "<ul>";
  for (int l = 1; l <= kLists; ++l) body += "<li><a href=\"" + list_path(l) + "\">栏目</a></li>";
  for (int i = 1; i <= kExtra; ++i) {
    const std::string path = "/p" + std::to_string(i) + ".html";
    body += "<li><a href=\"" + path + "\">页面" + std::to_string(i) + "</a></li>";
    site.page(path, html("页面" + std::to_string(i), "<p>内容</p>"));
  }
  site.page("/", html("首页", body + "</ul>"));
  FixedClock clock(kNow);
  const PatrolResult result = run(clock);
  ASSERT_TRUE(result.finished) << result.error;

  const auto baselines = db->baselines("test-site");
  ASSERT_TRUE(baselines.has_value()) << baselines.error().message;
  // The homepage and the pages it links to (depth 1) have a template fingerprint.
  EXPECT_EQ(baselines->size(), 1u + kLists + kExtra);
  EXPECT_TRUE(baselines->contains(home()));
  EXPECT_TRUE(baselines->contains(at("/p70.html")));
  EXPECT_FALSE(baselines->contains(at(article_path(1, 1))));  // depth 2: no fingerprint
}

TEST_F(PatrolTest, PagesTotalCountsTheHtmlPagesRead) {
  // The missing page was requested as a page but is not one: 28, not 29.
  FixedClock clock(kNow);
  const PatrolResult result = run(clock);
  ASSERT_TRUE(result.finished) << result.error;
  EXPECT_EQ(result.totals.pages, kHtmlPages);
}

TEST_F(PatrolTest, ProgressQueueIsEmptyWhenTheRunEnds) {
  FixedClock clock(kNow);
  PatrolProgress progress;
  const PatrolResult result = run(clock, &progress);
  ASSERT_TRUE(result.finished) << result.error;
  EXPECT_EQ(progress.queued.load(), 0);  // never negative: the homepage counts when queued
}

TEST_F(PatrolTest, MaxPagesLimitsFetchesAndChecksTheRestWithHead) {
  config.patrol.max_pages_per_site = 10;
  FixedClock clock(kNow);
  const PatrolResult result = run(clock);

  ASSERT_TRUE(result.error.empty()) << result.error;
  EXPECT_TRUE(result.finished);
  EXPECT_EQ(page_hits("GET"), 10u);  // the missing page is one of the ten
  EXPECT_EQ(page_hits("HEAD"), static_cast<std::size_t>(kHtmlPages + 1 - 10));
  for (const auto& p : html_paths()) EXPECT_EQ(site.hits(p), 1u) << p << ": once, GET or HEAD";
  // Still every link checked once.
  EXPECT_EQ(result.totals.links_checked, (kHtmlPages - 1) + 1 + 3);
  expect_only_the_broken_link(result.run_id);
}

TEST_F(PatrolTest, MaxDepthLimitsFetchesAndChecksTheRestWithHead) {
  config.patrol.max_depth = 1;
  FixedClock clock(kNow);
  const PatrolResult result = run(clock);

  ASSERT_TRUE(result.error.empty()) << result.error;
  EXPECT_TRUE(result.finished);
  EXPECT_EQ(site.hits("/", "GET"), 1u);
  for (int l = 1; l <= kLists; ++l) {
    EXPECT_EQ(site.hits(list_path(l), "GET"), 1u);
    for (int a = 1; a <= kArticlesPerList; ++a) {
      EXPECT_EQ(site.hits(article_path(l, a), "GET"), 0u) << article_path(l, a);
      EXPECT_EQ(site.hits(article_path(l, a), "HEAD"), 1u) << article_path(l, a);
    }
  }
  EXPECT_EQ(site.hits("/files/doc.pdf"), 0u);  // only articles carry it
  // Lists and the missing page fetched; articles, image and external checked.
  EXPECT_EQ(result.totals.links_checked, kLists + 1 + kLists * kArticlesPerList + 2);
  expect_only_the_broken_link(result.run_id);
}

TEST_F(PatrolTest, CancelledRunIsUnfinishedAndTheNextRunMarksItAborted) {
  site.slow("/", 3000, html("首页", "<a href=\"/list1.html\">栏目</a>"));
  std::atomic<bool> cancel{false};
  std::thread canceller([&] {
    std::this_thread::sleep_for(200ms);
    cancel = true;
  });
  FixedClock first_clock(kNow);
  const auto began = std::chrono::steady_clock::now();
  const PatrolResult first = run(first_clock, nullptr, &cancel);
  const auto took = std::chrono::steady_clock::now() - began;
  canceller.join();

  EXPECT_FALSE(first.finished);
  EXPECT_TRUE(first.error.empty()) << first.error;
  EXPECT_GT(first.run_id, 0);
  EXPECT_LT(took, 2s);  // not waiting for the slow homepage
  auto during = db->run(first.run_id);
  ASSERT_TRUE(during && during->has_value());
  EXPECT_EQ((*during)->status, "running");

  site.page("/", html("首页", "<a href=\"/list1.html\">栏目</a>"));
  FixedClock second_clock(kNow + 24h);
  const PatrolResult second = run(second_clock);

  ASSERT_TRUE(second.error.empty()) << second.error;
  EXPECT_TRUE(second.finished);
  EXPECT_GT(second.run_id, first.run_id);
  auto aborted = db->run(first.run_id);
  ASSERT_TRUE(aborted && aborted->has_value());
  EXPECT_EQ((*aborted)->status, "aborted");
  auto latest = db->run(std::nullopt);
  ASSERT_TRUE(latest && latest->has_value());
  EXPECT_EQ((*latest)->id, second.run_id);
}

TEST_F(PatrolTest, UnreachableHomepageIsAvailabilityDown) {
  config.sites[0].url = "http://www.site.example:1/";  // nothing listens on port 1
  config.patrol.resolve.push_back("www.site.example:1:127.0.0.1");
  FixedClock clock(kNow);
  const PatrolResult result = run(clock);
  ASSERT_TRUE(result.error.empty()) << result.error;
  EXPECT_TRUE(result.finished);
  std::set<std::string> codes;
  for (const auto& r : findings(result.run_id)) codes.insert(r.finding.code);
  EXPECT_TRUE(codes.contains("AVAIL-DOWN"));
  EXPECT_EQ(site.requests_seen(), 0u);
}

}  // namespace
}  // namespace sitepatrol::crawler
