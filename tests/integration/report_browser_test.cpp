// The HTML reports in a real browser: headless Chromium (Debian's `chromium`, installed by
// deploy/install-deps.sh) renders each report to a PNG with no console message at all (the
// reports carry no script, so any message is an error: a script that got in, a resource that
// failed), and the DOM it builds holds the SVG charts. Chromium missing is a failure, not a
// skip: the set-up installs it.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "tests/integration/report_setup.h"

namespace sitepatrol::integration {
namespace {

using testsupport::ProcessResult;

std::string chromium_binary() {
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (std::filesystem::exists(p)) return p;
  }
  return {};
}

ProcessResult chromium(const testsupport::TempDir& dir, std::vector<std::string> args) {
  std::vector<std::string> argv = {chromium_binary(),
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--user-data-dir=" + (dir / "chromium").string(),
                                   "--enable-logging=stderr",
                                   "--v=0"};
  argv.insert(argv.end(), args.begin(), args.end());
  testsupport::ProcessOptions options;
  options.env = {{"HOME", dir.path().string()}};
  options.timeout = std::chrono::seconds(90);
  return testsupport::run_process(argv, options);
}

// The console lines Chromium logs for the page (console.*, uncaught errors, failed loads).
std::vector<std::string> console_lines(const std::string& err) {
  std::vector<std::string> out;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    if (line.find(":CONSOLE") != std::string::npos) out.push_back(line);
  }
  return out;
}

class ReportBrowser : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(chromium_binary().empty())
        << "chromium is not installed; run deploy/install-deps.sh (it installs `chromium`)";
  }

  // Renders `html` to a PNG and dumps its DOM; checks the PNG and the console.
  std::string render(const std::filesystem::path& html) {
    const auto png = setup_.dir() / (html.stem().string() + ".png");
    const std::string url = "file://" + html.string();
    auto shot =
        chromium(setup_.dir(), {"--window-size=1240,1754", "--screenshot=" + png.string(), url});
    EXPECT_EQ(shot.exit_code, 0) << shot.err;
    EXPECT_EQ(console_lines(shot.err), std::vector<std::string>{}) << "console output";
    std::ifstream in(png, std::ios::binary);
    std::string head(8, '\0');
    in.read(head.data(), 8);
    EXPECT_EQ(head, "\x89PNG\r\n\x1a\n") << png;
    EXPECT_GT(std::filesystem::file_size(png), 20'000u) << "an almost empty screenshot";
    auto dom = chromium(setup_.dir(), {"--dump-dom", url});
    EXPECT_EQ(dom.exit_code, 0) << dom.err;
    EXPECT_EQ(console_lines(dom.err), std::vector<std::string>{});
    return dom.out;
  }

  // The report laid out at A4's width (794 CSS px at 96 dpi) with a script appended that
  // measures what a reader would see: the page wider than the paper, a finding code or a
  // severity pushed out of its cell. Returns those problems, one a line ("" when none), and
  // how many code spans were measured.
  std::pair<std::string, int> layout_problems(const std::filesystem::path& html) {
    std::ifstream in(html);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text += R"(<script>
const out = [];
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > width)
  out.push('page ' + document.documentElement.scrollWidth + 'px wide, paper ' + width);
for (const e of document.querySelectorAll('body *')) {  // the outermost elements too wide
  const wide = (x) => x && x.getBoundingClientRect().right > width + 0.5;
  if (wide(e) && !wide(e.parentElement))
    out.push('too wide: <' + e.tagName.toLowerCase() + ' class="' + e.className + '"> ' +
             e.textContent.slice(0, 80));
}
const codes = document.querySelectorAll('.nb');
for (const e of document.querySelectorAll('.nb, td.sev')) {
  const cell = e.closest('td, th') || e;
  const r = e.getBoundingClientRect(), c = cell.getBoundingClientRect();
  if (e.getClientRects().length > 1 || r.right > c.right + 0.5 || e.scrollWidth > e.clientWidth + 0.5)
    out.push('squeezed: ' + e.textContent);
}
const pre = document.createElement('pre');
pre.id = 'layout';
pre.textContent = 'codes=' + codes.length + '\n' + out.join('\n');
document.body.appendChild(pre);
</script>)";
    const auto probe = setup_.dir().write_file(html.stem().string() + "-layout.html", text);
    auto dom = chromium(setup_.dir(),
                        {"--window-size=794,1123", "--dump-dom", "file://" + probe.string()});
    EXPECT_EQ(dom.exit_code, 0) << dom.err;
    std::smatch m;
    static const std::regex kLayout(R"(<pre id="layout">codes=(\d+)\n?([\s\S]*?)</pre>)");
    if (!std::regex_search(dom.out, m, kLayout)) {
      ADD_FAILURE() << "the layout script did not run:\n" << dom.err;
      return {"", 0};
    }
    return {m[2].str(), std::stoi(m[1].str())};
  }

  // The report printed by Chromium to PDF: its page count (pdfinfo says A4), page 1 rendered
  // by pdftoppm, and the PDF's text (pdftotext).
  std::pair<int, std::string> print(const std::filesystem::path& html) {
    const auto pdf = setup_.dir() / (html.stem().string() + ".pdf");
    auto printed = chromium(setup_.dir(), {"--no-pdf-header-footer", "--print-to-pdf=" + pdf.string(),
                                           "file://" + html.string()});
    EXPECT_EQ(printed.exit_code, 0) << printed.err;
    const auto info = testsupport::run_process({"pdfinfo", pdf.string()});
    EXPECT_EQ(info.exit_code, 0) << info.err;
    EXPECT_NE(info.out.find("(A4)"), std::string::npos) << info.out;
    std::smatch m;
    static const std::regex kPages(R"(Pages:\s+(\d+))");
    const int pages = std::regex_search(info.out, m, kPages) ? std::stoi(m[1].str()) : 0;
    const auto png = setup_.dir() / (html.stem().string() + "-page1");
    const auto ppm = testsupport::run_process(
        {"pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf.string(),
         png.string()});
    EXPECT_EQ(ppm.exit_code, 0) << ppm.err;
    EXPECT_GT(std::filesystem::file_size(png.string() + ".png"), 10'000u) << "an empty page";
    const auto text = testsupport::run_process({"pdftotext", "-layout", pdf.string(), "-"});
    EXPECT_EQ(text.exit_code, 0) << text.err;
    return {pages, text.out};
  }

  ReportSetup setup_;
};

