#include "reports/findings_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "reports/terminal_width.h"
#include "tests/reports/fixture.h"

namespace sitepatrol::reports {
namespace {

std::string render(const std::vector<store::FindingRow>& rows, TableOptions options = {},
                   store::RunInfo run = testing::sample_run()) {
  std::ostringstream out;
  write_findings_table(out, run, rows, options);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool is_column_header(std::string_view line) { return line.starts_with("  SEVERITY  CODE"); }
bool is_finding(std::string_view line) { return line.starts_with("  ") && !is_column_header(line); }

// Display columns where the header row's labels start (the header is ASCII).
std::vector<int> column_starts(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    if (!is_column_header(line)) continue;
    std::vector<int> starts;
    for (std::string_view label : {"SEVERITY", "CODE", "STATUS", "SUBJECT", "PAGE", "DETAIL"}) {
      starts.push_back(static_cast<int>(line.find(label)));
    }
    return starts;
  }
  return {};
}

// Byte offset of the character that starts at display column `column`, or npos when the
// column falls inside a wide character or past the end.
std::size_t offset_at_column(std::string_view line, int column) {
  int width = 0;
  std::size_t pos = 0;
  while (pos < line.size() && width < column) {
    Utf8Step step = next_code_point(line, pos);
    width += step.valid ? code_point_width(step.code_point) : 1;
    pos += step.length;
  }
  return width == column && pos < line.size() ? pos : std::string_view::npos;
}

std::string strip_own_colors(std::string text) {
  for (std::string_view seq :
       {"\x1b[0m", "\x1b[1m", "\x1b[1;31m", "\x1b[31m", "\x1b[33m", "\x1b[36m"}) {
    for (std::size_t at; (at = text.find(seq)) != std::string::npos;) text.erase(at, seq.size());
  }
  return text;
}

void expect_aligned(const std::string& output, int width) {
  std::vector<std::string> lines = lines_of(output);
  std::vector<int> starts = column_starts(lines);
  ASSERT_EQ(starts.size(), 6u);
  int findings = 0;
  for (const std::string& line : lines) {
    EXPECT_LE(display_width(line), width) << line;
    EXPECT_FALSE(line.ends_with(" ")) << "trailing space: " << line;
    if (!is_finding(line)) continue;
    // A detail's continuation: blank up to the DETAIL column, its text from there.
    if (line.find_first_not_of(' ') == static_cast<std::size_t>(starts[5])) continue;
    ++findings;
    for (int column : starts) {
      std::size_t at = offset_at_column(line, column);
      ASSERT_NE(at, std::string_view::npos)
          << "no cell starts at column " << column << ": " << line;
      EXPECT_EQ(line.substr(at - 2, 2), "  ") << "column " << column << ": " << line;
    }
    // subject and detail are never empty in the fixture: their text starts at the column
    EXPECT_NE(line[offset_at_column(line, starts[3])], ' ') << line;
    EXPECT_NE(line[offset_at_column(line, starts[5])], ' ') << line;
  }
  EXPECT_EQ(findings, 12);
}

TEST(FindingsTable, ColumnsAlignWithChineseTextAtDefaultWidth) {
  std::string out = render(testing::sample_rows());
  expect_aligned(out, 120);
  EXPECT_NE(out.find("..."), std::string::npos) << "fixture should need truncation";
  EXPECT_NE(out.find("首页"), std::string::npos);
}

TEST(FindingsTable, ColumnsAlignWhenNarrow) {
  expect_aligned(render(testing::sample_rows(), {.width = 80}), 80);
}

TEST(FindingsTable, WideTerminalShowsEverythingUncut) {
  const auto rows = testing::sample_rows();
  std::string out = render(rows, {.width = 240});
  expect_aligned(out, 240);
  EXPECT_EQ(out.find("..."), std::string::npos);
  for (const auto& r : rows) {
    EXPECT_NE(out.find(r.finding.subject), std::string::npos) << r.finding.subject;
    EXPECT_NE(out.find(r.finding.detail), std::string::npos) << r.finding.detail;
  }
}

TEST(FindingsTable, ColouredOutputAlignsOnceColoursAreRemoved) {
  std::string out = render(testing::sample_rows(), {.width = 120, .color = true});
  EXPECT_NE(out.find("\x1b[1;31mcritical\x1b[0m"), std::string::npos);
  EXPECT_NE(out.find("\x1b[33mwarning\x1b[0m"), std::string::npos);
  expect_aligned(strip_own_colors(out), 120);
}

TEST(FindingsTable, NoColourWhenNotAsked) {
  EXPECT_EQ(render(testing::sample_rows()).find('\x1b'), std::string::npos);
}

TEST(FindingsTable, EscapeSequencesFromPagesNeverReachTheTerminal) {
  auto rows = testing::sample_rows();
  rows[0].finding.detail = "\x1b]0;pwned\x07\x1b[2J\x1b[31mred";
  rows[1].finding.subject = "http://x.example/\u009b2J\u202Eexe.txt";
  rows[2].finding.page = "http://x.example/\r\n\x1b[A";
  std::string plain = render(rows);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_EQ(plain.find('\x07'), std::string::npos);
  EXPECT_EQ(plain.find('\r'), std::string::npos);
  EXPECT_EQ(plain.find("\u009b"), std::string::npos);
  EXPECT_EQ(plain.find("\u202E"), std::string::npos);
  EXPECT_NE(plain.find("]0;pwned[2J[31mred"), std::string::npos);
  // With colour on, the only escapes left are our own.
  std::string coloured = strip_own_colors(render(rows, {.color = true}));
  EXPECT_EQ(coloured.find('\x1b'), std::string::npos);
}

TEST(FindingsTable, GroupsBySiteMostSevereFirst) {
  std::vector<std::string> lines = lines_of(render(testing::sample_rows(), {.width = 240}));
  std::vector<std::string> seen;
  for (const std::string& line : lines) {
    if (line.ends_with("findings") || line.ends_with("finding")) seen.push_back(line);
    if (is_finding(line)) {
      std::string severity = line.substr(2, line.find(' ', 2) - 2);
      std::size_t code_at = line.find_first_not_of(' ', 2 + severity.size());
      seen.push_back(severity + " " + line.substr(code_at, line.find(' ', code_at) - code_at));
    }
  }
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "hb-jtt: 6 findings",
                      "critical FRESH-HOME",
                      "error COLUMN-MISSING",
                      "error FRESH-COLUMN",
                      "error LINK-BROKEN",
                      "warning LINK-UNAPPROVED",
                      "info META-MISSING",
                      "js-jtt: 4 findings",
                      "critical SEC-DARKLINK",
                      "error INTERACT-BROKEN",
                      "warning AVAIL-SLOW",
                      "warning ID-MISSING",
                      "xz-jtt: 2 findings",
                      "error LINK-TIMEOUT",
                      "warning SEC-NO-HTTPS",
                  }));
}

