#include "checks/needle.h"

#include <gtest/gtest.h>

#include <string>

namespace sitepatrol::checks {
namespace {

constexpr auto npos = std::string_view::npos;

// Every position agrees with std::string_view::find, which it replaces.
TEST(Needle, FindsWhatStringViewFindFinds) {
  const std::string text =
      "发布时间：2026-11-25 来源：本站 发布日期发布时间 abc 暂无信息。发布时间";
  for (std::string_view word :
       {"发布时间", "来源", "暂无信息", "abc", "发布日期发布", "时间", "不在其中", "c 暂", "间"}) {
    const Needle needle(word);
    for (std::size_t from = 0; from <= text.size() + 1; ++from) {
      const std::size_t expected =
          from > text.size() ? npos : std::string_view(text).find(word, from);
      EXPECT_EQ(needle.find_in(text, from), expected) << word << " from " << from;
    }
  }
}

TEST(Needle, AWordLongerThanTheTextOrAnEmptyTextIsNotFound) {
  const Needle needle("信息正在更新中");
  EXPECT_EQ(needle.find_in("信息"), npos);
  EXPECT_EQ(needle.find_in(""), npos);
  EXPECT_EQ(needle.find_in("……信息正在更新中"), std::string_view("……").size());
}

}  // namespace
}  // namespace sitepatrol::checks
