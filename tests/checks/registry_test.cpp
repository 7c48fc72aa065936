#include "checks/registry.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "checks/availability.h"
#include "checks/link_status.h"
#include "checks/malformed_links.h"
#include "checks/soft404.h"
#include "checks/tls.h"
#include "checks/unapproved.h"

namespace sitepatrol::checks {
namespace {

template <typename List, typename Fn>
bool registered(const List& list, Fn fn) {
  return std::ranges::find(list, fn) != list.end();
}

TEST(Registry, PatrolEngineChecksAreRegistered) {
  EXPECT_TRUE(registered(site_checks(), &check_availability));
  EXPECT_TRUE(registered(site_checks(), &check_tls));
  EXPECT_TRUE(registered(link_checks(), &check_link_status));
  EXPECT_TRUE(registered(link_checks(), &check_unapproved));
  EXPECT_TRUE(registered(page_checks(), &check_soft404));
  EXPECT_TRUE(registered(page_checks(), &check_malformed_links));  // issue 11
}

}  // namespace
}  // namespace sitepatrol::checks
