// robots.txt end to end: with respect_robots = true, disallowed paths are never requested,
// and a sitemap named in robots.txt adds pages nothing links to.
#include <gtest/gtest.h>

#include <chrono>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

TEST(Robots, DisallowedPathIsNeverRequested) {
  FixtureServer server;
  server.robots("User-agent: *\nDisallow: /private/\n");
  server.page("/", html("<a href=\"/private/staff.html\">内部</a>"
                        "<a href=\"/private/list.pdf\">名单</a><a href=\"/public.html\">公开</a>"));
  server.page("/public.html", html("<p>公开</p>"));
  Patrol patrol(server);
  patrol.set("respect_robots", "true");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(server.hits("/robots.txt"), 1u);
  EXPECT_EQ(server.hits("/private/staff.html"), 0u);
  EXPECT_EQ(server.hits("/private/list.pdf"), 0u);
  EXPECT_EQ(server.hits("/public.html"), 1u);
  EXPECT_TRUE(r.findings.all.empty()) << r.findings.describe();
}

// A site that asks robots to stay away entirely is not down: its homepage answers fine.
// (checks/availability.h: a homepage disallowed by robots.txt was not fetched, so nothing
// is said about it.)
TEST(Robots, SiteDisallowingEverythingIsNotReportedDown) {
  FixtureServer server;
  server.robots("User-agent: *\nDisallow: /\n");
  server.page("/", html("<a href=\"/gone.html\">旧闻</a>"));
  Patrol patrol(server);
  patrol.set("respect_robots", "true");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(server.hits("/gone.html"), 0u);
  EXPECT_FALSE(r.findings.find("AVAIL-DOWN", home(server))) << r.findings.describe();
}

// RFC 9309 §2.3.1.4: a robots.txt that answers 5xx means "disallow everything" until it
// answers again; only the homepage is read, and what the walk could not re-check stays open
// (unverified) instead of being resolved. §2.3.1.3: a 4xx allows everything.
TEST(Robots, ServerErrorDisallowsAllAndFixesNothing) {
  FixtureServer server;
  server.robots("User-agent: *\nDisallow:\n");
  server.page("/", html("<a href=\"/news.html\">新闻</a>"));
  server.page("/news.html", html("<a href=\"/files/gone.pdf\">附件</a>"));
  Patrol patrol(server);
  patrol.set("respect_robots", "true");
  const std::string pdf = on_site(server, "/files/gone.pdf");
  const Round first = patrol.round();
  ASSERT_TRUE(round_ok(first));
  ASSERT_TRUE(first.findings.find("LINK-BROKEN", pdf)) << first.findings.describe();

  server.status("/robots.txt", 503);
  const Round second = patrol.round();
  ASSERT_TRUE(round_ok(second));
  EXPECT_EQ(server.hits("/news.html"), 1u);  // the first round's only
  EXPECT_FALSE(second.findings.find("AVAIL-DOWN", home(server))) << second.findings.describe();
  auto carried = second.findings.find("LINK-BROKEN", pdf);
  ASSERT_TRUE(carried) << second.findings.describe();
  EXPECT_EQ(carried->status, "open");
  EXPECT_FALSE(carried->verified);
  EXPECT_NE(second.crawl.err.find("robots.txt unavailable (HTTP 503)"), std::string::npos)
      << second.crawl.err;

  server.status("/robots.txt", 404);
  const Round third = patrol.round();
  ASSERT_TRUE(round_ok(third));
  EXPECT_EQ(server.hits("/news.html"), 2u);
  EXPECT_TRUE(third.findings.find("LINK-BROKEN", pdf)) << third.findings.describe();
}

TEST(Robots, SitemapNamedInRobotsAddsUnlinkedPages) {
  FixtureServer server;
  const std::string sitemap = on_site(server, "/maps/site.xml");
  server.robots("User-agent: *\nDisallow:\nSitemap: " + sitemap + "\n");
  HttpReply map;
  map.headers = {{"Content-Type", "application/xml"}};
  map.body =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
      "<url><loc>" +
      on_site(server, "/orphan/notice.html") +
      "</loc></url>\n"
      "</urlset>\n";
  server.route("/maps/site.xml", map);
  server.page("/", html("<p>首页，没有链接</p>"));
  server.page("/orphan/notice.html", html("<a href=\"/orphan/gone.html\">附件</a>"));
  Patrol patrol(server);
  patrol.set("respect_robots", "true");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(server.hits("/maps/site.xml"), 1u);
  EXPECT_EQ(server.hits("/orphan/notice.html"), 1u);
  // The sitemap's page is patrolled like any other: its broken link is found.
  auto broken = r.findings.find("LINK-BROKEN", on_site(server, "/orphan/gone.html"));
  ASSERT_TRUE(broken) << r.findings.describe();
  EXPECT_EQ(broken->page, on_site(server, "/orphan/notice.html"));
}

// Crawl-delay is honoured between requests to the site: homepage and three pages one second
// apart take at least three seconds (a lower bound only: politeness, not speed, is tested).
TEST(Robots, CrawlDelaySpacesTheRequests) {
  FixtureServer server;
  server.robots("User-agent: *\nCrawl-delay: 1\n");
  server.page("/", html("<a href=\"/a.html\">甲</a><a href=\"/b.html\">乙</a>"
                        "<a href=\"/c.html\">丙</a>"));
  for (const char* p : {"/a.html", "/b.html", "/c.html"}) server.page(p, html("<p>页</p>"));
  Patrol patrol(server);
  patrol.set("respect_robots", "true");
  const auto start = std::chrono::steady_clock::now();
  const Round r = patrol.round();
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(server.hits("/c.html"), 1u);
  EXPECT_GE(took, std::chrono::milliseconds(2900));
}

// Issue 12: a 488 KB robots.txt of wildcard rules and 200 long links cost 1.2 s of I/O-thread
// CPU per URL, and an unrelated site in the same patrol got a false critical AVAIL-DOWN.
// robots.txt is parsed and matched on the parse pool now, with bounded work per URL: the
// other site is up, and the hostile site's own patrol finishes.
TEST(Robots, HostileRobotsOfOneSiteDoesNotStallTheOthers) {
  FixtureServer hostile;
  std::string text = "User-agent: *\n";
  for (int k = 0; text.size() < 488 * 1024; ++k)
    text += "Disallow: /*" + std::string(100, 'a') + "b" + std::to_string(k) + "\n";
  hostile.robots(text);
  std::string links;
  for (int i = 0; i < 200; ++i)
    links += "<a href=\"/p/" + std::string(2000, 'a') + "/" + std::to_string(i) + ".html\">x</a>";
  hostile.page("/", html(links));
  FixtureServer other;
  other.page("/", html("<p>首页</p>"));

  Patrol patrol;
  patrol.set("respect_robots", "true");
  patrol.resolve(kSiteHost, hostile.port());
  patrol.resolve(kOtherHost, other.port());
  patrol.add_site("hostile", site_url(kSiteHost, hostile.port()));
  patrol.add_site("other", site_url(kOtherHost, other.port()));
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(other.hits("/"), 1u);
  EXPECT_TRUE(r.findings.with_code("AVAIL-DOWN").empty()) << r.findings.describe();
}

}  // namespace
}  // namespace sitepatrol::integration
