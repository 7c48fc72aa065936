// `sitepatrol crawl` as the IT staff who run it see it (issue 14): the summary's line per
// site and the sites that were down, the progress line on a terminal, Ctrl-C, the duration of
// an --as-of run, and the log file a cron job keeps with --quiet. Real processes, real
// loopback sites; the terminal is a pseudo-terminal.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "tests/integration/patrol_harness.h"
#include "tests/support/pty_process.h"

namespace sitepatrol::integration {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

int occurrences(const std::string& text, std::string_view part) {
  int n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// Two sites: hb-jtt answers (one broken link), hn-jtt's homepage answers 503.
struct UpAndDown {
  FixtureServer hb;
  FixtureServer hn;
  Patrol patrol;

  explicit UpAndDown(int hb_delay_ms = 0) {
    if (hb_delay_ms > 0)
      hb.slow("/", hb_delay_ms, html("<a href=\"/files/missing.pdf\">附件</a>"));
    else
      hb.page("/", html("<a href=\"/files/missing.pdf\">附件</a>"));
    hn.status("/", 503, "busy");
    patrol.resolve("www.hb-jtt.example", hb.port());
    patrol.resolve("www.hn-jtt.example", hn.port());
    patrol.add_site("hb-jtt", site_url("www.hb-jtt.example", hb.port()),
                    "name = \"湖北省交通运输厅\"");
    patrol.add_site("hn-jtt", site_url("www.hn-jtt.example", hn.port()),
                    "name = \"湖南省交通运输厅\"");
  }

  ProcessResult on_terminal(std::vector<std::string> extra,
                            testsupport::TerminalSignal send = {"", 0}) {
    std::vector<std::string> argv{testsupport::sitepatrol_binary(), "crawl", "-c",
                                  patrol.write_config().string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    testsupport::ProcessOptions options;
    options.env = {{"NO_COLOR", "1"}};
    options.unset_env = {"COLUMNS"};
    return testsupport::run_on_terminal(argv, options, {120, 24}, send);
  }
};

// The reported failure: one line for the whole run, nothing per site, a down site unnamed.
TEST(CrawlCli, SummaryHasALinePerSiteAndNamesTheDownSites) {
  UpAndDown sites;
  const ProcessResult crawl = sites.patrol.crawl();
  ASSERT_EQ(crawl.exit_code, 0) << crawl.err;
  EXPECT_TRUE(contains(crawl.err, "Run 1 finished in ")) << crawl.err;
  EXPECT_TRUE(contains(crawl.err, "\n  hb-jtt 湖北省交通运输厅: 1 page, 1 finding, ")) << crawl.err;
  EXPECT_TRUE(contains(crawl.err, "\n  hn-jtt 湖南省交通运输厅: DOWN (HTTP 503), ")) << crawl.err;
  EXPECT_TRUE(contains(crawl.err, "\nDown: hn-jtt (HTTP 503)\n")) << crawl.err;
}

// On a terminal the same summary, and while it runs a progress line naming the site.
TEST(CrawlCli, OnATerminalTheProgressLineNamesTheSiteBeingWalked) {
  UpAndDown sites(1500);
  const ProcessResult crawl = sites.on_terminal({});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.out;
  EXPECT_TRUE(contains(crawl.out, "crawling hb-jtt")) << crawl.out;
  EXPECT_TRUE(contains(crawl.out, "\n  hb-jtt 湖北省交通运输厅: 1 page, 1 finding, ")) << crawl.out;
  EXPECT_TRUE(contains(crawl.out, "\nDown: hn-jtt (HTTP 503)\n")) << crawl.out;
}

// What a terminal shows of each line: the text after its last carriage return.
std::vector<std::string> visible_lines(const std::string& out) {
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (auto cr = line.rfind('\r'); cr != std::string::npos) line = line.substr(cr + 1);
    lines.push_back(std::regex_replace(line, std::regex("\x1b\\[K"), ""));
  }
  return lines;
}

// The reported failure: Ctrl-C said "interrupted" twice (a log warning and the command's
// message), the warning glued onto the progress line.
TEST(CrawlCli, CtrlCSaysSoOnceAndNeverGluesALogLineOntoTheProgressLine) {
  for (const std::string level : {"warn", "info"}) {
    SCOPED_TRACE("--log-level " + level);
    FixtureServer slow;
    slow.slow("/", 30'000);
    Patrol patrol;
    patrol.resolve("www.slow.example", slow.port());
    patrol.add_site("slow", site_url("www.slow.example", slow.port()));
    std::vector<std::string> argv{
        testsupport::sitepatrol_binary(), "--log-level", level, "crawl", "-c",
        patrol.write_config().string()};
    testsupport::ProcessOptions options;
    options.env = {{"NO_COLOR", "1"}};
    const ProcessResult crawl =
        testsupport::run_on_terminal(argv, options, {120, 24}, {"pages/s", SIGINT});
    ASSERT_FALSE(crawl.timed_out) << crawl.out;
    EXPECT_EQ(crawl.exit_code, 130) << crawl.out;
    EXPECT_EQ(occurrences(crawl.out, "sitepatrol: patrol interrupted; run 1"), 1) << crawl.out;
    if (level == "warn") {
      EXPECT_EQ(occurrences(crawl.out, "unfinished"), 1) << crawl.out;
    }
    for (const std::string& line : visible_lines(crawl.out)) {
      const bool progress = contains(line, "pages/s");
      // A log line starts with its time; a message with "sitepatrol:".
      EXPECT_FALSE(progress && (std::regex_search(line, std::regex("\\d{4}-\\d\\d-\\d\\dT")) ||
                                contains(line, "sitepatrol:")))
          << "glued: " << line;
    }
    if (level == "info") {
      EXPECT_TRUE(contains(crawl.out, "patrol cancelled")) << crawl.out;
    }
  }
}

// The reported failure: a run with --as-of "finished in 0s", its recorded start and end
// both being the as-of time.
TEST(CrawlCli, AnAsOfRunReportsItsRealDuration) {
  UpAndDown sites(2200);
  const ProcessResult crawl = sites.patrol.crawl({"--as-of", "2026-11-25T02:00:00Z"});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(crawl.err, m, std::regex("Run 1 finished in (\\d+)s:")))
      << crawl.err;
  EXPECT_GE(std::stoi(m[1]), 2) << crawl.err;
  // The site's line too: its homepage alone took 2.2 s.
  ASSERT_TRUE(std::regex_search(crawl.err, m, std::regex("hb-jtt [^\\n]*, (\\d+)s\\n")))
      << crawl.err;
  EXPECT_GE(std::stoi(m[1]), 2) << crawl.err;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The reported failure: the README's cron line (`--quiet --log-file`) left the log empty.
TEST(CrawlCli, QuietWithALogFileRecordsEachRunAndEachSite) {
  UpAndDown sites;
  TempDir logs;
  const auto log = logs.path() / "patrol.log";
  const ProcessResult crawl = sites.patrol.run(
      {"--quiet", "--log-file", log.string(), "crawl", "-c", sites.patrol.write_config().string()});
  ASSERT_EQ(crawl.exit_code, 0) << crawl.err;
  EXPECT_EQ(crawl.err, "") << "quiet";
  const std::string text = read_text(log);
  EXPECT_EQ(occurrences(text, " info patrol started: 2 site(s)"), 1) << text;
  EXPECT_EQ(occurrences(text, " info Run 1 finished in "), 1) << text;
  EXPECT_TRUE(contains(text, " info site hb-jtt 湖北省交通运输厅: 1 page, 1 finding, ")) << text;
  EXPECT_TRUE(contains(text, " info site hn-jtt 湖南省交通运输厅: DOWN (HTTP 503), ")) << text;
}

}  // namespace
}  // namespace sitepatrol::integration
