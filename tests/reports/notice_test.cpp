// The monthly 通报 as its reader sees it: the HTML is parsed (Gumbo, as a browser would) into
// the headings, paragraphs and table rows in reading order, and the Markdown into its lines;
// the tests read the title, 主送, the opening, the three sections in order, each problem's
// 整改期限, the overdue items of the tracking and the 落款, in Chinese and in English.
#include "reports/monthly_report.h"

#include <gtest/gtest.h>
#include <gumbo.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "reports/report_generate.h"
#include "tests/reports/report_fixture.h"

namespace sitepatrol::reports {
namespace {

using testing::fill_store;
using testing::fixture_config;
using testing::fixture_options;

// One thing a reader sees: a heading, a paragraph, or a table row (cells joined by " | ").
struct Seen {
  std::string tag;  // h1..h4, p, th (header row), tr
  std::string cls;
  std::string text;
  std::vector<std::string> cells;
};

void text_of(const GumboNode* n, std::string& out) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
    out += n->v.text.text;
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT) return;
  for (unsigned i = 0; i < n->v.element.children.length; ++i) {
    text_of(static_cast<const GumboNode*>(n->v.element.children.data[i]), out);
  }
}

std::string class_of(const GumboNode* n) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, "class");
  return a ? a->value : "";
}

void walk(const GumboNode* n, std::vector<Seen>& out) {
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = n->v.element.tag;
  if (tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_SVG ||
      tag == GUMBO_TAG_HEAD) {
    return;
  }
  if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
      tag == GUMBO_TAG_P) {
    Seen s{gumbo_normalized_tagname(tag), class_of(n), "", {}};
    text_of(n, s.text);
    out.push_back(std::move(s));
    return;
  }
  if (tag == GUMBO_TAG_TR) {
    Seen s{"tr", "", "", {}};
    for (unsigned i = 0; i < n->v.element.children.length; ++i) {
      const auto* cell = static_cast<const GumboNode*>(n->v.element.children.data[i]);
      if (cell->type != GUMBO_NODE_ELEMENT) continue;
      if (cell->v.element.tag == GUMBO_TAG_TH) s.tag = "th";
      std::string text;
      text_of(cell, text);
      s.cells.push_back(text);
      s.cls += (s.cls.empty() ? "" : " ") + class_of(cell);
    }
    for (const auto& c : s.cells) s.text += (s.text.empty() ? "" : " | ") + c;
    out.push_back(std::move(s));
    return;
  }
  for (unsigned i = 0; i < n->v.element.children.length; ++i) {
    walk(static_cast<const GumboNode*>(n->v.element.children.data[i]), out);
  }
}

std::vector<Seen> read_html(const std::string& html) {
  GumboOutput* doc = gumbo_parse(html.c_str());
  std::vector<Seen> out;
  walk(doc->root, out);
  gumbo_destroy_output(&kGumboDefaultOptions, doc);
  return out;
}

std::vector<std::string> texts(const std::vector<Seen>& seen, std::string_view tag) {
  std::vector<std::string> out;
  for (const Seen& s : seen) {
    if (s.tag == tag) out.push_back(s.text);
  }
  return out;
}

// The index of the first thing seen with `tag` whose text starts with `text` (npos: none).
std::size_t find(const std::vector<Seen>& seen, std::string_view tag, std::string_view text,
                 std::size_t from = 0) {
  for (std::size_t i = from; i < seen.size(); ++i) {
    if (seen[i].tag == tag && seen[i].text.starts_with(text)) return i;
  }
  return std::string::npos;
}

