// Bounded work per site (issue 12, failure 8): max_pages_per_site did not bound requests. A
// page of 300,000 same-site links gave 295,001 HEAD requests, and a sitemap index of 2,000
// children with max_pages_per_site = 10 gave 2,000 sitemap GETs and 19,991 HEADs. Each bound
// now holds, the site is marked partially covered, and what was not re-checked stays open.
#include <gtest/gtest.h>

#include <string>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

std::string many_links(int count, const std::string& prefix) {
  std::string body;
  for (int i = 0; i < count; ++i) {
    body += "<a href=\"" + prefix + std::to_string(i) + ".pdf\">附件" + std::to_string(i) + "</a>";
  }
  return body;
}

TEST(Bounds, ReferencesOfOnePageAreCapped) {
  FixtureServer server;
  // 1,500 attachments (under the default cap of 2,000), the last one missing.
  server.page("/", html(many_links(1500, "/files/a")));
  for (int i = 0; i < 1499; ++i) server.page("/files/a" + std::to_string(i) + ".pdf", "%PDF-1.4");
  Patrol patrol(server);
  const std::string last = on_site(server, "/files/a1499.pdf");

  const Round first = patrol.round();
  ASSERT_TRUE(round_ok(first));
  ASSERT_TRUE(first.findings.find("LINK-BROKEN", last)) << first.findings.describe();
  const std::size_t before = server.requests_seen();

  patrol.set("max_links_per_page", "100");
  const Round second = patrol.round();
  ASSERT_TRUE(round_ok(second));
  const std::size_t made = server.requests_seen() - before;
  EXPECT_LE(made, 100u + 5u);  // the capped links, the homepage, robots.txt, sitemap.xml
  EXPECT_NE(second.crawl.err.find("has more than 100 references"), std::string::npos)
      << second.crawl.err;
  // The missing attachment was not checked again: still open, not verified, not fixed.
  auto carried = second.findings.find("LINK-BROKEN", last);
  ASSERT_TRUE(carried) << second.findings.describe();
  EXPECT_EQ(carried->status, "open");
  EXPECT_FALSE(carried->verified);
}

TEST(Bounds, SitemapIndexIsCappedAndItsPagesPastTheLimitAreNotChecked) {
  FixtureServer server;
  std::string index =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (int i = 0; i < 2000; ++i) {
    const std::string child = "/maps/m" + std::to_string(i) + ".xml";
    index += "<sitemap><loc>" + on_site(server, child) + "</loc></sitemap>\n";
    std::string map =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (int k = 0; k < 10; ++k) {
      map += "<url><loc>" +
             on_site(server, "/p/" + std::to_string(i) + "_" + std::to_string(k) + ".html") +
             "</loc></url>\n";
    }
    HttpReply reply;
    reply.headers = {{"Content-Type", "application/xml"}};
    reply.body = map + "</urlset>\n";
    server.route(child, reply);
  }
  HttpReply reply;
  reply.headers = {{"Content-Type", "application/xml"}};
  reply.body = index + "</sitemapindex>\n";
  server.route("/sitemap.xml", reply);
  server.page("/", html("<p>首页</p>"));
  Patrol patrol(server);
  patrol.set("max_pages_per_site", "10");

  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  std::size_t sitemaps = 0, pages = 0;
  for (const auto& q : server.requests()) {
    if (q.path().starts_with("/maps/")) ++sitemaps;
    if (q.path().starts_with("/p/")) ++pages;
  }
  EXPECT_LE(sitemaps, 50u);
  EXPECT_LE(pages, 9u);  // the homepage is the tenth page
  EXPECT_LE(server.requests_seen(), 70u);
}

TEST(Bounds, RequestBudgetStopsTheWalkAndSaysSo) {
  FixtureServer server;
  server.page("/", html(many_links(500, "/files/b")));
  Patrol patrol(server);
  patrol.set("max_requests_per_site", "50");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_LE(server.requests_seen(), 50u + 3u);  // plus the homepage, robots.txt, a retry
  EXPECT_NE(r.crawl.err.find("requests made (max_requests_per_site)"), std::string::npos)
      << r.crawl.err;
}

// Issue 12, failure 10: Gumbo aborted the process on a huge page and the run was left
// `running`. A page larger than the parser's cap (32 MiB of HTML) is recorded as not read,
// the patrol goes on, and the run finishes.
TEST(Bounds, PageTooLargeToParseIsSkippedAndTheRunFinishes) {
  FixtureServer server;
  server.page("/", html("<a href=\"/huge.html\">大</a><a href=\"/ok.html\">小</a>"));
  server.page("/huge.html",
              html("<a href=\"/inside.html\">里</a>" + std::string((std::size_t{33} << 20), 'x')));
  server.page("/ok.html", html("<p>小</p>"));
  Patrol patrol(server);
  patrol.set("max_body_mib", "64");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(r.findings.run["status"], "finished");
  EXPECT_EQ(server.hits("/huge.html"), 1u);
  EXPECT_EQ(server.hits("/ok.html"), 1u);
  EXPECT_EQ(server.hits("/inside.html"), 0u);  // the page was not parsed
  EXPECT_NE(r.crawl.err.find("page too large to parse"), std::string::npos) << r.crawl.err;
}

}  // namespace
}  // namespace sitepatrol::integration
