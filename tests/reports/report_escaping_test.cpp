// Nothing a crawled page contains can run in a report: a page titled
// <script>alert(1)</script>, a javascript: URL, a CSV formula and markup in a configured
// name all come out as text in every format.
#include "reports/html_escape.h"

#include <gtest/gtest.h>

#include <sstream>

#include "reports/markdown_report.h"
#include "reports/report_generate.h"
#include "tests/reports/report_fixture.h"

namespace sitepatrol::reports {
namespace {

using testing::kScriptTitle;

TEST(HtmlEscape, EscapesMarkupAndQuotes) {
  EXPECT_EQ(html_escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(html_escape("a&b \"c\" 'd'"), "a&amp;b &quot;c&quot; &#39;d&#39;");
  EXPECT_EQ(html_escape("x\x01y\x7fz"), "xyz");
  EXPECT_EQ(html_escape("bad \xff utf-8"), "bad \xEF\xBF\xBD utf-8");
}

TEST(HtmlEscape, SafeHrefOnlyForHttp) {
  EXPECT_EQ(safe_href("http://a.example/?x=\"1\""), "http://a.example/?x=&quot;1&quot;");
  EXPECT_EQ(safe_href("HTTPS://a.example/"), "HTTPS://a.example/");
  EXPECT_EQ(safe_href("javascript:alert(1)"), "");
  EXPECT_EQ(safe_href(" javascript:alert(1)"), "");
  EXPECT_EQ(safe_href("data:text/html,<script>"), "");
}

TEST(MarkdownEscape, NeitherMarkdownNorHtml) {
  EXPECT_EQ(markdown_escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(markdown_escape("a|b [x](javascript:y) *z*\nw"),
            "a\\|b \\[x\\](javascript:y) \\*z\\* w");
}

class ReportEscaping : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::open_sqlite(dir_.file("report.db"));
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    testing::fill_store(*store_);
    config_.sites[1].name = std::string("江苏") + kScriptTitle;  // a hostile configured name too
  }

  std::string render(ReportFormat format, std::optional<std::string> site = std::nullopt) {
    std::ostringstream out;
    EXPECT_TRUE(generate_report(*store_, config_, testing::fixture_options(site), format, out));
    return out.str();
  }

  store::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  config::Config config_ = testing::fixture_config();
};

TEST_F(ReportEscaping, HtmlShowsTheScriptAsText) {
  for (auto site : {std::optional<std::string>(), std::optional<std::string>("js-jtt")}) {
    const std::string html = render(ReportFormat::html, site);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
    // The hostile name is also a chart label.
    EXPECT_NE(html.find(">江苏&lt;script&gt;alert(1)&lt;/scri…</text>"), std::string::npos);
  }
}

TEST_F(ReportEscaping, MarkdownShowsTheScriptAsText) {
  const std::string md = render(ReportFormat::md);
  EXPECT_EQ(md.find("<script"), std::string::npos);
  EXPECT_NE(md.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST_F(ReportEscaping, CsvGuardsFormulas) {
  const std::string csv = render(ReportFormat::csv);
  EXPECT_NE(csv.find(",'=cmd|' /C calc'!A0,"), std::string::npos) << csv;
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
}

TEST_F(ReportEscaping, JsonKeepsTheTextVerbatim) {
  // JSON is data for scripts: the title is kept as is, inside a JSON string.
  const std::string json = render(ReportFormat::json);
  EXPECT_NE(json.find("江苏<script>alert(1)</script>"), std::string::npos);
}

}  // namespace
}  // namespace sitepatrol::reports
