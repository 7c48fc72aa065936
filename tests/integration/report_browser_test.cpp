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

}  // namespace
}  // namespace sitepatrol::integration
