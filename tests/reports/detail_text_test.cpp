// A finding's detail in the reader's language (issue 14): every detail code the checks give
// has a Chinese and an English sentence, the Chinese one holds no English words, English is
// the checks' own text, and findings without a code keep their stored text.
#include "reports/detail_text.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "checks/describe.h"

namespace sitepatrol::reports {
namespace {

using checks::DetailArgs;

// Values for every key any code reads, none of them English words.
const DetailArgs& all_values() {
  static const DetailArgs args = {
      {"status", "404"},
      {"error", "timeout"},
      {"error_text", "Connection refused"},
      {"seconds", "15"},
      {"ms", "4210"},
      {"limit_ms", "3000"},
      {"failed", "3"},
      {"probes", "40"},
      {"days", "7"},
      {"percent", "7.5"},
      {"hops", "2"},
      {"back_to", "http://a.example/x"},
      {"limit", "10"},
      {"url", "http://a.example/x"},
      {"title", "关于公交线路调整的建议"},
      {"date", "2026-11-17"},
      {"newest", "2025-08-12"},
      {"age_days", "479"},
      {"limit_days", "365"},
      {"name", "通知公告"},
      {"column", "notice"},
      {"column_class", "news"},
      {"category", "local"},
      {"nav_pages", "12"},
      {"nav_links", "1204"},
      {"pages", "31"},
      {"names", "组织机构、机构职能、机构设置"},
      {"names_more", "17"},
      {"endings", "领导"},
      {"paths", "/jgzn/"},
      {"paths_more", "8"},
      {"kind", "message_board"},
      {"action", "http://a.example/post"},
      {"posted", "2026-07-20"},
      {"state", "处理中"},
      {"count", "1"},
      {"year", "2026"},
      {"required", "2"},
      {"missing", "12"},
      {"page_kind", "homepage"},
      {"from", "https://a.example/"},
      {"to", "http://a.example/"},
      {"headers", "hsts,nosniff,frame"},
      {"element", "script"},
      {"more", "3"},
      {"host", "evil.example"},
      {"score", "12"},
      {"threshold", "10"},
      {"term1", "博彩"},
      {"count1", "2"},
      {"field1", "meta_keywords"},
      {"term2", "六合彩"},
      {"count2", "1"},
      {"field2", "hidden_link"},
      {"structure_pct", "62"},
      {"new_block", "30"},
      {"scripts", "http://evil.example/x.js"},
      {"scripts_more", "1"},
      {"iframes", "http://evil.example/f.html"},
      {"inline_scripts", "2"},
      {"title_from", "首页"},
      {"title_to", "博彩"},
      {"hidden_by", "positioned off-screen on div#x1"},
      {"text", "彩票"},
      {"spam_terms", "彩票, 百家乐"},
      {"tld", ".bet"},
      {"host_word", "bocai"},
      {"farm_links", "40"},
      {"farm_hosts", "12"},
      {"resident_ids", "2"},
      {"resident_ids_shown", "110***1234, 220***5678"},
      {"bank_cards", "1"},
      {"bank_cards_shown", "6222***0000"},
      {"mobiles", "1"},
      {"mobiles_shown", "139****0000"},
      {"found1", "交通部"},
      {"right1", "交通运输部"},
      {"reason1", "abolished"},
      {"date1", "2008-03-15"},
      {"sentence1", "原交通部发布通知。"},
      {"found2", "张三"},
      {"right2", "李四"},
      {"reason2", "leader_name"},
      {"sentence2", "张三局长出席会议。"},
      {"found3", "王五"},
      {"reason3", "wrong_title"},
      {"holder3", "王五"},
      {"office3", "厅长"},
      {"sentence3", "王五厅长讲话。"},
  };
  return args;
}

// Words of two or more Latin letters left once URLs, host names and the technical names a
// site owner must type (headers, HTTP, TLS, ICP, ...) are taken out.
std::vector<std::string> english_words(std::string text) {
  static const std::regex kUrl(R"((https?://|/)[^\s，。；、（）“”]*|[a-z0-9-]+\.example)");
  static const std::set<std::string> kTechnical = {
      "HTTP",  "HTTPS",  "TLS",       "ICP",      "CSP",     "robots", "txt",     "conac",
      "cn",    "Strict", "Transport", "Security", "Content", "Type",   "Options", "nosniff",
      "Frame", "frame",  "ancestors", "script",   "div",     "bet",    "bocai"};
  text = std::regex_replace(text, kUrl, " ");
  std::vector<std::string> words;
  static const std::regex kWord("[A-Za-z]{2,}");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kWord);
       it != std::sregex_iterator(); ++it) {
    if (!kTechnical.contains(it->str())) words.push_back(it->str());
  }
  return words;
}