int count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST_F(ReportBrowser, TheConsoleCheckCatchesAScriptError) {
  // Guards the check itself: a page with a failing script must show up.
  const auto bad =
      setup_.dir().write_file("bad.html", "<p>x</p><script>undefined_function();</script>");
  auto r = chromium(setup_.dir(), {"--dump-dom", "file://" + bad.string()});
  EXPECT_EQ(console_lines(r.err).size(), 1u) << r.err;
}

TEST_F(ReportBrowser, MonthlyReportRendersWithItsCharts) {
  const auto html = setup_.dir() / "monthly.html";
  auto r = setup_.report({"--month", "2026-11", "-o", html.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string dom = render(html);
  for (const char* chart :
       {"availability", "index-disclosure", "index-service", "index-interaction", "trend-indices",
        "trend-findings", "findings-by-code-hb-jtt", "findings-by-code-js-jtt",
        "findings-by-code-cj-msa", "findings-by-code-kys"}) {
    EXPECT_NE(dom.find("data-chart=\"" + std::string(chart) + "\""), std::string::npos) << chart;
  }
  EXPECT_EQ(count(dom, "<svg"), 10);
  EXPECT_GT(count(dom, "<rect class=\"bar\""), 20);
  EXPECT_EQ(count(dom, "<script"), 0) << "the crawled <script> title must stay text";
  EXPECT_NE(dom.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST_F(ReportBrowser, SelfInspectionRendersWithItsCharts) {
  const auto html = setup_.dir() / "self.html";
  auto r = setup_.report({"--month", "2026-11", "--site", "js-jtt", "-o", html.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string dom = render(html);
  EXPECT_NE(dom.find("data-chart=\"findings-by-code-js-jtt\""), std::string::npos);
  EXPECT_NE(dom.find("data-chart=\"availability\""), std::string::npos);
  EXPECT_NE(dom.find("data-chart=\"trend-indices\""), std::string::npos);
  EXPECT_EQ(count(dom, "<script"), 0);
  for (const char* point : {"一、页面访问、栏目更新和内容准确情况", "二、服务功能和互动功能情况",
                            "三、应用系统及链接情况", "四、安全防护情况"}) {
    EXPECT_NE(dom.find(point), std::string::npos) << point;
  }
}

TEST_F(ReportBrowser, MonthlyNoticeFitsA4WithoutSqueezedCodes) {
  const auto html = setup_.dir() / "notice.html";
  auto r = setup_.report({"--month", "2026-11", "-o", html.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto [problems, codes] = layout_problems(html);
  EXPECT_GT(codes, 5) << "finding codes must have been measured";
  EXPECT_EQ(problems, "");
  const auto [pages, text] = print(html);
  EXPECT_GE(pages, 3);
  EXPECT_LE(pages, 40);
  EXPECT_NE(text.find("关于2026年11月政府网站检查情况的通报"), std::string::npos) << text;
}

TEST_F(ReportBrowser, SelfInspectionFitsA4InBothLanguages) {
  for (const std::string lang : {"zh", "en"}) {
    const auto html = setup_.dir() / ("self-" + lang + ".html");
    auto r = setup_.report(
        {"--month", "2026-11", "--site", "js-jtt", "--lang", lang, "-o", html.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto [problems, codes] = layout_problems(html);
    EXPECT_GT(codes, 0) << lang;
    EXPECT_EQ(problems, "") << lang;
    const auto [pages, text] = print(html);
    EXPECT_GE(pages, 2) << lang;
    EXPECT_LE(pages, 30) << lang;
    EXPECT_NE(text.find(lang == "zh" ? "自查报告" : "elf-inspection"), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace sitepatrol::integration
