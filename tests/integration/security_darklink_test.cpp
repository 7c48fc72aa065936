// SEC-DARKLINK end to end: a government homepage with a visible news list, a hidden
// drop-down menu, a hidden link to an approved domain, and five injected gambling links, each
// hidden by another technique (inline display:none, a <style> class, an off-screen absolute
// position, a hidden <div> opened and closed by document.write around a link, and a hidden
// block written whole by document.write). Each injected URL is one critical finding on the
// homepage; the decoys raise none.
//
// The site is tests/data/integration/security/darklink/, served as static files. External
// links are not fetched (check_external_links = false): the check needs only the URLs, and
// the test stays off the network.
#include <gtest/gtest.h>

#include <set>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

const std::filesystem::path kSiteRoot =
    std::filesystem::path(SITEPATROL_TEST_DATA) / "integration/security/darklink";

// The planted links, and the technique the finding's detail must name.
struct Planted {
  std::string url;
  std::string text;
  std::string technique;
};
const std::vector<Planted> kPlanted = {
    {"http://www.amdc-bet.example/index.html", "澳门赌场", "display:none"},
    {"http://www.bjl888.example/", "百家乐", "display:none"},
    {"http://www.lhc-tm.example/", "六合彩", "off-screen"},
    {"http://www.zrylc.example/", "真人娱乐", "display:none"},
    {"http://www.hgty.example/", "皇冠体育", "display:none"},
};

Round patrol_darklink_site(FixtureServer& server) {
  Patrol patrol(server, "allowed_domains = [\"gov.cn\"]");
  patrol.set("check_external_links", "false");
  return patrol.round();
}

TEST(SecurityDarklink, EachHiddenForeignLinkIsOneCriticalFindingOnTheHomepage) {
  FixtureServer server(kSiteRoot);
  const Round r = patrol_darklink_site(server);
  ASSERT_TRUE(round_ok(r));
  for (const Planted& planted : kPlanted) {
    SCOPED_TRACE(planted.url);
    EXPECT_EQ(r.findings.count("SEC-DARKLINK", planted.url), 1u) << r.findings.describe();
    const auto dark = r.findings.find("SEC-DARKLINK", planted.url);
    if (!dark) continue;
    EXPECT_EQ(dark->severity, "critical");
    EXPECT_EQ(dark->site, "site");
    EXPECT_EQ(dark->page, home(server));
    EXPECT_NE(dark->detail.find(planted.technique), std::string::npos) << dark->detail;
    EXPECT_NE(dark->detail.find(planted.text), std::string::npos) << dark->detail;
  }
}

TEST(SecurityDarklink, HiddenMenusApprovedDomainsAndVisibleLinksAreNotDarkLinks) {
  FixtureServer server(kSiteRoot);
  const Round r = patrol_darklink_site(server);
  ASSERT_TRUE(round_ok(r));
  std::set<std::string> expected;
  for (const Planted& planted : kPlanted) expected.insert(planted.url);
  for (const Finding& f : r.findings.with_code("SEC-DARKLINK")) {
    EXPECT_TRUE(expected.contains(f.subject)) << "decoy reported as a dark link: " << f.subject
                                              << "\n" << r.findings.describe();
  }
  // The hidden drop-down menus were still followed as the site's own pages.
  EXPECT_EQ(server.hits("/xxgk/jgzn.html"), 1u);
  EXPECT_EQ(server.hits("/xwdt/sxdt.html"), 1u);
  // The visible link to an unlisted domain is an ordinary LINK-UNAPPROVED, not a dark link.
  EXPECT_TRUE(r.findings.find("LINK-UNAPPROVED", "www.hbtv.example")) << r.findings.describe();
  EXPECT_FALSE(r.findings.find("SEC-DARKLINK", "http://www.hbtv.example/"));
  EXPECT_FALSE(r.findings.find("SEC-DARKLINK", "http://www.hubei.gov.cn/"));
}

}  // namespace
}  // namespace sitepatrol::integration