// The codes the checks' sources name ("fresh.column_stale"), the ID-MISSING ones built from
// their kind, and the fetch ones of every FetchError (checks/describe.cpp).
std::set<std::string> codes_in_checks() {
  std::set<std::string> codes;
  static const std::regex kCode(
      R"re("((?:fetch|avail|link|tls|fresh|column|interact|meta|sec|content)\.[a-z0-9_]+)")re");
  static const std::regex kIdentifier(R"re(missing\("([a-z_]+)")re");
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(SITEPATROL_SOURCE_DIR) / "checks")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (auto it = std::sregex_iterator(source.begin(), source.end(), kCode);
         it != std::sregex_iterator(); ++it) {
      codes.insert((*it)[1]);
    }
    for (auto it = std::sregex_iterator(source.begin(), source.end(), kIdentifier);
         it != std::sregex_iterator(); ++it) {
      codes.insert("id.missing_" + (*it)[1].str());
    }
  }
  using checks::FetchError;
  for (FetchError e : {FetchError::none, FetchError::dns, FetchError::connect, FetchError::tls,
                       FetchError::timeout, FetchError::reset, FetchError::too_large,
                       FetchError::blocked_private, FetchError::redirect_loop,
                       FetchError::too_many_redirects, FetchError::robots, FetchError::other}) {
    codes.insert(checks::fetch_detail(0, e, "", 15).code);
    codes.insert(checks::fetch_detail(404, e, "", 15).code);
  }
  return codes;
}

TEST(DetailText, EveryCodeTheChecksGiveHasBothLanguages) {
  const std::set<std::string> codes = codes_in_checks();
  ASSERT_GT(codes.size(), 50u);  // the scan found the checks' codes
  for (const std::string& code : codes) {
    EXPECT_FALSE(render_detail(code, all_values(), Lang::zh).empty()) << code;
    EXPECT_FALSE(render_detail(code, all_values(), Lang::en).empty()) << code;
  }
  for (std::string_view code : detail_codes()) {
    EXPECT_TRUE(codes.contains(std::string(code))) << code << " is rendered but no check gives it";
  }
}

TEST(DetailText, ChineseSentencesHoldNoEnglishWords) {
  for (std::string_view code : detail_codes()) {
    const std::string zh = render_detail(code, all_values(), Lang::zh);
    EXPECT_EQ(english_words(zh), std::vector<std::string>()) << code << ": " << zh;
    EXPECT_EQ(zh.find("Connection refused"), std::string::npos) << code;  // curl's words
  }
}

