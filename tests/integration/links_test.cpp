// Link findings end to end: LINK-BROKEN, LINK-TIMEOUT, LINK-SOFT404 and LINK-UNAPPROVED as a
// user reads them from `findings --format json`, and one check per link per run.
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

void expect_broken(const Round& r, const std::string& target, const std::string& page,
                   std::string_view detail) {
  auto broken = r.findings.find("LINK-BROKEN", target);
  ASSERT_TRUE(broken) << "no LINK-BROKEN for " << target << "\n" << r.findings.describe();
  EXPECT_EQ(broken->severity, "error");
  EXPECT_EQ(broken->site, "site");
  EXPECT_EQ(broken->page, page);
  EXPECT_NE(broken->detail.find(detail), std::string::npos) << broken->detail;
}

TEST(Links, MissingInternalPageIsBroken) {
  FixtureServer server;
  server.page("/", html("<a href=\"/news/gone.html\">旧闻</a>"));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  expect_broken(r, on_site(server, "/news/gone.html"), home(server), "HTTP 404");
}

TEST(Links, MissingImageIsBroken) {
  FixtureServer server;
  server.page("/", html("<a href=\"/about.html\">关于</a>"));
  server.page("/about.html", html("<img src=\"/images/logo.png\" alt=\"标志\">"));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  expect_broken(r, on_site(server, "/images/logo.png"), on_site(server, "/about.html"),
                "HTTP 404");
}

TEST(Links, ExternalLinkAnswering410IsBroken) {
  FixtureServer server;
  FixtureServer other;
  other.status("/old", 410, html("gone"));
  const std::string target = site_url(kOtherHost, other.port(), "/old");
  server.page("/", html("<a href=\"" + target + "\">外部</a>"));
  Patrol patrol(server);
  patrol.resolve(kOtherHost, other.port());
  patrol.set("allow_private_networks", "true");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  expect_broken(r, target, home(server), "HTTP 410");
  EXPECT_GE(other.hits("/old"), 1u);
}

TEST(Links, LinkThatHangsTimesOut) {
  FixtureServer server;
  server.hang("/slow/report.pdf");
  server.page("/", html("<a href=\"/slow/report.pdf\">报告</a>"));
  Patrol patrol(server);
  patrol.set("timeout_s", "2");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  const std::string target = on_site(server, "/slow/report.pdf");
  auto timeout = r.findings.find("LINK-TIMEOUT", target);
  ASSERT_TRUE(timeout) << r.findings.describe();
  EXPECT_EQ(timeout->severity, "error");
  EXPECT_EQ(timeout->page, home(server));
  EXPECT_NE(timeout->detail.find("2 s"), std::string::npos) << timeout->detail;
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", target)) << r.findings.describe();
}

TEST(Links, SoftNotFoundPageIsReported) {
  FixtureServer server;
  server.soft404("/tzgg/t2019.html");
  server.page("/", html("<a href=\"/tzgg/t2019.html\">旧通知</a>"));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  auto soft = r.findings.find("LINK-SOFT404", on_site(server, "/tzgg/t2019.html"));
  ASSERT_TRUE(soft) << r.findings.describe();
  EXPECT_EQ(soft->severity, "warning");
  EXPECT_EQ(soft->page, home(server));
}

TEST(Links, BrokenLinkOnFiftyPagesIsRequestedAndReportedOnce) {
  FixtureServer server;
  std::string list;
  for (int i = 1; i <= 50; ++i) {
    const std::string path = "/a/" + std::to_string(i) + ".html";
    list += "<a href=\"" + path + "\">文章" + std::to_string(i) + "</a>";
    server.page(path, html("<p>正文</p><a href=\"/files/dead.pdf\">附件</a>"));
  }
  server.page("/", html(list));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(server.hits("/files/dead.pdf"), 1u);
  EXPECT_EQ(r.findings.count("LINK-BROKEN", on_site(server, "/files/dead.pdf")), 1u)
      << r.findings.describe();
  EXPECT_EQ(r.findings.with_code("LINK-BROKEN").size(), 1u) << r.findings.describe();
  for (int i = 1; i <= 50; ++i) EXPECT_EQ(server.hits("/a/" + std::to_string(i) + ".html"), 1u);
}

