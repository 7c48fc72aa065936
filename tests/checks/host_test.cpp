#include "checks/host.h"

#include <gtest/gtest.h>

#include "tests/checks/site_fixture.h"

namespace sitepatrol::checks {
namespace {

TEST(HostOf, ExtractsTheHost) {
  EXPECT_EQ(host_of("http://www.site.example/a/b?c#d"), "www.site.example");
  EXPECT_EQ(host_of("https://user:pw@a.example:8443/"), "a.example");
  EXPECT_EQ(host_of("http://[::1]:8080/x"), "::1");
  EXPECT_EQ(host_of("http://a.example?x=1"), "a.example");
  EXPECT_EQ(host_of("mailto:x@a.example"), "");
}

TEST(HostWithin, DomainsAndSubdomains) {
  EXPECT_TRUE(host_within("gov.cn", "gov.cn"));
  EXPECT_TRUE(host_within("www.gov.cn", "gov.cn"));
  EXPECT_TRUE(host_within("WWW.Gov.CN", "gov.cn"));
  EXPECT_FALSE(host_within("evilgov.cn", "gov.cn"));
  EXPECT_FALSE(host_within("gov.cn", "www.gov.cn"));
  EXPECT_FALSE(host_within("", "gov.cn"));
  EXPECT_FALSE(host_within("gov.cn", ""));
}

TEST(HostApproved, OwnRegisteredAndAllowed) {
  testing::SiteFixture f;
  f.site.allowed_domains = {"mot.gov.cn"};
  const SiteContext ctx = f.context();
  EXPECT_TRUE(host_approved(ctx, "www.site.example"));
  EXPECT_TRUE(host_approved(ctx, "img.site.example"));
  EXPECT_TRUE(host_approved(ctx, "msa.gov.cn"));
  EXPECT_TRUE(host_approved(ctx, "www.mot.gov.cn"));
  EXPECT_FALSE(host_approved(ctx, "www.gov.cn"));
  EXPECT_FALSE(host_approved(ctx, "example"));
}

}  // namespace
}  // namespace sitepatrol::checks