TEST(DetailText, ChineseReadsAsAnOfficeWritesIt) {
  EXPECT_EQ(render_detail("fresh.home_stale",
                          {{"newest", "2025-08-12"}, {"age_days", "479"}, {"limit_days", "365"}},
                          Lang::zh),
            "首页最新信息发布于2025年8月12日，已479天未更新（要求365天内更新）");
  EXPECT_EQ(render_detail("link.soft404", {}, Lang::zh), "页面返回HTTP 200，但内容显示页面不存在");
  EXPECT_EQ(render_detail("interact.unanswered",
                          {{"title", "关于公交线路调整的建议"},
                           {"posted", "2026-07-20"},
                           {"age_days", "137"},
                           {"state", "处理中"}},
                          Lang::zh),
            "留言“关于公交线路调整的建议”于2026年7月20日提交，已过137天，仍为“处理中”");
  EXPECT_EQ(render_detail("fetch.http", {{"status", "404"}}, Lang::zh),
            "服务器返回HTTP 404（页面不存在）");
  EXPECT_EQ(
      render_detail("fresh.column_stale",
                    {{"name", "通知公告"},
                     {"column", "notice"},
                     {"column_class", "notice"},
                     {"newest", "2026-03-01"},
                     {"age_days", "279"},
                     {"limit_days", "30"}},
                    Lang::zh),
      "“通知公告”栏目最新信息发布于2026年3月1日，已279天未更新（通知公告类栏目要求30天内更新）");
}

TEST(DetailText, EnglishTemplatesSayWhatTheChecksSay) {
  using checks::FetchError;
  for (FetchError e : {FetchError::none, FetchError::dns, FetchError::connect, FetchError::tls,
                       FetchError::timeout, FetchError::reset, FetchError::blocked_private,
                       FetchError::redirect_loop, FetchError::too_many_redirects,
                       FetchError::robots, FetchError::other}) {
    for (const char* error_text : {"", "Could not resolve host: x.example"}) {
      const checks::Detail d = checks::fetch_detail(503, e, error_text, 15);
      EXPECT_EQ(render_detail(d.code, d.args, Lang::en), d.text) << d.code;
    }
  }
}

TEST(DetailText, EnglishIsTheStoredTextAndFindingsWithoutACodeKeepIt) {
  checks::Finding f;
  f.detail = "newest entry 2025-08-12 is 479 days old (limit 365 days)";
  EXPECT_EQ(detail_text(f, Lang::zh), f.detail);  // stored before codes: its text
  EXPECT_EQ(detail_text(f, Lang::en), f.detail);
  f.detail_code = "fresh.from_a_newer_sitepatrol";
  EXPECT_EQ(detail_text(f, Lang::zh), f.detail);
  f.detail_code = "fresh.home_stale";
  f.detail_args = {{"newest", "2025-08-12"}, {"age_days", "479"}, {"limit_days", "365"}};
  f.detail = "homepage not updated: newest entry 2025-08-12 is 479 days old (limit 365 days)";
  EXPECT_EQ(detail_text(f, Lang::en), f.detail);
  EXPECT_EQ(detail_text(f, Lang::zh),
            "首页最新信息发布于2025年8月12日，已479天未更新（要求365天内更新）");
}

TEST(DetailText, KeySubjectsAreNamed) {
  const auto subject = [](std::string code, std::string subject, Lang lang) {
    checks::Finding f;
    f.code = std::move(code);
    f.subject = std::move(subject);
    return subject_text(f, lang);
  };
  EXPECT_EQ(subject("ID-MISSING", "icp", Lang::zh), "ICP备案号");
  EXPECT_EQ(subject("ID-MISSING", "icp", Lang::en), "ICP number");
  EXPECT_EQ(subject("COLUMN-MISSING", "maritime_projects", Lang::zh), "海事项目");
  EXPECT_EQ(subject("META-MISSING", "ColumnName", Lang::zh), "栏目名称元数据（ColumnName）");
  EXPECT_EQ(subject("INTERACT-MISSING", "solicitation", Lang::zh), "意见征集");
  EXPECT_EQ(subject("INTERACT-TOO-FEW", "interview", Lang::zh), "在线访谈");
  EXPECT_EQ(subject("LINK-BROKEN", "http://a.example/icp", Lang::zh), "http://a.example/icp");
  EXPECT_EQ(subject("TLS-CERT", "www.a.example", Lang::zh), "www.a.example");
}

}  // namespace
}  // namespace sitepatrol::reports