// ---- LINK-UNAPPROVED ----

// A homepage linking to www.other.example (resolved to loopback, so never fetched).
struct OutsideLink {
  FixtureServer server;
  FixtureServer other;
  std::string target;
  OutsideLink() : target(site_url(kOtherHost, other.port(), "/")) {
    other.page("/", html("<p>外站</p>"));
    server.page("/", html("<a href=\"" + target + "\">友情链接</a>"));
  }
};

TEST(Links, LinkToUnlistedDomainIsUnapproved) {
  OutsideLink site;
  Patrol patrol(site.server);
  patrol.resolve(kOtherHost, site.other.port());
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  auto unapproved = r.findings.find("LINK-UNAPPROVED", kOtherHost);
  ASSERT_TRUE(unapproved) << r.findings.describe();
  EXPECT_EQ(unapproved->severity, "warning");
  EXPECT_EQ(unapproved->page, home(site.server));
  EXPECT_NE(unapproved->detail.find(site.target), std::string::npos) << unapproved->detail;
}

TEST(Links, LinkToAllowedDomainIsApproved) {
  OutsideLink site;
  Patrol patrol(site.server, "allowed_domains = [\"other.example\"]");
  patrol.resolve(kOtherHost, site.other.port());
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_TRUE(r.findings.with_code("LINK-UNAPPROVED").empty()) << r.findings.describe();
}

TEST(Links, LinkToAnotherRegisteredSiteIsApproved) {
  OutsideLink site;
  Patrol patrol(site.server);
  patrol.resolve(kOtherHost, site.other.port());
  patrol.add_site("other", site.target);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_TRUE(r.findings.with_code("LINK-UNAPPROVED").empty()) << r.findings.describe();
  // Both sites were patrolled.
  EXPECT_EQ(r.findings.run.value("sites", 0), 2) << r.findings.run.dump();
}

// Issue 16: a URL that many sites link to is asked once per run, and every site still gets
// its own finding, on its own page.
TEST(Links, AnExternalUrlLinkedFromManySitesIsAskedOncePerRun) {
  FixtureServer sites;
  FixtureServer other;
  other.status("/gone.html", 404, html("gone"));
  other.page("/fine.html", html("<p>好</p>"));
  const std::string gone = site_url(kOtherHost, other.port(), "/gone.html");
  const std::string fine = site_url(kOtherHost, other.port(), "/fine.html");
  sites.page("/", html("<a href=\"/a.html\">甲</a><a href=\"" + gone + "\">外部</a>"));
  sites.page("/a.html",
             html("<a href=\"" + gone + "\">外部</a><a href=\"" + fine + "\">外部二</a>"));
  Patrol patrol;
  patrol.resolve(kOtherHost, other.port());
  patrol.set("allow_private_networks", "true");
  for (int i = 0; i < 5; ++i) {
    const std::string host = "s" + std::to_string(i) + ".example.gov.cn";
    patrol.resolve(host, sites.port());
    patrol.add_site("s" + std::to_string(i), site_url(host, sites.port()));
  }
  const auto crawled = patrol.crawl();
  ASSERT_EQ(crawled.exit_code, 0) << crawled.err;
  const Findings f = patrol.findings();
  for (int i = 0; i < 5; ++i) {
    const std::string site = "s" + std::to_string(i);
    int broken = 0;
    for (const Finding& x : f.with_code("LINK-BROKEN")) {
      if (x.site != site || x.subject != gone) continue;
      ++broken;
      EXPECT_EQ(x.page, site_url(site + ".example.gov.cn", sites.port())) << x.page;
    }
    EXPECT_EQ(broken, 1) << site << "\n" << f.describe();
  }
  // One question each (a HEAD, and the GET a 404 to HEAD is confirmed with), not five.
  const auto once = other.hits("/gone.html");
  EXPECT_GE(once, 1u);
  EXPECT_LE(once, 2u);
  EXPECT_EQ(other.hits("/fine.html"), 1u);
}

}  // namespace
}  // namespace sitepatrol::integration
