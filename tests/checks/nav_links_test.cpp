#include "checks/nav_links.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitepatrol::checks {
namespace {

TEST(NavLinkTable, TheSameLinkAndTextIsKeptOnce) {
  NavLinkTable table;
  const NavLink* a = table.add("https://www.example.gov.cn/tzgg/", "通知公告");
  const NavLink* b = table.add(std::string("https://www.example.gov.cn/tzgg/"), "通知公告");
  EXPECT_EQ(a, b);
  EXPECT_EQ(table.size(), 1u);
  EXPECT_EQ(a->url, "https://www.example.gov.cn/tzgg/");
  EXPECT_EQ(a->text, "通知公告");
}

TEST(NavLinkTable, ADifferentTextOrUrlIsAnotherLink) {
  NavLinkTable table;
  const NavLink* a = table.add("https://www.example.gov.cn/tzgg/", "通知公告");
  const NavLink* b = table.add("https://www.example.gov.cn/tzgg/", "更多");
  const NavLink* c = table.add("https://www.example.gov.cn/zcwj/", "通知公告");
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(table.size(), 3u);
  EXPECT_EQ(b->text, "更多");
  EXPECT_EQ(c->url, "https://www.example.gov.cn/zcwj/");
}

// Summaries hold the pointers for the whole walk of a site: they must not move as it grows.
TEST(NavLinkTable, EarlyLinksStayInPlaceAsTheTableGrows) {
  NavLinkTable table;
  std::vector<const NavLink*> first;
  for (int i = 0; i < 10; ++i) first.push_back(table.add("/c" + std::to_string(i), "栏"));
  for (int i = 0; i < 20000; ++i) table.add("/more/" + std::to_string(i), "更多栏目");
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(first[i]->url, "/c" + std::to_string(i));
    EXPECT_EQ(table.add("/c" + std::to_string(i), "栏"), first[i]);
  }
  EXPECT_EQ(table.size(), 20010u);
}

}  // namespace
}  // namespace sitepatrol::checks
