// ID-MISSING end to end: a homepage footer showing all four identifiers a government site
// must carry (网站标识码, ICP备案号, 公安机关备案号 and the 党政机关网站 mark linked to conac.cn)
// raises nothing; a footer without the ICP number and the mark raises exactly those two.
//
// The homepages are tests/data/integration/security/identifiers/{complete,incomplete}.html.
#include <gtest/gtest.h>

#include <set>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

Round patrol_homepage(const FixtureServer& server) {
  Patrol patrol(server);
  patrol.set("check_external_links", "false");  // conac.cn, beian: not fetched
  patrol.set("disable_codes", "[]");  // the harness silences ID-MISSING by default
  return patrol.round();
}

TEST(SecurityIdentifiers, FooterWithAllFourIdentifiersRaisesNothing) {
  FixtureServer server;
  server.page("/", integration_data("security/identifiers/complete.html"));
  const Round r = patrol_homepage(server);
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(server.hits("/"), 1u);
  EXPECT_TRUE(r.findings.with_code("ID-MISSING").empty()) << r.findings.describe();
}

TEST(SecurityIdentifiers, FooterWithoutIcpNumberAndMarkRaisesExactlyThose) {
  FixtureServer server;
  server.page("/", integration_data("security/identifiers/incomplete.html"));
  const Round r = patrol_homepage(server);
  ASSERT_TRUE(round_ok(r));
  std::set<std::string> kinds;
  for (const Finding& f : r.findings.with_code("ID-MISSING")) {
    kinds.insert(f.subject);
    EXPECT_EQ(f.severity, "warning") << f.subject;
    EXPECT_EQ(f.site, "site");
    EXPECT_EQ(f.page, home(server)) << f.subject;
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"icp", "party_gov_mark"})) << r.findings.describe();
  EXPECT_EQ(r.findings.with_code("ID-MISSING").size(), 2u) << r.findings.describe();
}

}  // namespace
}  // namespace sitepatrol::integration
