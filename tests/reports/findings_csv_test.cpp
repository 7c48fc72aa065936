#include "reports/findings_csv.h"

#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "tests/reports/fixture.h"

namespace sitepatrol::reports {
namespace {

using Records = std::vector<std::vector<std::string>>;

std::string render(const std::vector<store::FindingRow>& rows) {
  std::ostringstream out;
  write_findings_csv(out, rows);
  return out.str();
}

// A strict RFC 4180 reader: records end in CRLF, a bare CR or LF outside quotes is an error.
std::optional<Records> parse_csv(std::string_view text) {
  Records records;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      for (++i;; ++i) {
        if (i >= text.size()) return std::nullopt;
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            ++i;
          } else {
            ++i;
            break;
          }
        } else {
          field += text[i];
        }
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        if (text[i] == '"') return std::nullopt;
        field += text[i++];
      }
    }
    if (i < text.size() && text[i] == ',') {
      record.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (text.substr(i, 2) == "\r\n") {
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
      i += 2;
    } else {
      return std::nullopt;
    }
  }
  if (!record.empty() || !field.empty()) return std::nullopt;  // missing final CRLF
  return records;
}

TEST(FindingsCsv, StartsWithBomAndHeaderRow) {
  std::string out = render({});
  EXPECT_EQ(out,
            "\xEF\xBB\xBF"
            "site,code,severity,subject,page,detail,status,first_seen,last_seen,unverified,"
            "run,link_text,carrier_count,carriers,review\r\n");
}

TEST(FindingsCsv, EveryLineEndsInCrlf) {
  std::string out = render(testing::sample_rows());
  std::size_t lf = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\n') {
      ++lf;
      ASSERT_GT(i, 0u);
      EXPECT_EQ(out[i - 1], '\r') << "bare LF at byte " << i;
    }
  }
  EXPECT_EQ(lf, testing::sample_rows().size() + 1);
  EXPECT_TRUE(out.ends_with("\r\n"));
}

TEST(FindingsCsv, RowIsWrittenExactly) {
  std::string out = render({testing::sample_rows()[1]});
  EXPECT_TRUE(out.ends_with(
      "\r\njs-jtt,ID-MISSING,warning,icp,http://jtt.js.example/,页脚缺少ICP备案号,open,"
      "2026-10-25T02:12:31Z,2026-11-25T02:10:00Z,,,,,,\r\n"))
      << out;
}

TEST(FindingsCsv, ReadsBackFieldForField) {
  const auto rows = testing::sample_rows();
  std::string out = render(rows);
  ASSERT_EQ(out.rfind("\xEF\xBB\xBF", 0), 0u);
  auto records = parse_csv(std::string_view(out).substr(3));
  ASSERT_TRUE(records.has_value()) << out;
  ASSERT_EQ(records->size(), rows.size() + 1);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = (*records)[i + 1];
    const auto& f = rows[i].finding;
    EXPECT_EQ(r, (std::vector<std::string>{f.site, f.code,
                                           std::string(checks::to_string(f.severity)), f.subject,
                                           f.page, f.detail, rows[i].status, rows[i].first_seen,
                                           rows[i].last_seen, "", "", "", "", "", ""}));
  }
}

// `findings` shows each site as its newest run left it: the rows may come from several runs.
TEST(FindingsCsv, RunColumnIsTheRunTheRowComesFrom) {
  auto rows = testing::sample_rows();
  rows[0].run = 5;
  rows[1].run = 7;
  const std::string out = render({rows[0], rows[1]});
  auto records = parse_csv(std::string_view(out).substr(3));
  ASSERT_TRUE(records.has_value()) << out;
  ASSERT_EQ(records->size(), 3u);
  EXPECT_EQ((*records)[0][10], "run");
  EXPECT_EQ((*records)[1][10], "5");
  EXPECT_EQ((*records)[2][10], "7");
}

TEST(FindingsCsv, CarriedOverFindingNamesWhyItWasNotVerified) {
  auto row = testing::sample_rows()[1];
  row.verified = false;
  row.unverified = "site_down";
  row.unverified_detail = "HTTP 503";
  EXPECT_TRUE(render({row}).ends_with(",site_down,,,,,\r\n")) << render({row});
}

TEST(FindingsCsv, QuotesCommaQuoteAndLineBreaks) {
  EXPECT_EQ(csv_field("plain text 中文", true), "plain text 中文");
  EXPECT_EQ(csv_field("a,b", true), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\"", true), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("line1\nline2", true), "\"line1\nline2\"");
  EXPECT_EQ(csv_field("line1\r\nline2", true), "\"line1\r\nline2\"");
  EXPECT_EQ(csv_field("", true), "");

  auto rows = testing::sample_rows();
  rows[0].finding.detail = "HTTP 404, \"Not Found\"\r\n第二行";
  auto records = parse_csv(std::string_view(render(rows)).substr(3));
  ASSERT_TRUE(records.has_value());
  EXPECT_EQ((*records)[1][5], rows[0].finding.detail);
}

