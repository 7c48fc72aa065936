// `sitepatrol findings` as an IT officer uses it (issue 14): each site as its newest finished
// run left it, whatever run came after for other sites; an unknown --site named with the
// known ids; the table whole in a pipe and with --wide, cut to the width on a terminal.
// Real processes, a real database, real loopback sites; the terminal is a pseudo-terminal.
#include <gtest/gtest.h>

#include "reports/terminal_width.h"
#include "tests/integration/patrol_harness.h"
#include "tests/support/pty_process.h"

namespace sitepatrol::integration {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// Two sites, "hb-jtt" and "hn-jtt", each on a server of its own with one broken link on its
// homepage (the link's path is `long_path` for hb-jtt, when given).
struct TwoSites {
  FixtureServer hb;
  FixtureServer hn;
  Patrol patrol;
  std::string hb_link;
  std::string hn_link;

  explicit TwoSites(std::string long_path = "/files/hb-missing.pdf") {
    hb.page("/", html("<a href=\"" + long_path + "\">附件</a>"));
    hn.page("/", html("<a href=\"/files/hn-missing.pdf\">附件</a>"));
    patrol.resolve("www.hb-jtt.example", hb.port());
    patrol.resolve("www.hn-jtt.example", hn.port());
    patrol.add_site("hb-jtt", site_url("www.hb-jtt.example", hb.port()),
                    "name = \"湖北省交通运输厅\"");
    patrol.add_site("hn-jtt", site_url("www.hn-jtt.example", hn.port()),
                    "name = \"湖南省交通运输厅\"");
    hb_link = site_url("www.hb-jtt.example", hb.port(), long_path);
    hn_link = site_url("www.hn-jtt.example", hn.port(), "/files/hn-missing.pdf");
  }
  std::string config() const { return patrol.config_path().string(); }
  // `sitepatrol findings -c FILE EXTRA...` on a terminal `columns` wide.
  ProcessResult findings_on_terminal(unsigned short columns,
                                     std::vector<std::string> extra = {}) const {
    testsupport::ProcessOptions options;
    options.working_dir = patrol.dir() / "cwd";
    options.env = {{"NO_COLOR", "1"}};
    options.unset_env = {"COLUMNS"};
    std::vector<std::string> argv{testsupport::sitepatrol_binary(), "findings", "-c", config()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return testsupport::run_on_terminal(argv, options, {.columns = columns});
  }
  // The table's heading of each site: its name, id and origin.
  std::string hb_heading() const {
    return "湖北省交通运输厅 (hb-jtt), " + origin(site_url("www.hb-jtt.example", hb.port()));
  }
  std::string hn_heading() const {
    return "湖南省交通运输厅 (hn-jtt), " + origin(site_url("www.hn-jtt.example", hn.port()));
  }
  static std::string origin(std::string home) {
    home.pop_back();  // the trailing "/"
    return home;
  }
};

// A URL as the table shows it: its path when it is on the site's origin.
std::string as_shown(const std::string& url) {
  const auto path = url.find('/', url.find("://") + 3);
  if (path == std::string::npos) return "/";
  // Percent-encoded file names are shown as a reader reads them (these tests' are UTF-8).
  std::string shown;
  for (std::size_t i = path; i < url.size(); ++i) {
    if (url[i] == '%' && i + 2 < url.size()) {
      shown += static_cast<char>(std::stoi(url.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      shown += url[i];
    }
  }
  return shown;
}

// The reported failure: `crawl --site a` then `crawl --site b`, and `findings --site a`
// said "No findings." because it read only the last run, which never looked at a.
TEST(FindingsCli, EachSiteComesFromTheNewestRunThatCoveredIt) {
  TwoSites sites;
  ASSERT_EQ(sites.patrol.crawl({"--site", "hb-jtt"}).exit_code, 0);  // run 1
  ASSERT_EQ(sites.patrol.crawl({"--site", "hn-jtt"}).exit_code, 0);  // run 2

  const Findings hb = sites.patrol.findings({"--site", "hb-jtt"});
  ASSERT_EQ(hb.process.exit_code, 0) << hb.process.err;
  ASSERT_TRUE(hb.parse_error.empty()) << hb.parse_error << hb.process.out;
  ASSERT_TRUE(hb.find("LINK-BROKEN", sites.hb_link)) << hb.describe();
  EXPECT_EQ(hb.all.size(), 1u) << hb.describe();
  EXPECT_EQ(hb.run.value("id", 0), 1) << "the run hb-jtt's findings come from";
  EXPECT_EQ(nlohmann::json::parse(hb.process.out).at("findings").at(0).at("run"), 1);

  // Every site, each from its own newest run; the document's run is the newest of them.
  const Findings all = sites.patrol.findings();
  ASSERT_EQ(all.process.exit_code, 0) << all.process.err;
  EXPECT_TRUE(all.find("LINK-BROKEN", sites.hb_link)) << all.describe();
  EXPECT_TRUE(all.find("LINK-BROKEN", sites.hn_link)) << all.describe();
  EXPECT_EQ(all.run.value("id", 0), 2);
  const auto doc = nlohmann::json::parse(all.process.out);
  for (const auto& f : doc.at("findings"))
    EXPECT_EQ(f.at("run"), f.at("site") == "hb-jtt" ? 1 : 2) << f.dump();

  // The table a person reads says where hb-jtt's rows come from.
  const ProcessResult table = sites.patrol.run({"findings", "-c", sites.config()});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_TRUE(contains(table.out, "Run 2 ")) << table.out;
  EXPECT_TRUE(contains(table.out, "Earlier runs: run 1 (")) << table.out;
  EXPECT_TRUE(contains(table.out, ") for hb-jtt")) << table.out;
  EXPECT_TRUE(contains(table.out, sites.hb_heading() + ": 1 finding")) << table.out;
  EXPECT_TRUE(contains(table.out, sites.hn_heading() + ": 1 finding")) << table.out;
  const ProcessResult one = sites.patrol.run({"findings", "-c", sites.config(), "-s", "hb-jtt"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_FALSE(contains(one.out, "No findings.")) << one.out;
  EXPECT_TRUE(contains(one.out, "Run 1 ")) << one.out;

  // The CSV names the run each row comes from, then the link's text and the pages carrying it.
  const ProcessResult csv = sites.patrol.run({"findings", "-c", sites.config(), "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_TRUE(
      contains(csv.out, ",last_seen,unverified,run,link_text,carrier_count,carriers,review\r\n"))
      << csv.out;
  EXPECT_TRUE(contains(csv.out, "hb-jtt,LINK-BROKEN,error," + sites.hb_link)) << csv.out;
  EXPECT_TRUE(contains(csv.out, ",,1,附件,1,")) << csv.out;
  EXPECT_TRUE(contains(csv.out, ",,2,附件,1,")) << csv.out;

  // The database alone (no configuration) knows both sites too.
  const ProcessResult db =
      sites.patrol.run({"findings", "--db", sites.patrol.database_path().string(), "--site",
                        "hb-jtt", "--format", "json"});
  const Findings by_db = parse_findings(db);
  ASSERT_EQ(db.exit_code, 0) << db.err;
  EXPECT_TRUE(by_db.find("LINK-BROKEN", sites.hb_link)) << by_db.describe();

  // --run N is still run N alone: run 2 never looked at hb-jtt.
  const Findings run2 = sites.patrol.findings({"--run", "2"});
  ASSERT_EQ(run2.process.exit_code, 0) << run2.process.err;
  EXPECT_FALSE(run2.find("LINK-BROKEN", sites.hb_link)) << run2.describe();
  EXPECT_TRUE(run2.find("LINK-BROKEN", sites.hn_link)) << run2.describe();
}

// A later full patrol that finds the link fixed resolves it: the newest run wins.
TEST(FindingsCli, ANewerRunOfTheSiteReplacesWhatAnOlderOneFound) {
  TwoSites sites;
  ASSERT_EQ(sites.patrol.crawl({"--site", "hb-jtt"}).exit_code, 0);
  sites.hb.status("/files/hb-missing.pdf", 200, "%PDF-1.4");  // the file is put back
  ASSERT_EQ(sites.patrol.crawl().exit_code, 0);
  ASSERT_EQ(sites.patrol.crawl({"--site", "hn-jtt"}).exit_code, 0);
  const Findings hb = sites.patrol.findings({"--site", "hb-jtt"});
  ASSERT_EQ(hb.process.exit_code, 0) << hb.process.err;
  EXPECT_TRUE(hb.all.empty()) << hb.describe();
  EXPECT_EQ(hb.run.value("id", 0), 2);
  const Findings resolved = sites.patrol.findings({"--site", "hb-jtt", "--status", "resolved"});
  EXPECT_TRUE(resolved.find("LINK-BROKEN", sites.hb_link)) << resolved.describe();
}

TEST(FindingsCli, UnknownSiteExitsTwoAndListsTheKnownIds) {
  TwoSites sites;
  ASSERT_EQ(sites.patrol.crawl({"--site", "hb-jtt"}).exit_code, 0);

  const ProcessResult r = sites.patrol.run({"findings", "-c", sites.config(), "--site", "hb"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "no site 'hb'")) << r.err;
  EXPECT_TRUE(contains(r.err, "known sites: hb-jtt, hn-jtt")) << r.err;

  // Without a configuration, the ids the database has seen.
  const ProcessResult db =
      sites.patrol.run({"findings", "--db", sites.patrol.database_path().string(), "--site", "hb"});
  EXPECT_EQ(db.exit_code, 2);
  EXPECT_TRUE(contains(db.err, "known sites: hb-jtt")) << db.err;

  // `report` says it the same way.
  const ProcessResult report =
      sites.patrol.run({"report", "-c", sites.config(), "-m", "2026-11", "--site", "hb"});
  EXPECT_EQ(report.exit_code, 2);
  EXPECT_TRUE(contains(report.err, "known sites: hb-jtt, hn-jtt")) << report.err;

  // A configured site no run has patrolled yet is no error, but it is said.
  const ProcessResult never = sites.patrol.run({"findings", "-c", sites.config(), "-s", "hn-jtt"});
  EXPECT_EQ(never.exit_code, 0) << never.err;
  EXPECT_TRUE(contains(never.err, "no finished run has patrolled site 'hn-jtt' yet")) << never.err;
}

// A link path long enough that no 80-column table shows it whole.
std::string long_path() {
  return "/xxgk/zfxxgkml/2026/11/25/" + std::string(90, 'a') + "/附件-年度报告.pdf";
}

TEST(FindingsCli, APipeGetsEverySubjectPageAndDetailWhole) {
  TwoSites sites(long_path());
  ASSERT_EQ(sites.patrol.crawl().exit_code, 0);
  sites.patrol.env("COLUMNS", "60");  // what a terminal of 60 columns would get
  const ProcessResult r = sites.patrol.run({"findings", "-c", sites.config()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Findings f = sites.patrol.findings();
  auto link = f.with_code("LINK-BROKEN");
  ASSERT_EQ(link.size(), 2u) << f.describe();
  for (const auto& x : link) {
    EXPECT_TRUE(contains(r.out, "  " + as_shown(x.subject) + "  ")) << x.subject << "\n" << r.out;
    EXPECT_TRUE(contains(r.out, "  " + as_shown(x.page) + "  ")) << x.page << "\n" << r.out;
  }
  EXPECT_FALSE(contains(r.out, "...")) << r.out;
}

// What a person at an 80-column terminal sees: the table fits; with --wide it is whole.
TEST(FindingsCli, TerminalTableFitsItsWidthUnlessWide) {
  TwoSites sites(long_path());
  ASSERT_EQ(sites.patrol.crawl().exit_code, 0);
  const Findings f = sites.patrol.findings();
  std::string subject;  // hb-jtt's broken link, as stored (percent-encoded), shown decoded
  for (const auto& x : f.with_code("LINK-BROKEN"))
    if (x.site == "hb-jtt") subject = x.subject;
  ASSERT_GT(subject.size(), 100u) << f.describe();

  const ProcessResult fitted = sites.findings_on_terminal(80);
  ASSERT_EQ(fitted.exit_code, 0) << fitted.out;
  EXPECT_TRUE(contains(fitted.out, sites.hb_heading() + ": 1 finding")) << fitted.out;
  EXPECT_FALSE(contains(fitted.out, as_shown(subject))) << fitted.out;
  EXPECT_TRUE(contains(fitted.out, "...")) << fitted.out;
  std::size_t start = 0;
  for (std::size_t end; (end = fitted.out.find('\n', start)) != std::string::npos;
       start = end + 1) {
    const std::string line = fitted.out.substr(start, end - start);
    EXPECT_LE(reports::display_width(line), 80) << line;
  }

  const ProcessResult wide = sites.findings_on_terminal(80, {"--wide"});
  ASSERT_EQ(wide.exit_code, 0) << wide.out;
  EXPECT_TRUE(contains(wide.out, "  " + as_shown(subject) + "  ")) << wide.out;
  EXPECT_FALSE(contains(wide.out, "...")) << wide.out;
}

// The reported failure: on a terminal every subject and page read "http://www.hb-jtt...",
// cut in the middle, under a heading of the bare id. Now the heading names the site and its
// origin, and the rows show paths; in a pipe the same, whole.
TEST(FindingsCli, SubjectsAndPagesAreShownRelativeToTheNamedSite) {
  TwoSites sites;
  ASSERT_EQ(sites.patrol.crawl().exit_code, 0);
  const ProcessResult terminal = sites.findings_on_terminal(100);
  const ProcessResult pipe = sites.patrol.run({"findings", "-c", sites.config()});
  for (const ProcessResult& r : {terminal, pipe}) {
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(contains(r.out, "\n" + sites.hb_heading() + ": 1 finding\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "\n" + sites.hn_heading() + ": 1 finding\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "  /files/hb-missing.pdf  /  ")) << r.out;
    EXPECT_TRUE(contains(r.out, "  /files/hn-missing.pdf  /  ")) << r.out;
    EXPECT_FALSE(contains(r.out, "www.hb-jtt.example:" + std::to_string(sites.hb.port()) + "/"))
        << r.out;
  }
}

}  // namespace
}  // namespace sitepatrol::integration
