// Broken links a site owner can find (issue 14): the reports name the link's text, show its
// URL decoded with the real href, and say how many pages carry it and which.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

#include "reports/findings_csv.h"
#include "reports/findings_json.h"
#include "reports/report_generate.h"
#include "tests/reports/report_fixture.h"

namespace sitepatrol::reports {
namespace {

using testing::kFooterFile;
using testing::kHostileLinkText;

const std::string kFooterUrl = std::string("http://jtt.hb.example/") + kFooterFile;

class LinkReport : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::open_sqlite(dir_.file("report.db"));
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    testing::fill_store(*store_);
  }

  std::string render(ReportFormat format, std::optional<std::string> site = std::nullopt,
                     std::string lang = "zh") {
    std::ostringstream out;
    EXPECT_TRUE(generate_report(*store_, config_, testing::fixture_options(site, lang), format,
                                out));
    return out.str();
  }

  std::vector<store::FindingRow> latest() {
    auto rows = store_->findings(store::FindingQuery{});
    EXPECT_TRUE(rows) << rows.error().message;
    return rows ? *rows : std::vector<store::FindingRow>{};
  }

  store::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  config::Config config_ = testing::fixture_config();
};

// The HTML without the line-break hints around URLs (reports/cell_text.h): what a reader reads.
std::string visible(std::string html) {
  for (const std::string tag : {"<span class=\"url\">", "</span>", "<wbr>"}) {
    for (std::size_t at; (at = html.find(tag)) != std::string::npos;) html.erase(at, tag.size());
  }
  return html;
}

TEST_F(LinkReport, HtmlShowsTextDecodedNameRealHrefAndPages) {
  for (auto site : {std::optional<std::string>(), std::optional<std::string>("hb-jtt")}) {
    const std::string html = visible(render(ReportFormat::html, site));
    // The real href, the decoded name as the text, the link's text before it.
    EXPECT_NE(html.find("<a href=\"" + kFooterUrl + "\">「办事指南」http://jtt.hb.example/files/"
                        "办事指南.pdf</a>"),
              std::string::npos)
        << html;
    // Five pages carry it: the count and the first three.
    EXPECT_NE(html.find(">5 个页面：http://jtt.hb.example/、http://jtt.hb.example/bsfw/、"
                        "http://jtt.hb.example/zcfg/ 等</a>"),
              std::string::npos);
    EXPECT_EQ(html.find("tzgg/t2.html"), std::string::npos);  // the fourth and fifth are not shown
  }
}

TEST_F(LinkReport, HostileLinkTextIsEscapedInHtmlAndMarkdown) {
  const std::string html = visible(render(ReportFormat::html, "hb-jtt"));
  EXPECT_EQ(html.find("<script>alert(3)"), std::string::npos);
  EXPECT_NE(html.find("「=HYPERLINK(&quot;http://evil.example&quot;)&lt;script&gt;alert(3)&lt;/"
                      "script&gt;」"),
            std::string::npos);
  const std::string md = render(ReportFormat::md);
  EXPECT_EQ(md.find("<script>alert(3)"), std::string::npos);
  EXPECT_NE(md.find("办事指南.pdf"), std::string::npos);
  EXPECT_NE(md.find("5 个页面"), std::string::npos);
}

TEST_F(LinkReport, ReportCsvListsEveryPageAndGuardsTheFormula) {
  const std::string csv = render(ReportFormat::csv, "hb-jtt");
  EXPECT_NE(csv.find(",链接文字,页面数,所在页面（全部）\r\n"), std::string::npos);
  EXPECT_NE(csv.find(",办事指南,5,\"http://jtt.hb.example/\nhttp://jtt.hb.example/bsfw/\n"
                     "http://jtt.hb.example/zcfg/\nhttp://jtt.hb.example/tzgg/t1.html\n"
                     "http://jtt.hb.example/tzgg/t2.html\"\r\n"),
            std::string::npos)
      << csv;
  // The hostile text starts with '=': a spreadsheet gets it as text.
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://evil.example\"\")<script>alert(3)</script>\",1,"),
            std::string::npos)
      << csv;
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
  const std::string en = render(ReportFormat::csv, "hb-jtt", "en");
  EXPECT_NE(en.find(",resolved_at,link_text,carrier_count,carriers\r\n"), std::string::npos);
}

TEST_F(LinkReport, ReportJsonKeepsTextAndCarriers) {
  const auto doc = nlohmann::json::parse(render(ReportFormat::json, "hb-jtt"));
  int seen = 0;
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
    if (j.is_object()) {
      if (j.contains("subject") && j["subject"] == kFooterUrl && j.contains("carriers")) {
        ++seen;
        EXPECT_EQ(j["link_text"], "办事指南");
        ASSERT_EQ(j["carriers"].size(), 5u);
        EXPECT_EQ(j["carriers"][0]["page"], "http://jtt.hb.example/");
        EXPECT_EQ(j["carriers"][4]["page"], "http://jtt.hb.example/tzgg/t2.html");
        EXPECT_EQ(j["carriers"][4]["text"], "办事指南下载");
      }
      for (const auto& [k, v] : j.items()) walk(v);
    } else if (j.is_array()) {
      for (const auto& v : j) walk(v);
    }
  };
  walk(doc);
  EXPECT_GT(seen, 0);
}

TEST_F(LinkReport, FindingsCsvAndJsonOfTheStore) {
  const auto rows = latest();
  std::ostringstream csv;
  write_findings_csv(csv, rows, Lang::en);
  EXPECT_NE(csv.str().find(",run,link_text,carrier_count,carriers,review\r\n"), std::string::npos);
  EXPECT_NE(csv.str().find(",办事指南,5,\"http://jtt.hb.example/\n"), std::string::npos);

  std::ostringstream json;
  write_findings_json(json, store::RunInfo{}, rows);
  const auto doc = nlohmann::json::parse(json.str());
  bool footer = false;
  for (const auto& f : doc["findings"]) {
    if (f["subject"] == kFooterUrl) {
      footer = true;
      EXPECT_EQ(f["link_text"], "办事指南");
      EXPECT_EQ(f["carriers"].size(), 5u);
    } else if (!f["code"].get<std::string>().starts_with("LINK-")) {
      EXPECT_FALSE(f.contains("link_text")) << f.dump();
      EXPECT_FALSE(f.contains("carriers")) << f.dump();
    }
  }
  EXPECT_TRUE(footer);
}

}  // namespace
}  // namespace sitepatrol::reports
