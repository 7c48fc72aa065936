// What the end-to-end report tests share: a folder with a configuration file naming the four
// sites of tests/reports/report_fixture.h and a database filled by that fixture, and a way to
// run `sitepatrol report` on it. Header-only; one test thread.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/reports/report_fixture.h"
#include "tests/support/run_process.h"
#include "tests/support/temp_dir.h"

namespace sitepatrol::integration {

class ReportSetup {
 public:
  // `database`: a postgresql:// URI, or empty for report.db beside the configuration.
  explicit ReportSetup(const std::string& database = "") {
    config_ = dir_.write_file("sites.toml", R"([patrol]
database = ")" + (database.empty() ? std::string("report.db") : database) +
                                                R"("

[[site]]
id = "hb-jtt"
name = "湖北省交通运输厅"
url = "http://jtt.hb.example/"
category = "local"
unit = "地方交通运输主管部门"
baseline_disclosure = 0.60
  [[site.column]]
  name = "栏目1"
  url = "http://jtt.hb.example/col1/"
  class = "news"
  [[site.column]]
  name = "栏目2"
  url = "http://jtt.hb.example/col2/"
  class = "notice"
  [[site.column]]
  name = "栏目3"
  url = "http://jtt.hb.example/col3/"
  class = "policy"
  [[site.column]]
  name = "栏目4"
  url = "http://jtt.hb.example/col4/"
  class = "news"
  [[site.column]]
  name = "栏目5"
  url = "http://jtt.hb.example/col5/"
  class = "notice"

[[site]]
id = "js-jtt"
name = "江苏省交通运输厅"
url = "http://jtt.js.example/"
category = "local"
unit = "地方交通运输主管部门"

[[site]]
id = "cj-msa"
name = "长江海事局"
url = "https://www.cjmsa.example/"
category = "maritime"
unit = "直属海事机构"

[[site]]
id = "kys"
name = "交通运输部科学研究院"
url = "http://www.kys.example/"
category = "ministry_unit"
unit = "部属有关单位"
)");
    auto store = store::open_store(database.empty() ? (dir_ / "report.db").string() : database);
    if (!store) throw std::runtime_error(store.error().message);
    reports::testing::fill_store(**store);
  }

  const testsupport::TempDir& dir() const { return dir_; }
  std::string config() const { return config_.string(); }

  // `sitepatrol report -c sites.toml ARGS...` with a fixed SOURCE_DATE_EPOCH.
  testsupport::ProcessResult report(std::vector<std::string> args) const {
    std::vector<std::string> argv = {testsupport::sitepatrol_binary(), "report", "-c", config()};
    argv.insert(argv.end(), args.begin(), args.end());
    testsupport::ProcessOptions options;
    options.env = {{"SOURCE_DATE_EPOCH", "1796112000"}};  // 2026-12-01T08:00:00Z
    return testsupport::run_process(argv, options);
  }

 private:
  testsupport::TempDir dir_{"sitepatrol-report"};
  std::filesystem::path config_;
};

}  // namespace sitepatrol::integration