TEST(FindingsTable, HeaderAndTotalsLines) {
  std::vector<std::string> lines = lines_of(render(testing::sample_rows()));
  ASSERT_FALSE(lines.empty());
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0], "Run 7  2026-11-25T02:00:03Z to 2026-11-25T02:41:10Z (41m 07s)");
  EXPECT_EQ(lines[1], "3 sites, 1840 pages, 9211 links checked");
  EXPECT_EQ(lines.back(), "12 findings: 2 critical, 5 error, 4 warning, 1 info");
}

TEST(FindingsTable, TotalsMentionResolvedRows) {
  auto rows = testing::sample_rows();
  rows[0].status = "resolved";
  rows[4].status = "resolved";
  std::vector<std::string> lines = lines_of(render(rows));
  EXPECT_EQ(lines.back(), "12 findings: 2 critical, 5 error, 4 warning, 1 info (2 resolved)");
}

TEST(FindingsTable, EmptyRunAndUnfinishedRun) {
  store::RunInfo run = testing::sample_run();
  EXPECT_EQ(render({}, {}, run),
            "Run 7  2026-11-25T02:00:03Z to 2026-11-25T02:41:10Z (41m 07s)\n"
            "3 sites, 1840 pages, 9211 links checked\n"
            "\n"
            "No findings.\n"
            "\n"
            "0 findings: 0 critical, 0 error, 0 warning, 0 info\n");
  run.status = "aborted";
  run.finished_at = "";
  EXPECT_EQ(lines_of(render({}, {}, run)).front(), "Run 7 (aborted)  started 2026-11-25T02:00:03Z");
}

// A pipe, a file or --wide: nothing is cut, whatever the width, and the columns still line up
// (each as wide as its longest cell).
TEST(FindingsTable, UntruncatedTableIsWholeAtAnyWidth) {
  const auto rows = testing::sample_rows();
  std::string out = render(rows, {.width = 60, .truncate = false});
  EXPECT_EQ(out.find("..."), std::string::npos) << out;
  for (const auto& r : rows) {
    EXPECT_NE(out.find(r.finding.subject), std::string::npos) << r.finding.subject;
    EXPECT_NE(out.find(r.finding.page), std::string::npos) << r.finding.page;
    EXPECT_NE(out.find(r.finding.detail), std::string::npos) << r.finding.detail;
  }
  int longest = 0;
  for (const auto& line : lines_of(out)) longest = std::max(longest, display_width(line));
  expect_aligned(out, longest);
}

TEST(FindingsTable, NamesTheEarlierRunsSomeSitesComeFrom) {
  store::PeriodRun earlier;
  earlier.info.id = 5;
  earlier.info.started_at = "2026-11-20T02:00:03Z";
  earlier.sites = {"hb-jtt", "xz-jtt"};
  std::vector<std::string> lines =
      lines_of(render(testing::sample_rows(), {.earlier_runs = {earlier}}));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[1], "3 sites, 1840 pages, 9211 links checked");
  EXPECT_EQ(lines[2], "Earlier runs: run 5 (2026-11-20T02:00:03Z) for hb-jtt, xz-jtt");
  EXPECT_EQ(lines[3], "");
}

