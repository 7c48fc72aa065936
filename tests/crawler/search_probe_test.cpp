#include "crawler/search_probe.h"

#include <gtest/gtest.h>

namespace sitepatrol::crawler {
namespace {

checks::FormInfo form(std::string method) {
  checks::FormInfo f;
  f.action = "http://www.site.example/search/s.jsp?old=1";
  f.method = std::move(method);
  f.fields = {{"input", "hidden", "siteid", "7", ""},
              {"input", "text", "searchword", "", "关键字"},
              {"select", "", "scope", "all", ""},
              {"input", "checkbox", "exact", "1", ""},
              {"input", "submit", "go", "搜索", ""},
              {"input", "submit", "adv", "高级", ""}};
  return f;
}

TEST(SearchProbe, TheSiteNameGoesIntoTheQueryFieldLikeABrowserSendsIt) {
  EXPECT_EQ(search_query_url(form("get"), "湖北 交通"),
            "http://www.site.example/search/s.jsp?siteid=7&searchword=%E6%B9%96%E5%8C%97+"
            "%E4%BA%A4%E9%80%9A&scope=all&go=%E6%90%9C%E7%B4%A2");
}

TEST(SearchProbe, PostFormsAndFormsWithoutActionAreNeverSubmitted) {
  EXPECT_EQ(search_query_url(form("post"), "x"), "");
  auto no_action = form("get");
  no_action.action.clear();
  EXPECT_EQ(search_query_url(no_action, "x"), "");
}

TEST(SearchProbe, FormEncoding) {
  EXPECT_EQ(form_encode("a b&c=d/é"), "a+b%26c%3Dd%2F%C3%A9");
  EXPECT_EQ(form_encode("A-z_0.9*"), "A-z_0.9*");
}

}  // namespace
}  // namespace sitepatrol::crawler
