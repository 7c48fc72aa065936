// find_any (config/find_any.h) replaces std::string_view::find_first_of on the per-link paths
// of a patrol, so it must answer exactly as find_first_of does.
#include "config/find_any.h"

#include <gtest/gtest.h>

#include <string_view>

namespace sitepatrol {
namespace {

TEST(FindAny, FindsTheFirstOfTheSetWhereverItStarts) {
  const std::string_view url = "http://a.gov.cn/x/list.html?page=2#top";
  EXPECT_EQ(find_any(url, "?#"), url.find('?'));
  EXPECT_EQ(find_any(url, "/?#", 7), url.find('/', 7));
  EXPECT_EQ(find_any(url, "#", 0), url.size() - 4);
  EXPECT_EQ(find_any(url, "?#", url.size()), std::string_view::npos);
  EXPECT_EQ(find_any(url, "@"), std::string_view::npos);
  EXPECT_EQ(find_any("", "?#"), std::string_view::npos);
}

TEST(FindAny, AnswersAsFindFirstOfDoesOnEveryStart) {
  constexpr std::string_view kTexts[] = {"",
                                         "?",
                                         "#frag",
                                         "/a/b?c#d",
                                         "//host/p",
                                         "no-delimiters-at-all",
                                         "中文/路径?查询=值#锚点",
                                         "a\\b/c",
                                         "http://127.0.0.1:8080/?#"};
  for (const std::string_view text : kTexts) {
    for (std::size_t from = 0; from <= text.size() + 1; ++from) {
      EXPECT_EQ(find_any(text, "?#", from), text.find_first_of("?#", from)) << text << " " << from;
      EXPECT_EQ(find_any(text, "/\\?", from), text.find_first_of("/\\?", from))
          << text << " " << from;
    }
  }
}

}  // namespace
}  // namespace sitepatrol
