#include "reports/findings_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/reports/fixture.h"

namespace sitepatrol::reports {
namespace {

using Json = nlohmann::ordered_json;

std::string render(const store::RunInfo& run, const std::vector<store::FindingRow>& rows) {
  std::ostringstream out;
  write_findings_json(out, run, rows);
  return out.str();
}

std::vector<std::string> keys_of(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

TEST(FindingsJson, RunObjectHasEveryContractKeyInOrder) {
  Json doc = Json::parse(render(testing::sample_run(), testing::sample_rows()));
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"run", "findings"}));
  const Json& run = doc["run"];
  EXPECT_EQ(keys_of(run), (std::vector<std::string>{"id", "started_at", "finished_at", "sites",
                                                    "pages", "links_checked", "status"}));
  EXPECT_EQ(run["id"], 7);
  EXPECT_EQ(run["started_at"], "2026-11-25T02:00:03Z");
  EXPECT_EQ(run["finished_at"], "2026-11-25T02:41:10Z");
  EXPECT_EQ(run["sites"], 3);
  EXPECT_EQ(run["pages"], 1840);
  EXPECT_EQ(run["links_checked"], 9211);
  EXPECT_EQ(run["status"], "finished");
  EXPECT_TRUE(run["id"].is_number_integer());
}

TEST(FindingsJson, EveryFindingMatchesItsRowKeyByKey) {
  const auto rows = testing::sample_rows();
  Json doc = Json::parse(render(testing::sample_run(), rows));
  const Json& findings = doc["findings"];
  ASSERT_TRUE(findings.is_array());
  ASSERT_EQ(findings.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE(i);
    const Json& f = findings[i];
    std::vector<std::string> keys = {"site",   "code",       "severity",  "subject",
                                     "page",   "detail",     "detail_code", "detail_args",
                                     "status", "first_seen", "last_seen", "verified"};
    // Link findings add the link's text and every page carrying it.
    if (rows[i].finding.code.starts_with("LINK-")) keys.insert(keys.end(), {"link_text", "carriers"});
    EXPECT_EQ(keys_of(f), keys);
    EXPECT_EQ(f["site"], rows[i].finding.site);
    EXPECT_EQ(f["code"], rows[i].finding.code);
    EXPECT_EQ(f["severity"], std::string(checks::to_string(rows[i].finding.severity)));
    EXPECT_EQ(f["subject"], rows[i].finding.subject);
    EXPECT_EQ(f["page"], rows[i].finding.page);
    EXPECT_EQ(f["detail"], rows[i].finding.detail);
    EXPECT_EQ(f["status"], rows[i].status);
    EXPECT_EQ(f["first_seen"], rows[i].first_seen);
    EXPECT_EQ(f["last_seen"], rows[i].last_seen);
    EXPECT_EQ(f["verified"], true);
  }
  EXPECT_EQ(findings[2]["severity"], "critical");
  EXPECT_EQ(findings[3]["severity"], "info");
}

TEST(FindingsJson, CarriedOverFindingSaysWhyItWasNotVerified) {
  auto rows = testing::sample_rows();
  rows[0].verified = false;
  rows[0].unverified = "page_failed";
  rows[0].unverified_detail = "HTTP 500";
  Json doc = Json::parse(render(testing::sample_run(), rows));
  const Json& f = doc["findings"][0];
  EXPECT_EQ(f["verified"], false);
  EXPECT_EQ(f["unverified"], (Json{{"reason", "page_failed"}, {"detail", "HTTP 500"}}));
  EXPECT_FALSE(doc["findings"][1].contains("unverified"));
}

// `findings` shows each site as its newest run left it: the rows may come from several runs,
// and each says which (after every other key, so no reader's keys move).
TEST(FindingsJson, RowsSayWhichRunTheyComeFrom) {
  auto rows = testing::sample_rows();
  rows[0].run = 5;
  rows[1].run = 7;
  rows[1].verified = false;
  rows[1].unverified = "site_down";
  Json doc = Json::parse(render(testing::sample_run(), rows));
  EXPECT_EQ(doc["findings"][0]["run"], 5);
  EXPECT_EQ(doc["findings"][1]["run"], 7);
  EXPECT_EQ(keys_of(doc["findings"][1]).back(), "run");
  EXPECT_FALSE(doc["findings"][2].contains("run"));  // a row that does not know its run
}

TEST(FindingsJson, ChineseIsWrittenUnescaped) {
  std::string out = render(testing::sample_run(), testing::sample_rows());
  EXPECT_NE(out.find("\"detail\": \"页脚缺少ICP备案号\""), std::string::npos);
  EXPECT_NE(out.find("http://jtt.xizang.example/ཞིབ་འཇུག/"), std::string::npos);
  EXPECT_EQ(out.find("\\u"), std::string::npos);
}

TEST(FindingsJson, TwoSpaceIndentAndFinalNewline) {
  std::string out = render(testing::sample_run(), testing::sample_rows());
  EXPECT_EQ(out.rfind("{\n  \"run\": {\n    \"id\": 7,\n    \"started_at\": ", 0), 0u) << out;
  EXPECT_TRUE(out.ends_with("\n  ]\n}\n")) << out;
}

TEST(FindingsJson, InvalidUtf8BecomesReplacementCharacterInsteadOfThrowing) {
  auto rows = testing::sample_rows();
  rows[0].finding.detail = "GBK \xB2\xE2\xCA\xD4 left undecoded";  // "测试" in GBK
  rows[1].finding.subject = "http://x.example/\xE6\xB9";           // cut mid-character
  rows[2].finding.page = "\xC0\xAF\xED\xA0\x80\xFF";               // overlong, surrogate, FF
  std::string out;
  ASSERT_NO_THROW(out = render(testing::sample_run(), rows));
  Json doc;
  ASSERT_NO_THROW(doc = Json::parse(out));
  std::string detail = doc["findings"][0]["detail"];
  EXPECT_EQ(detail.rfind("GBK ", 0), 0u);
  EXPECT_NE(detail.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
  EXPECT_NE(detail.find(" left undecoded"), std::string::npos);
  EXPECT_NE(doc["findings"][1]["subject"].get<std::string>().find("\xEF\xBF\xBD"),
            std::string::npos);
  EXPECT_NE(doc["findings"][2]["page"].get<std::string>().find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(FindingsJson, ControlCharactersFromPagesAreEscaped) {
  auto rows = testing::sample_rows();
  rows[0].finding.detail = "\x1b]0;owned\x07\x1b[2J";
  std::string out = render(testing::sample_run(), rows);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_EQ(Json::parse(out)["findings"][0]["detail"], rows[0].finding.detail);
}

TEST(FindingsJson, RunWithoutFinishTimeHasNullFinishedAt) {
  store::RunInfo run = testing::sample_run();
  run.finished_at = "";
  run.status = "aborted";
  Json doc = Json::parse(render(run, {}));
  EXPECT_TRUE(doc["run"]["finished_at"].is_null());
  EXPECT_EQ(doc["run"]["status"], "aborted");
  EXPECT_TRUE(doc["findings"].is_array());
  EXPECT_TRUE(doc["findings"].empty());
}

TEST(FindingsJson, EmptyPageStaysAString) {
  Json doc = Json::parse(render(testing::sample_run(), testing::sample_rows()));
  EXPECT_EQ(doc["findings"][7]["page"], "");
}

}  // namespace
}  // namespace sitepatrol::reports
