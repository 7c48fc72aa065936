// `sitepatrol config check` as the IT staff read it (issue 14): the alert channels and the
// schedule are listed, Chinese site names line up by display width, a database in a folder
// that does not exist is refused (exit 2, file, line and key), and a site's mistakes name
// the site by its id. The real binary, in a pipe and on a terminal.
#include <gtest/gtest.h>

#include <sstream>

#include "reports/terminal_width.h"
#include "tests/integration/patrol_harness.h"
#include "tests/support/pty_process.h"

namespace sitepatrol::integration {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

constexpr std::string_view kConfig =
    "[patrol]\n"
    "database = \"patrol.db\"\n"
    "\n"
    "[[site]]\n"
    "id = \"hb-jtt\"\n"
    "name = \"湖北省交通运输厅\"\n"
    "url = \"http://jtt.hubei.example/\"\n"
    "\n"
    "[[site]]\n"
    "id = \"msa\"\n"
    "name = \"海事局\"\n"
    "url = \"http://www.msa.example/\"\n"
    "\n"
    "[[site]]\n"
    "id = \"ascii-site\"\n"
    "name = \"Port Authority\"\n"
    "url = \"http://port.example/\"\n"
    "\n"
    "[schedule]\n"
    "patrol = \"30 1 * * *\"\n"
    "probe_interval = \"10m\"\n"
    "\n"
    "[[alert]]\n"
    "name = \"ops-robot\"\n"
    "kind = \"dingtalk\"\n"
    "url = \"https://oapi.dingtalk.example/robot/send?access_token=SECRET\"\n"
    "events = [\"site_down\", \"site_up\"]\n"
    "\n"
    "[[alert]]\n"
    "name = \"mail\"\n"
    "kind = \"email\"\n"
    "smtp_url = \"smtp://mail.example:587\"\n"
    "from = \"patrol@example.org\"\n"
    "to = [\"ops@example.org\"]\n"
    "sites = [\"hb-jtt\"]\n";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The display column where `part` starts on `line`.
int column_of(const std::string& line, std::string_view part) {
  return reports::display_width(line.substr(0, line.find(part)));
}

void expect_config_listed(const std::string& out) {
  EXPECT_TRUE(contains(out, "3 sites:")) << out;
  // Names aligned: the URLs start in one display column, whatever the names' scripts.
  std::vector<int> url_columns;
  for (const auto& line : lines_of(out))
    for (const char* url :
         {"http://jtt.hubei.example/", "http://www.msa.example/", "http://port.example/"})
      if (contains(line, url)) url_columns.push_back(column_of(line, url));
  ASSERT_EQ(url_columns.size(), 3u) << out;
  EXPECT_EQ(url_columns[0], url_columns[1]) << out;
  EXPECT_EQ(url_columns[0], url_columns[2]) << out;

  EXPECT_TRUE(contains(out, "patrol 30 1 * * *")) << out;
  EXPECT_TRUE(contains(out, "probe every 10 min")) << out;
  EXPECT_TRUE(contains(out, "2 alert channels:")) << out;
  EXPECT_TRUE(contains(out, "ops-robot  dingtalk  https://oapi.dingtalk.example/robot/send"))
      << out;
  EXPECT_TRUE(contains(out, "events: site_down, site_up")) << out;
  EXPECT_TRUE(contains(out, "to ops@example.org")) << out;
  EXPECT_TRUE(contains(out, "sites: hb-jtt")) << out;
  EXPECT_FALSE(contains(out, "SECRET")) << "a robot's token is not printed\n" << out;
}

TEST(ConfigCheck, ListsSitesAlignedAndTheScheduleAndAlertChannels) {
  Patrol patrol;
  const auto file = patrol.dir().write_file("sites.toml", std::string(kConfig));
  const ProcessResult piped = patrol.run({"config", "check", "-c", file.string()});
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  expect_config_listed(piped.out);

  const ProcessResult shown = testsupport::run_on_terminal(
      {testsupport::sitepatrol_binary(), "config", "check", "-c", file.string()}, {}, {100, 40});
  ASSERT_EQ(shown.exit_code, 0) << shown.out;
  expect_config_listed(shown.out);
}

TEST(ConfigCheck, WithoutAlertChannelsSaysSo) {
  Patrol patrol;
  patrol.add_site("site", "http://www.site.example/");
  const ProcessResult r = patrol.run({"config", "check", "-c", patrol.write_config().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "alert channels: none")) << r.out;
  EXPECT_TRUE(contains(r.out, "patrol 0 2 * * *")) << r.out;
}

TEST(ConfigCheck, ADatabaseInAFolderThatDoesNotExistIsRefused) {
  Patrol patrol;
  const auto file = patrol.dir().write_file("sites.toml",
                                            "[patrol]\n"
                                            "timeout_s = 5\n"
                                            "database = \"no-such-folder/patrol.db\"\n"
                                            "\n"
                                            "[[site]]\n"
                                            "id = \"site\"\n"
                                            "url = \"http://www.site.example/\"\n");
  const ProcessResult r = patrol.run({"config", "check", "-c", file.string()});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(contains(r.err, file.string() + ":3:")) << r.err;
  EXPECT_TRUE(contains(r.err, "patrol.database")) << r.err;
  EXPECT_TRUE(contains(r.err, "no-such-folder")) << r.err;
  EXPECT_TRUE(contains(r.err, "does not exist")) << r.err;
  EXPECT_FALSE(contains(r.out, ": OK")) << r.out;
}

TEST(ConfigCheck, ASiteMistakeNamesTheSiteById) {
  Patrol patrol;
  const auto file = patrol.dir().write_file("sites.toml",
                                            "[patrol]\n"
                                            "database = \"patrol.db\"\n"
                                            "\n"
                                            "[[site]]\n"
                                            "id = \"msa\"\n"
                                            "url = \"http://www.msa.example/\"\n"
                                            "\n"
                                            "[[site]]\n"
                                            "id = \"hb-jtt\"\n"
                                            "url = \"http://jtt.hubei.example/\"\n"
                                            "category = \"provincal\"\n");
  const ProcessResult r = patrol.run({"config", "check", "-c", file.string()});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(contains(r.err, file.string() + ":11:")) << r.err;
  EXPECT_TRUE(contains(r.err, "site 'hb-jtt'.category")) << r.err;
  EXPECT_FALSE(contains(r.err, "site[2]")) << r.err;
}

}  // namespace
}  // namespace sitepatrol::integration