class Notice : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::open_sqlite(dir_.file("report.db"));
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    fill_store(*store_);
    config_.report.issuer = "交通运输部网站管理办公室";
    config_.report.recipients = {"各省级交通运输主管部门", "部属各单位"};
    // Generated 2026-12-01 16:00 in Shanghai (fixture_options); 8 December is made a holiday,
    // so ten working days end on the 16th rather than the 15th.
    config_.report.holidays = {"2026-12-08"};
  }

  std::string render(ReportFormat format, std::string lang = "zh") {
    std::ostringstream out;
    auto ok = generate_report(*store_, config_, fixture_options(std::nullopt, std::move(lang)),
                              format, out);
    EXPECT_TRUE(ok) << ok.error();
    return out.str();
  }

  store::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  config::Config config_ = fixture_config();
};

TEST_F(Notice, HtmlReadsAsAnOfficialNotice) {
  const auto seen = read_html(render(ReportFormat::html));
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(texts(seen, "h1"), std::vector<std::string>{"关于2026年11月政府网站检查情况的通报"});
  // Right under the title: 主送, then the opening paragraph.
  ASSERT_GE(seen.size(), 3u);
  EXPECT_EQ(seen[1].tag, "p");
  EXPECT_EQ(seen[1].cls, "addressee");
  EXPECT_EQ(seen[1].text, "各省级交通运输主管部门，部属各单位：");
  EXPECT_TRUE(seen[2].text.starts_with("根据政府网站检查工作要求，2026年11月对 4 个政府网站"))
      << seen[2].text;
  EXPECT_TRUE(seen[2].text.ends_with("现将有关情况通报如下：")) << seen[2].text;
  EXPECT_EQ(texts(seen, "h2"),
            (std::vector<std::string>{"一、总体情况", "二、存在问题", "三、整改要求"}));
  // 落款: the office, then the date in Chinese, after everything but the note.
  const std::size_t office = find(seen, "p", "交通运输部网站管理办公室");
  ASSERT_NE(office, std::string::npos);
  EXPECT_EQ(seen[office].cls, "signature");
  ASSERT_EQ(office + 3, seen.size());
  EXPECT_EQ(seen[office + 1].cls, "signature");
  EXPECT_EQ(seen[office + 1].text, "2026年12月1日");
  EXPECT_EQ(seen[office + 2].cls, "note");
  EXPECT_NE(seen[office + 2].text.find("2026年12月1日 16:00"), std::string::npos);
}

TEST_F(Notice, EachProblemCarriesItsDeadline) {
  const auto seen = read_html(render(ReportFormat::html));
  const std::size_t problems = find(seen, "h2", "二、存在问题");
  const std::size_t required = find(seen, "h2", "三、整改要求");
  ASSERT_LT(problems, required);
  EXPECT_NE(seen[problems + 1].text.find("整改期限为 2026年12月16日（10 个工作日内）"),
            std::string::npos)
      << seen[problems + 1].text;
  // Sites are numbered (一)(二)…; every row of a site's problem table has the deadline.
  const std::size_t hb = find(seen, "h3", "（一）湖北省交通运输厅", problems);
  ASSERT_LT(hb, required);
  // The unit is not repeated when it reads as the category does.
  EXPECT_EQ(seen[hb + 1].text, "http://jtt.hb.example/ · 地方交通运输主管部门");
  const std::size_t header = find(seen, "th", "级别", hb);
  ASSERT_LT(header, required);
  EXPECT_EQ(seen[header].cells.back(), "整改期限");
  int rows = 0;
  for (std::size_t i = header + 1; i < seen.size() && seen[i].tag == "tr"; ++i, ++rows) {
    EXPECT_EQ(seen[i].cells.back(), "2026年12月16日") << seen[i].text;
  }
  EXPECT_EQ(rows, 10);
  EXPECT_NE(
      find(seen, "p", "（一）各有关单位要对照本通报指出的问题逐项整改，于2026年12月16日", required),
      std::string::npos);
  EXPECT_NE(find(seen, "p", "（二）逾期未整改的问题（共 29 个", required), std::string::npos);
}

