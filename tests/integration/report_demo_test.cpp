// `sitepatrol demo` ends by writing the month's two reports and printing their paths; the
// monthly report shows every problem the demo patrol found, the verdict and the indices, and
// the self-inspection report follows the four points of task 6. With --lang zh (the default)
// they speak Chinese throughout (issue 14).
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "reports/detail_text.h"
#include "reports/html_escape.h"
#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// `sitepatrol demo -o OUT/result`, run in OUT.
ProcessResult run_demo(const TempDir& out) {
  testsupport::ProcessOptions options;
  options.working_dir = out.path();
  options.timeout = 90s;
  return testsupport::run_process(
      {testsupport::sitepatrol_binary(), "demo", "-o", (out / "result").string()}, options);
}

TEST(ReportDemo, WritesBothReportsWithEveryFinding) {
  TempDir out("sitepatrol-it-demo-report");
  const ProcessResult r = run_demo(out);
  ASSERT_EQ(r.exit_code, 0) << r.err;

  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex("Monthly report: (\\S+)"))) << r.out;
  const std::filesystem::path monthly = m[1].str();
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex("Self-inspection report: (\\S+)"))) << r.out;
  const std::filesystem::path self = m[1].str();
  EXPECT_EQ(monthly, out / "result" / "monthly-report.html");
  EXPECT_EQ(self, out / "result" / "self-inspection-demo-jtt.html");

  ProcessResult findings;
  findings.out = read(out / "result" / "findings.json");
  const Findings f = parse_findings(findings);
  ASSERT_TRUE(f.parse_error.empty()) << f.parse_error;
  ASSERT_FALSE(f.all.empty());

  const std::string html = read(monthly);
  for (const auto& x : f.all) {
    // Subjects that are keys (icp, solicitation) show by their Chinese names (issue 14).
    checks::Finding finding;
    finding.code = x.code;
    finding.subject = x.subject;
    const std::string subject = reports::subject_text(finding, reports::Lang::zh);
    EXPECT_NE(html.find(reports::html_escape(subject)), std::string::npos)
        << x.code << " " << subject << " not in the monthly report";
  }
  // The planted dark link and the message left unanswered (defect 10) both veto.
  const auto verdict = html.find("不合格：");
  ASSERT_NE(verdict, std::string::npos);
  const std::string vetoes = html.substr(verdict, html.find('<', verdict) - verdict);
  EXPECT_NE(vetoes.find("暗链"), std::string::npos) << vetoes;
  EXPECT_NE(vetoes.find("互动回应差"), std::string::npos) << vetoes;
  EXPECT_NE(vetoes.find("严重表述错误"), std::string::npos) << vetoes;  // demo defect 12
  for (const char* text :
       {"信息公开指数", "在线服务指数", "公众互动指数", "data-chart=\"availability\""}) {
    EXPECT_NE(html.find(text), std::string::npos) << text;
  }

  const std::string report = read(self);
  for (const char* point : {"一、页面访问、栏目更新和内容准确情况", "二、服务功能和互动功能情况",
                            "三、应用系统及链接情况", "四、安全防护情况"}) {
    EXPECT_NE(report.find(point), std::string::npos) << point;
  }
  EXPECT_NE(report.find("http://www.bet-example.com/"), std::string::npos);
}

