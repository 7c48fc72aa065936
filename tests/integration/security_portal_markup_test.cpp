// Real portal markup end to end (issue 11): the real binary patrols a homepage built from what
// Hanweb/TRS/开普云 portals carry — the 无障碍 toolbar, the CMS vendors' analytics, the 党政
// 机关 mark and the 找错 script, the Hanweb template's hidden vendor credit, a hidden 找错 link
// by IP address — next to an injected gambling block and a hidden partner link.
// tests/data/integration/security/portal/PLANTED.md lists what is planted. None of the
// infrastructure is a SEC-* finding; the gambling links and the hidden partner link (a third
// unrelated host: a link farm) are critical dark links, and an article's visible 发布日期 wins
// over its re-stamped PubDate.
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

const std::filesystem::path kSiteRoot =
    std::filesystem::path(SITEPATROL_TEST_DATA) / "integration/security/portal";

constexpr std::string_view kNovember25 = "2026-11-25T02:00:00Z";

Round patrol_portal(FixtureServer& server, std::string approved_hosts = "") {
  Patrol patrol(server);
  patrol.set("check_external_links", "false");
  // As the default, but FRESH-HOME on: the homepage's freshness rests on the article's date.
  patrol.set("disable_codes",
             "[\"SEC-NO-HTTPS\", \"SEC-HEADERS\", \"ID-MISSING\", \"COLUMN-MISSING\", "
             "\"META-MISSING\", \"INTERACT-MISSING\"]");
  if (!approved_hosts.empty()) patrol.set_security("approved_hosts", approved_hosts);
  return patrol.round({"--as-of", std::string(kNovember25)});
}

TEST(SecurityPortalMarkup, InfrastructureIsNoFindingDarkLinksAreCritical) {
  FixtureServer server(kSiteRoot);
  const Round r = patrol_portal(server);
  ASSERT_TRUE(round_ok(r));

  EXPECT_TRUE(r.findings.with_code("SEC-FOREIGN-SCRIPT").empty()) << r.findings.describe();
  // The injected block is spam on the homepage; nothing else is.
  const auto spam = r.findings.with_code("SEC-SPAM");
  ASSERT_EQ(spam.size(), 1u) << r.findings.describe();
  EXPECT_EQ(spam[0].subject, home(server));

  const auto darklinks = r.findings.with_code("SEC-DARKLINK");
  EXPECT_EQ(darklinks.size(), 3u) << r.findings.describe();
  for (const char* url : {"http://www.amdc-bet.example/", "http://www.lhc88.example/"}) {
    const auto dark = r.findings.find("SEC-DARKLINK", url);
    ASSERT_TRUE(dark) << url << "\n" << r.findings.describe();
    EXPECT_EQ(dark->severity, "critical") << url;
    EXPECT_EQ(dark->page, home(server));
    EXPECT_NE(dark->detail.find("spam terms"), std::string::npos) << dark->detail;
  }
  EXPECT_NE(r.findings.find("SEC-DARKLINK", "http://www.amdc-bet.example/")
                ->detail.find("host name says bet"),
            std::string::npos);

  // The hidden partner link alone would be a warning for review; next to the injected block
  // it is the third unrelated host hidden on the page: a link farm.
  const auto partner = r.findings.find("SEC-DARKLINK", "http://www.hbjt-partner.example/");
  ASSERT_TRUE(partner) << r.findings.describe();
  EXPECT_EQ(partner->severity, "critical");
  EXPECT_EQ(partner->detail,
            "hidden by display:none on div.hzdw; text 合作单位; one of 3 hidden links to 3 "
            "unrelated hosts");

  // Not one of the vendor credit, the 找错 link or the identifier.
  for (const auto& f : darklinks) {
    EXPECT_EQ(f.subject.find("hanweb"), std::string::npos) << f.subject;
    EXPECT_EQ(f.subject.find("jiucuo"), std::string::npos) << f.subject;
    EXPECT_EQ(f.subject.find("conac"), std::string::npos) << f.subject;
  }
}

TEST(SecurityPortalMarkup, ApprovedHostsExtendTheBuiltInList) {
  FixtureServer server(kSiteRoot);
  const Round r = patrol_portal(server, "[\"hbjt-partner.example\"]");
  ASSERT_TRUE(round_ok(r));
  EXPECT_FALSE(r.findings.find("SEC-DARKLINK", "http://www.hbjt-partner.example/"))
      << r.findings.describe();
  EXPECT_EQ(r.findings.with_code("SEC-DARKLINK").size(), 2u) << r.findings.describe();
}

TEST(SecurityPortalMarkup, TheArticlesVisibleDateWinsOverItsPubDateReStamp) {
  FixtureServer server(kSiteRoot);
  const Round r = patrol_portal(server);
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(server.hits("/xwdt/content_4711.html"), 1u);
  // Re-stamped 2026-11-20, the homepage would look updated five days ago; its newest content
  // is the article of 2019-03-05.
  const auto stale = r.findings.find("FRESH-HOME", home(server));
  ASSERT_TRUE(stale) << r.findings.describe();
  EXPECT_NE(stale->detail.find("2019-03-05"), std::string::npos) << stale->detail;
}

}  // namespace
}  // namespace sitepatrol::integration