TEST_F(Notice, TrackingMarksOverdueItems) {
  const auto seen = read_html(render(ReportFormat::html));
  const std::size_t tracking = find(seen, "h3", "（四）整改情况跟踪");
  ASSERT_NE(tracking, std::string::npos);
  const std::size_t summary = find(seen, "th", "网站", tracking);
  ASSERT_NE(summary, std::string::npos);
  EXPECT_EQ(seen[summary].cells, (std::vector<std::string>{"网站", "本月新发现", "仍未整改",
                                                           "逾期未整改", "本月已整改"}));
  EXPECT_EQ(seen[summary + 2].cells[0], "江苏省交通运输厅");
  EXPECT_EQ(seen[summary + 2].cells[3], "7");

  const std::size_t js = find(seen, "h4", "江苏省交通运输厅", tracking);
  ASSERT_NE(js, std::string::npos);
  std::size_t darklink = std::string::npos;
  std::size_t slow = std::string::npos;
  for (std::size_t i = js + 2; i < seen.size() && seen[i].tag == "tr"; ++i) {
    if (seen[i].cells[1].starts_with("SEC-DARKLINK")) darklink = i;
    if (seen[i].cells[1].starts_with("AVAIL-SLOW")) slow = i;
  }
  ASSERT_NE(darklink, std::string::npos);
  ASSERT_NE(slow, std::string::npos);
  // First seen 5 October (Shanghai), due ten working days later, still open on 1 December.
  EXPECT_EQ(seen[darklink].cells[0], "逾期未整改（超期 31 个工作日）");
  EXPECT_EQ(seen[darklink].cells[3], "2026年10月5日");
  EXPECT_EQ(seen[darklink].cells[4], "2026年10月19日");
  EXPECT_NE(seen[darklink].cls.find("overdue"), std::string::npos);
  // First seen 20 November: due 4 December, not overdue yet.
  EXPECT_EQ(seen[slow].cells[0], "本月新发现");
  EXPECT_EQ(seen[slow].cells[4], "2026年12月4日");
  EXPECT_EQ(seen[slow].cls.find("overdue"), std::string::npos);
}

TEST_F(Notice, TimesFollowTheConfiguredZone) {
  config_.report.timezone = "America/New_York";
  const std::string html = render(ReportFormat::html);
  const auto seen = read_html(html);
  // 08:00 UTC on 1 December is 03:00 in New York; no UTC stamp is shown anywhere.
  EXPECT_NE(seen.back().text.find("2026年12月1日 03:00"), std::string::npos) << seen.back().text;
  for (const Seen& s : seen) EXPECT_EQ(s.text.find("T08:00:00Z"), std::string::npos) << s.text;
}

TEST_F(Notice, WithoutRecipientsTheUnitsAreAddressed) {
  config_.report.recipients.clear();
  config_.report.issuer.clear();
  const auto seen = read_html(render(ReportFormat::html));
  EXPECT_EQ(seen[1].text, "地方交通运输主管部门，直属海事机构，部属有关单位：");
  EXPECT_EQ(seen[seen.size() - 2].cls, "signature");  // only the date
  EXPECT_EQ(seen[seen.size() - 2].text, "2026年12月1日");
  EXPECT_EQ(
      std::count_if(seen.begin(), seen.end(), [](const Seen& s) { return s.cls == "signature"; }),
      1);
}

