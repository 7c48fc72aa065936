#include "crawler/html_forms.h"

#include <gtest/gtest.h>

#include "checks/feature_names.h"
#include "crawler/html.h"

namespace sitepatrol::crawler {
namespace {

constexpr std::string_view kPage = "http://www.site.example/hdjl/index.html";

TEST(HtmlForms, ActionMethodFieldsAndText) {
  const auto parsed = parse_html(R"(<html><body>
    <div class="top"><form id="searchForm" action="/search/search.jsp?x=1" method="GET">
      <input type="hidden" name="siteid" value="7">
      <input name="searchword" placeholder="请输入关键字">
      <select name="scope"><option value="all">全站</option><option value="t" selected>标题</option></select>
      <input type="submit" value="搜索"></form></div>
    <form action="submit.do" method="Post"><label>标题</label><input type="text" name="title">
      <textarea name="content"></textarea><button type="submit">提交留言</button></form>
    <form><input name="q"></form>
  </body></html>)",
                                 kPage);
  ASSERT_EQ(parsed.forms.size(), 3u);
  const auto& search = parsed.forms[0];
  EXPECT_EQ(search.action, "http://www.site.example/search/search.jsp?x=1");
  EXPECT_EQ(search.method, "get");
  EXPECT_NE(search.hints.find("searchform"), std::string::npos);
  ASSERT_EQ(search.fields.size(), 4u);
  EXPECT_EQ(search.fields[0].type, "hidden");
  EXPECT_EQ(search.fields[1].type, "text");  // no type attribute
  EXPECT_EQ(search.fields[2].tag, "select");
  EXPECT_EQ(search.fields[2].value, "t");  // the selected option
  EXPECT_NE(search.text.find("搜索"), std::string::npos);
  EXPECT_TRUE(checks::is_search_form(search));

  const auto& message = parsed.forms[1];
  EXPECT_EQ(message.action, "http://www.site.example/hdjl/submit.do");
  EXPECT_EQ(message.method, "post");
  EXPECT_NE(message.text.find("提交留言"), std::string::npos);
  EXPECT_TRUE(checks::is_message_form(message));

  EXPECT_EQ(parsed.forms[2].action, "http://www.site.example/hdjl/index.html");  // none given
  EXPECT_EQ(parsed.forms[2].method, "get");
}

TEST(HtmlForms, JavascriptActionsCannotBeCheckedAndBaseHrefApplies) {
  const auto parsed = parse_html(
      R"html(<html><head><base href="http://www.site.example/app/"></head><body>
      <form action="javascript:void(0)" method="post"><textarea name="c"></textarea></form>
      <form action="do"></form></body></html>)html",
      kPage);
  ASSERT_EQ(parsed.forms.size(), 2u);
  EXPECT_EQ(parsed.forms[0].action, "");
  EXPECT_EQ(parsed.forms[1].action, "http://www.site.example/app/do");
}

TEST(HtmlForms, APageWithoutFormsHasNone) {
  EXPECT_TRUE(parse_html("<p>没有表单</p>", kPage).forms.empty());
}

}  // namespace
}  // namespace sitepatrol::crawler
