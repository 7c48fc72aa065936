// What `crawl` shows its user, end to end with real processes: the summary's line per site
// and the sites that were down, in a pipe; the progress line and the log sharing a terminal
// without a log line glued onto the progress line; Ctrl-C said once; the real duration of a
// run judged --as-of an earlier time; and the log file of the README's cron line
// (`--quiet --log-file`), which gets a line per run and per site.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/integration/patrol_harness.h"
#include "tests/support/pty_process.h"

namespace sitepatrol::integration {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

int count(const std::string& text, std::string_view part) {
  int n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// The lines a terminal ends up showing: "\r" returns to the line's start, "\033[K" erases
// from there to its end, other bytes overwrite.
std::vector<std::string> screen_lines(const std::string& raw) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t cursor = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\n') {
      lines.push_back(line);
      line.clear();
      cursor = 0;
    } else if (c == '\r') {
      cursor = 0;
    } else if (raw.compare(i, 3, "\033[K") == 0) {
      line.resize(std::min(line.size(), cursor));
      i += 2;
    } else {
      if (cursor < line.size())
        line[cursor] = c;
      else
        line += c;
      ++cursor;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// Two sites: "hb-jtt" answers with a broken link, "js-jtt" is down (503).
struct TwoSites {
  FixtureServer up, down;
  Patrol patrol;
  TwoSites() {
    up.page("/", html("<a href=\"/files/missing.pdf\">附件</a>"));
    down.status("/", 503);
    patrol.resolve("www.hb.example", up.port());
    patrol.resolve("www.js.example", down.port());
    patrol.add_site("hb-jtt", site_url("www.hb.example", up.port()), "name = \"湖北省交通运输厅\"");
    patrol.add_site("js-jtt", site_url("www.js.example", down.port()),
                    "name = \"江苏省交通运输厅\"");
  }
};

TEST(CrawlOutput, SummaryHasALinePerSiteAndNamesTheSitesThatWereDown) {
  TwoSites sites;
  const ProcessResult r = sites.patrol.crawl();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = screen_lines(r.err);
  auto line_of = [&](std::string_view id) {
    for (const auto& l : lines)
      if (l.starts_with("  " + std::string(id))) return l;
    return std::string();
  };
  const std::string hb = line_of("hb-jtt"), js = line_of("js-jtt");
  EXPECT_TRUE(contains(hb, "湖北省交通运输厅") && contains(hb, "1 page") && contains(hb, "finding"))
      << r.err;
  EXPECT_FALSE(contains(hb, "down")) << hb;
  EXPECT_TRUE(contains(js, "江苏省交通运输厅") && contains(js, "down: HTTP 503")) << r.err;
  EXPECT_TRUE(contains(r.err, "\nDown: js-jtt (HTTP 503)\n")) << r.err;
}

TEST(CrawlOutput, QuietWithALogFileLogsTheRunAndEachSite) {
  TwoSites sites;
  const auto log = sites.patrol.dir() / "patrol.log";
  const ProcessResult r = sites.patrol.crawl({"--quiet", "--log-file", log.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  const std::string logged = text.str();
  EXPECT_TRUE(contains(logged, "patrol of 2 site(s) started")) << logged;
  EXPECT_TRUE(contains(logged, "hb-jtt: patrol done, 1 pages")) << logged;
  EXPECT_TRUE(contains(logged, "js-jtt: patrol done, 0 pages")) << logged;
  EXPECT_TRUE(contains(logged, "(down: HTTP 503)")) << logged;
  EXPECT_TRUE(contains(logged, "Run 1 finished in")) << logged;
  EXPECT_TRUE(contains(logged, "Down: js-jtt (HTTP 503).")) << logged;
}

TEST(CrawlOutput, AsOfRunsSayHowLongTheyReallyTook) {
  FixtureServer server;
  server.slow("/", 2500, html("<p>首页</p>"));
  Patrol patrol(server);
  const ProcessResult r = patrol.crawl({"--as-of", "2026-11-25T02:00:00Z"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The run is stored as of 02:00:00 start and end; it took at least the page's 2.5 s.
  EXPECT_FALSE(contains(r.err, "finished in 0s")) << r.err;
  EXPECT_FALSE(contains(r.err, "finished in 1s")) << r.err;
  EXPECT_TRUE(contains(r.err, "finished in ")) << r.err;
}

testsupport::ProcessOptions terminal_options(const Patrol& patrol) {
  testsupport::ProcessOptions options;
  options.working_dir = patrol.dir().path();
  options.env = {{"NO_COLOR", "1"}};
  options.timeout = std::chrono::seconds(60);
  return options;
}

TEST(CrawlOutput, LogLinesNeverRunIntoTheProgressLine) {
  FixtureServer server;
  server.page("/", html("<a href=\"/wait.html\">等待</a>"));
  server.hang("/wait.html");
  Patrol patrol(server);
  patrol.set("max_run_time", "\"2s\"");  // logs a warning while the progress line is shown
  patrol.set("timeout_s", "30");
  const auto config = patrol.write_config();
  const ProcessResult r = testsupport::run_on_terminal(
      {testsupport::sitepatrol_binary(), "crawl", "-c", config.string()}, terminal_options(patrol),
      {160, 24});
  ASSERT_FALSE(r.timed_out) << r.out;
  ASSERT_TRUE(contains(r.out, "sites 0/1")) << "no progress line was drawn:\n" << r.out;
  bool warned = false;
  for (const auto& line : screen_lines(r.out)) {
    if (!contains(line, "max_run_time")) continue;
    warned = true;
    EXPECT_FALSE(contains(line, "sites ")) << "log line glued to the progress line: " << line;
  }
  EXPECT_TRUE(warned) << r.out;
}

TEST(CrawlOutput, CtrlCIsSaidOnce) {
  FixtureServer server;
  server.page("/", html("<a href=\"/wait.html\">等待</a>"));
  server.hang("/wait.html");
  Patrol patrol(server);
  patrol.set("timeout_s", "30");
  const auto config = patrol.write_config();
  const ProcessResult r = testsupport::run_on_terminal(
      {testsupport::sitepatrol_binary(), "crawl", "-c", config.string()}, terminal_options(patrol),
      {160, 24}, "sites 0/1");
  ASSERT_FALSE(r.timed_out) << r.out;
  EXPECT_EQ(r.exit_code, 130) << r.out;
  EXPECT_EQ(count(r.out, "interrupted"), 1) << r.out;
  EXPECT_EQ(count(r.out, "cancelled"), 0) << r.out;
  for (const auto& line : screen_lines(r.out)) {
    if (contains(line, "interrupted")) {
      EXPECT_TRUE(line.starts_with("sitepatrol: patrol interrupted") ||
                  line.starts_with("^Csitepatrol: patrol interrupted"))
          << "glued: " << line;
    }
  }
}

}  // namespace
}  // namespace sitepatrol::integration