TEST(FindingsTable, TinyWidthKeepsHeadingsAndTotals) {
  std::vector<std::string> lines = lines_of(render(testing::sample_rows(), {.width = 0}));
  EXPECT_NE(std::find(lines.begin(), lines.end(), "hb-jtt: 6 findings"), lines.end());
  EXPECT_EQ(lines.back(), "12 findings: 2 critical, 5 error, 4 warning, 1 info");
}

// The reported failure: a detail cut to its column ("首页最新信息发布于..."); now wrapped.
TEST(FindingsTable, SmallTableAsAUserSeesIt) {
  const auto all = testing::sample_rows();
  std::vector<store::FindingRow> rows{all[0], all[2], all[1]};
  EXPECT_EQ(
      render(rows, {.width = 100}),
      "Run 7  2026-11-25T02:00:03Z to 2026-11-25T02:41:10Z (41m 07s)\n"
      "3 sites, 1840 pages, 9211 links checked\n"
      "\n"
      "hb-jtt: 2 findings\n"
      "  SEVERITY  CODE         STATUS  SUBJECT                PAGE                   DETAIL\n"
      "  critical  FRESH-HOME   open    www.site.example/      www.site.example/      "
      "首页最新信息发布于\n"
      "                                                                               "
      "2026-10-01，已 55 天\n"
      "                                                                               "
      "未更新\n"
      "  error     LINK-BROKEN  new     www.site....les/a.pdf  www.site....1/t1.html  "
      "HTTP 404\n"
      "\n"
      "js-jtt: 1 finding\n"
      "  SEVERITY  CODE         STATUS  SUBJECT                PAGE                   DETAIL\n"
      "  warning   ID-MISSING   open    icp                    jtt.js.example/        "
      "页脚缺少ICP备案号\n"
      "\n"
      "3 findings: 1 critical, 1 error, 1 warning, 0 info\n");
}

// The reported failure: every subject and page spelt "https://host/...", the host eating
// the column, and the site known only by its id. With the configured sites: the heading
// names the site and its origin, URLs on it are paths, others stay whole.
TEST(FindingsTable, SubjectsAndPagesRelativeToTheNamedSite) {
  const auto all = testing::sample_rows();
  std::vector<store::FindingRow> rows{all[0], all[2], all[1]};
  rows[1].finding.subject = "https://cdn.other.example/lib.js";
  TableOptions options{.width = 160};
  options.sites = {{"hb-jtt", "湖北省交通运输厅", rows[0].finding.page}};
  const std::string out = render(rows, options);
  const std::vector<std::string> lines = lines_of(out);
  ASSERT_GE(lines.size(), 7u) << out;
  EXPECT_EQ(lines[3], "湖北省交通运输厅 (hb-jtt), http://www.site.example: 2 findings") << out;
  EXPECT_NE(out.find("  /files/a.pdf  "), std::string::npos) << out;
  EXPECT_NE(out.find("  /tzgg/2026/11/t1.html  "), std::string::npos) << out;
  EXPECT_NE(out.find("  https://cdn.other.example/lib.js  "), std::string::npos) << out;
  EXPECT_EQ(out.find("www.site.example/"), std::string::npos) << out;
  // A site not configured keeps its id and its URLs whole.
  EXPECT_NE(out.find("\njs-jtt: 1 finding\n"), std::string::npos) << out;
  EXPECT_NE(out.find("jtt.js.example/"), std::string::npos) << out;
}

}  // namespace
}  // namespace sitepatrol::reports

namespace sitepatrol::reports {
namespace {

// Issue 14: the table's details are English by default, and Chinese when asked.
TEST(FindingsTable, DetailsInTheLanguageAsked) {
  store::FindingRow row;
  row.finding = {"hb-jtt",
                 "FRESH-HOME",
                 checks::Severity::critical,
                 "http://www.site.example/",
                 "http://www.site.example/",
                 "homepage not updated: newest entry 2025-08-12 is 479 days old (limit 365 days)"};
  row.finding.detail_code = "fresh.home_stale";
  row.finding.detail_args = {{"newest", "2025-08-12"}, {"age_days", "479"}, {"limit_days", "365"}};
  row.status = "open";
  TableOptions options;
  options.truncate = false;
  EXPECT_NE(render({row}, options).find(row.finding.detail), std::string::npos);
  options.detail_lang = Lang::zh;
  EXPECT_NE(render({row}, options)
                .find("首页最新信息发布于2025年8月12日，已479天未更新（要求365天内更新）"),
            std::string::npos);
}

}  // namespace
}  // namespace sitepatrol::reports
