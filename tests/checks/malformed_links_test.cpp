#include "checks/malformed_links.h"

#include <gtest/gtest.h>

#include "tests/checks/site_fixture.h"

namespace sitepatrol::checks {
namespace {

LinkRef ref(std::string url, std::string kind) {
  LinkRef l;
  l.url = std::move(url);
  l.kind = std::move(kind);
  return l;
}

TEST(MalformedLinks, EachIsLinkBrokenOnThePageThatCarriesIt) {
  testing::SiteFixture f;
  PageResult page;
  page.url = "http://www.site.example/tzgg/t1.html";
  page.malformed_links = {ref("http://localhost]", "a"), ref("http://exa mple.com/", "img")};
  Findings out;
  check_malformed_links(f.context(), page, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].code, "LINK-BROKEN");
  EXPECT_EQ(out[0].severity, Severity::error);
  EXPECT_EQ(out[0].site, "hb-jtt");
  EXPECT_EQ(out[0].subject, "http://localhost]");
  EXPECT_EQ(out[0].page, page.url);
  EXPECT_EQ(out[0].detail, "malformed URL");
  EXPECT_EQ(out[1].subject, "http://exa mple.com/");
}

TEST(MalformedLinks, APageWithoutThemRaisesNothing) {
  testing::SiteFixture f;
  PageResult page;
  page.url = "http://www.site.example/";
  page.links = {ref("http://www.site.example/a.html", "a")};
  Findings out;
  check_malformed_links(f.context(), page, out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace sitepatrol::checks