std::string unescape(std::string s) {
  for (auto [from, to] :
       {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (std::size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, strlen(from), to);
  }
  return s;
}

// The cells of the column headed `heading` in every table of an HTML report.
std::vector<std::string> column(const std::string& html, const std::string& heading) {
  std::vector<std::string> cells;
  static const std::regex kTable(R"(<table>[\s\S]*?</table>)");
  static const std::regex kHeader(R"(<th>([^<]*)</th>)");
  static const std::regex kRow(R"(<tr>([\s\S]*?)</tr>)");
  static const std::regex kCell(R"(<td[^>]*>([\s\S]*?)</td>)");
  for (auto t = std::sregex_iterator(html.begin(), html.end(), kTable); t != std::sregex_iterator();
       ++t) {
    const std::string table = t->str();
    int index = -1, i = 0;
    for (auto h = std::sregex_iterator(table.begin(), table.end(), kHeader);
         h != std::sregex_iterator(); ++h, ++i) {
      if ((*h)[1] == heading) index = i;
    }
    if (index < 0) continue;
    for (auto r = std::sregex_iterator(table.begin(), table.end(), kRow);
         r != std::sregex_iterator(); ++r) {
      const std::string row = (*r)[1];
      int c = 0;
      for (auto cell = std::sregex_iterator(row.begin(), row.end(), kCell);
           cell != std::sregex_iterator(); ++cell, ++c) {
        if (c == index) {
          cells.push_back(
              unescape(std::regex_replace((*cell)[1].str(), std::regex("<[^>]*>"), "")));
        }
      }
    }
  }
  return cells;
}

// Runs of Latin letters that make an English sentence: two words or more in a row, once
// URLs, host names and file names are taken out ("HTTP 404", "ICP备案号" and a URL are fine;
// "newest entry" is not).
bool has_english_sentence(std::string text) {
  // URLs, file and host names, and header names (X-Content-Type-Options: nosniff).
  text = std::regex_replace(
      text, std::regex(R"([a-z]+://[^\s，。；、（）“”]*|\S+\.\w+|[A-Za-z]+(-[A-Za-z]+)+:?)"), " ");
  return std::regex_search(text, std::regex(R"([A-Za-z]{2,}[ ,:;'-]+[A-Za-z]{2,})"));
}

// Issue 14, "Chinese throughout": the Chinese reports' 说明 column holds Chinese sentences,
// not the checks' English ones, and their 对象 column names features and columns instead of
// showing internal keys. The findings JSON keeps each detail as code and values beside the
// English text.
TEST(ReportDemo, ChineseReportsSpeakChinese) {
  TempDir out("sitepatrol-it-details");
  const ProcessResult r = run_demo(out);
  ASSERT_EQ(r.exit_code, 0) << r.err;

  for (const char* name : {"monthly-report.html", "self-inspection-demo-jtt.html"}) {
    const std::string html = read(out / "result" / name);
    const std::vector<std::string> details = column(html, "说明");
    ASSERT_GE(details.size(), 5u) << name;  // the monthly report lists some kinds
    for (const std::string& d : details) {
      EXPECT_FALSE(has_english_sentence(d)) << name << ": " << d;
    }
    for (const std::string& subject : column(html, "对象")) {
      for (const char* key : {"icp", "site_code", "police_record", "party_gov_mark",
                              "message_board", "solicitation", "interview", "ColumnName"}) {
        EXPECT_NE(subject, key) << name;
      }
    }
  }

  // JSON: the English text as before, and the same as code and values.
  const auto doc = nlohmann::json::parse(read(out / "result" / "findings.json"));
  std::set<std::string> codes;
  for (const auto& f : doc.at("findings")) {
    ASSERT_TRUE(f.at("detail").is_string());
    ASSERT_TRUE(f.at("detail_code").is_string()) << f.dump();
    ASSERT_TRUE(f.at("detail_args").is_object()) << f.dump();
    codes.insert(f.at("detail_code").get<std::string>());
  }
  EXPECT_GE(codes.size(), 8u);
  // The findings CSV stays English by default: its detail is the JSON's English text.
  const std::string csv = read(out / "result" / "findings.csv");
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBFsite,code,severity,subject,page,detail,")) << csv;
  for (const auto& f : doc.at("findings")) {
    const std::string detail = f.at("detail").get<std::string>();
    if (detail.find_first_of(",\"") == std::string::npos) {
      EXPECT_NE(csv.find(detail), std::string::npos) << detail;
    }
  }
}

}  // namespace
}  // namespace sitepatrol::integration