TEST(FindingsCsv, WebFieldsStartingWithFormulaCharactersGetAQuotePrefix) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://evil.example\",\"x\")", true),
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
  EXPECT_EQ(csv_field("+1+2", true), "'+1+2");
  EXPECT_EQ(csv_field("-2+3", true), "'-2+3");
  EXPECT_EQ(csv_field("@SUM(A1)", true), "'@SUM(A1)");
  EXPECT_EQ(csv_field("\tx", true), "'\tx");
  EXPECT_EQ(csv_field("\rx", true), "\"'\rx\"");
  EXPECT_EQ(csv_field("a=b", true), "a=b");  // only a leading character counts
  EXPECT_EQ(csv_field("-x", false), "-x");   // our own fields are left alone

  auto rows = testing::sample_rows();
  rows[0].finding.subject = "=cmd|' /C calc'!A0";
  rows[0].finding.page = "+http://x.example/";
  rows[0].finding.detail = "@detail";
  rows[0].finding.site = "-site";
  auto records = parse_csv(std::string_view(render(rows)).substr(3));
  ASSERT_TRUE(records.has_value());
  const auto& r = (*records)[1];
  EXPECT_EQ(r[0], "-site");
  EXPECT_EQ(r[3], "'=cmd|' /C calc'!A0");
  EXPECT_EQ(r[4], "'+http://x.example/");
  EXPECT_EQ(r[5], "'@detail");
}

TEST(FindingsCsv, InvalidUtf8IsRepaired) {
  auto rows = testing::sample_rows();
  rows[0].finding.detail = "GBK \xB2\xE2\xCA\xD4";
  std::string out = render(rows);
  EXPECT_EQ(out.find("\xB2\xE2"), std::string::npos);
  auto records = parse_csv(std::string_view(out).substr(3));
  ASSERT_TRUE(records.has_value());
  EXPECT_EQ((*records)[1][5], "GBK \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace sitepatrol::reports

namespace sitepatrol::reports {
namespace {

// Issue 14: with Lang::zh the header row, severities, statuses, details and key subjects are
// Chinese; the codes, URLs and times stay as they are.
TEST(FindingsCsv, ChineseHeaderAndDetails) {
  store::FindingRow row;
  row.finding = {"hb-jtt",
                 "ID-MISSING",
                 checks::Severity::warning,
                 "icp",
                 "http://www.site.example/",
                 "no ICP备案号 (e.g. 京ICP备19014889号) in the homepage footer"};
  row.finding.detail_code = "id.missing_icp";
  row.status = "open";
  row.first_seen = row.last_seen = "2026-11-25T02:00:03Z";
  std::ostringstream out;
  write_findings_csv(out, std::vector<store::FindingRow>{row}, Lang::zh);
  const auto records = parse_csv(std::string_view(out.str()).substr(3));
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0],
            (std::vector<std::string>{"网站", "问题代码", "级别", "对象", "所在页面", "说明",
                                      "状态", "首次发现", "最近发现", "未复查原因", "运行",
                                      "链接文字", "页面数", "所在页面（全部）", "人工复核"}));
  EXPECT_EQ((*records)[1],
            (std::vector<std::string>{
                "hb-jtt", "ID-MISSING", "警告", "ICP备案号", "http://www.site.example/",
                "首页页脚未见ICP备案号（如京ICP备19014889号）", "未整改", "2026-11-25T02:00:03Z",
                "2026-11-25T02:00:03Z", "", "", "", "", "", ""}));
  // English, the default, is unchanged: the stored text and the key.
  EXPECT_NE(render({row}).find(",icp,http://www.site.example/,no ICP备案号"), std::string::npos);
}

// 人工复核: the last column gives the review in words, and says when it no longer holds.
TEST(FindingsCsv, TheReviewColumnSaysWhatAndWhy) {
  auto rows = testing::sample_rows();
  ASSERT_GE(rows.size(), 2u);
  store::ReviewRecord review;
  review.verdict = "false_alarm";
  review.reason = "=HYPERLINK(\"http://evil.example\"), 服务器拒绝HEAD";
  rows[0].review = store::FindingReview{review, ""};
  review.verdict = "accepted";
  review.expires = "2026-12-31";
  review.reason = "栏目将于1月撤销";
  rows[1].review = store::FindingReview{review, "expired"};
  std::ostringstream zh;
  write_findings_csv(zh, rows, Lang::zh);
  const auto records = parse_csv(std::string_view(zh.str()).substr(3));
  ASSERT_TRUE(records);
  ASSERT_GE(records->size(), 3u);
  // The verdict comes first, so a reason that looks like a formula is never read as one.
  EXPECT_EQ((*records)[1].back(), "误报：=HYPERLINK(\"http://evil.example\"), 服务器拒绝HEAD");
  EXPECT_EQ((*records)[2].back(), "已接受（至 2026-12-31）：栏目将于1月撤销（已到期，重新计入）");
  std::ostringstream en;
  write_findings_csv(en, rows, Lang::en);
  EXPECT_NE(en.str().find("accepted (until 2026-12-31): 栏目将于1月撤销 (expired, counted again)"),
            std::string::npos)
      << en.str();
}

}  // namespace
}  // namespace sitepatrol::reports
