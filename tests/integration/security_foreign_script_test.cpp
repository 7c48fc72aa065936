// SEC-FOREIGN-SCRIPT end to end: a homepage loading scripts from Baidu statistics and a public
// CDN (approved by default), a weather widget framed from another registered site, a
// redirect script from www.evil.example and an invisible frame to a gambling page. Only the
// last two are errors; `approved_script_hosts` in [security] approves a host.
//
// The page is tests/data/integration/security/foreign_script/index.html with the hosts filled
// in. The check needs only the URLs, so most tests do not fetch external links; one fetches
// them all from a loopback server, as a patrol with check_external_links does.
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

constexpr std::string_view kEvilHost = "www.evil.example";
constexpr std::string_view kBetHost = "www.tyc-bet.example";

struct ForeignScriptSite {
  FixtureServer server;
  FixtureServer other;  // the registered site "other"
  std::string evil, bet, baidu, cdn;

  // Hosts as a real page names them: `external_port` 0 for none.
  explicit ForeignScriptSite(unsigned short external_port = 0) {
    const auto origin = [&](std::string_view host, std::string_view scheme = "http") {
      return external_port == 0 ? std::string(scheme) + "://" + std::string(host)
                                : site_url(host, external_port, "");
    };
    evil = origin(kEvilHost) + "/js/tongji.js";
    bet = origin(kBetHost) + "/ad.html";
    const std::string baidu_origin = origin("hm.baidu.com", "https");
    const std::string cdn_origin = origin("cdn.bootcdn.net", "https");
    baidu = baidu_origin + "/hm.js?0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    cdn = cdn_origin + "/ajax/libs/jquery/3.6.0/jquery.min.js";
    server.page("/", fill_template(integration_data("security/foreign_script/index.html"),
                                   {{"evil", origin(kEvilHost)},
                                    {"bet", origin(kBetHost)},
                                    {"baidu", baidu_origin},
                                    {"cdn", cdn_origin},
                                    {"other", site_url(kOtherHost, other.port(), "")}}));
    server.page("/js/jquery.min.js", "/* jQuery */", "application/javascript");
    other.page("/", html("<p>湖北省气象局</p>"));
    other.page("/widget/weather.html", html("<p>武汉 晴 8~17℃</p>"));
  }

  // A patrol of this site and of the registered site "other".
  void configure(Patrol& patrol) const {
    patrol.resolve(kSiteHost, server.port());
    patrol.add_site("site", home(server));
    patrol.resolve(kOtherHost, other.port());
    patrol.add_site("other", site_url(kOtherHost, other.port()));
  }
};

TEST(SecurityForeignScript, UnapprovedScriptAndFrameAreErrorsApprovedOnesAreNot) {
  ForeignScriptSite site;
  Patrol patrol;
  site.configure(patrol);
  patrol.set("check_external_links", "false");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));

  const auto script = r.findings.find("SEC-FOREIGN-SCRIPT", site.evil);
  ASSERT_TRUE(script) << r.findings.describe();
  EXPECT_EQ(script->severity, "error");
  EXPECT_EQ(script->site, "site");
  EXPECT_EQ(script->page, home(site.server));
  EXPECT_NE(script->detail.find(kEvilHost), std::string::npos) << script->detail;

  const auto frame = r.findings.find("SEC-FOREIGN-SCRIPT", site.bet);
  ASSERT_TRUE(frame) << r.findings.describe();
  EXPECT_EQ(frame->severity, "error");
  EXPECT_EQ(frame->page, home(site.server));

  // Baidu statistics, the CDN, the registered site's widget and the site's own script: nothing.
  EXPECT_EQ(r.findings.with_code("SEC-FOREIGN-SCRIPT").size(), 2u) << r.findings.describe();
}

TEST(SecurityForeignScript, ApprovedScriptHostsSilencesTheFinding) {
  ForeignScriptSite site;
  Patrol patrol;
  site.configure(patrol);
  patrol.set("check_external_links", "false");
  patrol.set_security("approved_script_hosts", "[\"evil.example\"]");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_FALSE(r.findings.find("SEC-FOREIGN-SCRIPT", site.evil)) << r.findings.describe();
  // Approving one host approves no other.
  EXPECT_TRUE(r.findings.find("SEC-FOREIGN-SCRIPT", site.bet)) << r.findings.describe();
  EXPECT_EQ(r.findings.with_code("SEC-FOREIGN-SCRIPT").size(), 1u) << r.findings.describe();
}

// With external links checked, the scripts and frames are fetched (here from one loopback
// server standing in for all the outside hosts) and judged the same way.
TEST(SecurityForeignScript, FetchedScriptsAreJudgedTheSame) {
  FixtureServer outside;
  ForeignScriptSite site(outside.port());
  outside.page("/js/tongji.js", "location.href='http://www.tyc-bet.example/';",
               "application/javascript");
  outside.page("/hm.js", "/* statistics */", "application/javascript");
  outside.page("/ajax/libs/jquery/3.6.0/jquery.min.js", "/* jQuery */", "application/javascript");
  outside.page("/ad.html", html("<p>广告</p>"));
  Patrol patrol;
  site.configure(patrol);
  patrol.set("allow_private_networks", "true");
  for (auto host : {kEvilHost, kBetHost, std::string_view("hm.baidu.com"),
                    std::string_view("cdn.bootcdn.net")})
    patrol.resolve(host, outside.port());
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(outside.hits("/js/tongji.js"), 1u);
  EXPECT_TRUE(r.findings.find("SEC-FOREIGN-SCRIPT", site.evil)) << r.findings.describe();
  EXPECT_TRUE(r.findings.find("SEC-FOREIGN-SCRIPT", site.bet)) << r.findings.describe();
  EXPECT_EQ(r.findings.with_code("SEC-FOREIGN-SCRIPT").size(), 2u) << r.findings.describe();
}

}  // namespace
}  // namespace sitepatrol::integration