TEST_F(Notice, MarkdownHasTheSameForm) {
  std::istringstream md(render(ReportFormat::md));
  std::vector<std::string> lines;
  for (std::string line; std::getline(md, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  ASSERT_GE(lines.size(), 6u);
  EXPECT_EQ(lines[0], "# 关于2026年11月政府网站检查情况的通报");
  EXPECT_EQ(lines[1], "各省级交通运输主管部门，部属各单位：");
  EXPECT_TRUE(lines[2].ends_with("现将有关情况通报如下：")) << lines[2];
  std::vector<std::string> sections;
  for (const auto& l : lines) {
    if (l.starts_with("## ")) sections.push_back(l);
  }
  EXPECT_EQ(sections,
            (std::vector<std::string>{"## 一、总体情况", "## 二、存在问题", "## 三、整改要求"}));
  EXPECT_EQ(lines[lines.size() - 3], "交通运输部网站管理办公室");
  EXPECT_EQ(lines[lines.size() - 2], "2026年12月1日");
  EXPECT_NE(
      std::find(
          lines.begin(), lines.end(),
          "| 逾期未整改（超期 31 个工作日） | SEC-DARKLINK 暗链 | http://博彩.example/x?id=1 | "
          "2026年10月5日 | 2026年10月19日 |  | 46 |"),
      lines.end());
}

TEST_F(Notice, EnglishIsComplete) {
  const auto seen = read_html(render(ReportFormat::html, "en"));
  EXPECT_EQ(
      texts(seen, "h1"),
      std::vector<std::string>{"Notice on the inspection of government websites, November 2026"});
  EXPECT_EQ(seen[1].text, "To: 各省级交通运输主管部门; 部属各单位");
  EXPECT_EQ(texts(seen, "h2"), (std::vector<std::string>{"1. Overview", "2. Problems found",
                                                         "3. Rectification required"}));
  EXPECT_NE(
      find(seen, "p", "(1) Each unit fixes the problems this notice lists, by 16 December 2026"),
      std::string::npos);
  EXPECT_EQ(seen[seen.size() - 2].text, "1 December 2026");
  EXPECT_NE(seen.back().text.find("1 December 2026 16:00 CST"), std::string::npos);
  const std::size_t js = find(seen, "h4", "江苏省交通运输厅");
  ASSERT_NE(js, std::string::npos);
  EXPECT_EQ(seen[js + 1].cells[4], "due");
  bool overdue = false;
  for (std::size_t i = js + 2; i < seen.size() && seen[i].tag == "tr"; ++i) {
    if (seen[i].cells[1].starts_with("SEC-DARKLINK")) {
      overdue =
          seen[i].cells[0] == "overdue (31 working days)" && seen[i].cells[4] == "19 October 2026";
    }
  }
  EXPECT_TRUE(overdue);
}

TEST_F(Notice, JsonKeepsUtcAndAddsTheDeadlines) {
  const auto doc = nlohmann::json::parse(render(ReportFormat::json));
  EXPECT_EQ(doc["generated_at"], "2026-12-01T08:00:00Z");
  EXPECT_EQ(doc["notice"]["issuer"], "交通运输部网站管理办公室");
  EXPECT_EQ(doc["notice"]["timezone"], "Asia/Shanghai");
  EXPECT_EQ(doc["notice"]["date"], "2026-12-01");
  EXPECT_EQ(doc["notice"]["deadline"], "2026-12-16");
  const auto& js = doc["sites"][1];
  ASSERT_EQ(js["id"], "js-jtt");
  EXPECT_EQ(js["rectification"]["overdue"], 7);
  for (const auto& item : js["rectification"]["items"]) {
    if (item["code"] == "SEC-DARKLINK") {
      EXPECT_EQ(item["due"], "2026-10-19");
      EXPECT_EQ(item["overdue"], true);
      EXPECT_EQ(item["first_seen"], "2026-10-05T02:00:00Z");
    }
    if (item["state"] == "resolved") {
      EXPECT_TRUE(item["due"].is_null());
    }
  }
}

// No clock is read behind the caller's back: without a generation time the notice is dated
// the day after its month.
TEST(NoticeDate, WithoutAGenerationTimeTheDayAfterTheMonth) {
  ReportData data;
  data.month.month = "2026-11";
  const Report r = build_report(data);
  EXPECT_EQ(date_text(r.date, Lang::zh), "2026年12月1日");
  EXPECT_EQ(date_text(r.deadline, Lang::zh), "2026年12月15日");
}

}  // namespace
}  // namespace sitepatrol::reports
