#include "alerts/format.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace sitepatrol::alerts {
namespace {

Alert sample() {
  Alert a;
  a.event = "site_down";
  a.key = "site_down:hb-jtt:1";
  a.site = "hb-jtt";
  a.name = "湖北省交通运输厅";
  a.url = "http://www.site.example/";
  a.time = std::chrono::system_clock::time_point(std::chrono::seconds(1795572003));
  a.title = "网站无法访问 site down: 湖北省交通运输厅";
  a.text = "line one\nline two";
  store::FindingRow row;
  row.finding = checks::Finding{"hb-jtt", "AVAIL-DOWN", checks::Severity::critical,
                                "http://www.site.example/", "http://www.site.example/", "HTTP 503"};
  row.status = "new";
  row.first_seen = row.last_seen = "2026-11-25T02:00:03Z";
  a.findings.push_back(row);
  return a;
}

TEST(WebhookJson, IsTheContractObjectAndReadsBack) {
  const auto j = nlohmann::json::parse(to_json(sample()));
  EXPECT_EQ(j["event"], "site_down");
  EXPECT_EQ(j["site"], "hb-jtt");
  EXPECT_EQ(j["name"], "湖北省交通运输厅");
  EXPECT_EQ(j["url"], "http://www.site.example/");
  EXPECT_EQ(j["time"], "2026-11-25T02:00:03Z");
  EXPECT_EQ(j["text"], "line one\nline two");
  ASSERT_EQ(j["findings"].size(), 1u);
  const auto& f = j["findings"][0];
  for (const char* key : {"site", "code", "severity", "subject", "page", "detail", "status",
                          "first_seen", "last_seen"})
    EXPECT_TRUE(f.contains(key)) << key;
  EXPECT_EQ(f["severity"], "critical");

  auto back = alert_from_json(to_json(sample()));
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(to_json(*back), to_json(sample()));
  EXPECT_FALSE(alert_from_json("{\"event\": 1}"));
}

TEST(RobotFormats, DingTalkAndWeComMarkdown) {
  const auto ding = nlohmann::json::parse(dingtalk_body(sample()));
  EXPECT_EQ(ding["msgtype"], "markdown");
  EXPECT_EQ(ding["markdown"]["title"], sample().title);
  EXPECT_NE(ding["markdown"]["text"].get<std::string>().find("line one\n\nline two"),
            std::string::npos);
  const auto wecom = nlohmann::json::parse(wecom_body(sample()));
  EXPECT_EQ(wecom["msgtype"], "markdown");
  EXPECT_EQ(wecom["markdown"]["content"].get<std::string>().rfind("### ", 0), 0u);

  Alert big = sample();
  for (int i = 0; i < 2000; ++i) big.text += "失效链接";
  const auto cut = nlohmann::json::parse(wecom_body(big));  // still valid UTF-8 JSON
  EXPECT_LE(cut["markdown"]["content"].get<std::string>().size(), 4096u);
}

TEST(RobotFormats, DingTalkMentionsAreInTheAtObjectAndTheText) {
  const auto ding = nlohmann::json::parse(dingtalk_body(sample(), {{"13800000000"}, false}));
  EXPECT_EQ(ding["at"]["atMobiles"], nlohmann::json::array({"13800000000"}));
  EXPECT_EQ(ding["at"]["isAtAll"], false);
  const auto text = ding["markdown"]["text"].get<std::string>();
  EXPECT_NE(text.find("@13800000000"), std::string::npos) << text;
  const auto all = nlohmann::json::parse(dingtalk_body(sample(), {{}, true}));
  EXPECT_EQ(all["at"]["isAtAll"], true);
}

TEST(RobotFormats, WeComWithMentionsSendsText) {
  EXPECT_EQ(nlohmann::json::parse(wecom_body(sample()))["msgtype"], "markdown");
  const auto wecom = nlohmann::json::parse(wecom_body(sample(), {{"13800000000"}, true}));
  EXPECT_EQ(wecom["msgtype"], "text");
  EXPECT_EQ(wecom["text"]["mentioned_mobile_list"],
            nlohmann::json::array({"13800000000", "@all"}));
  EXPECT_EQ(wecom["text"]["content"], sample().title + "\nline one\nline two");
}

TEST(WebhookJson, CarriesTheLanguageTheLinkAndTheOutage) {
  Alert a = sample();
  a.event = "site_up";
  a.since = a.time - std::chrono::seconds(600);
  a.outage = std::chrono::seconds(600);
  a.findings[0].carriers = {{"http://www.site.example/a.html", "办事指南"}};
  const auto j = nlohmann::json::parse(webhook_body(a, "zh", "https://sp.example/hb-jtt/"));
  EXPECT_EQ(j["lang"], "zh");
  EXPECT_EQ(j["link"], "https://sp.example/hb-jtt/");
  EXPECT_EQ(j["since"], "2026-11-25T01:50:03Z");
  EXPECT_EQ(j["outage_s"], 600);
  EXPECT_EQ(j["findings"][0]["carriers"][0]["text"], "办事指南");
  auto back = alert_from_json(to_json(a));
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(to_json(*back), to_json(a));
  EXPECT_TRUE(nlohmann::json::parse(to_json(sample()))["since"].is_null());
}

TEST(RobotFormats, DingTalkSignature) {
  // HMAC-SHA256 of "1700000000000\nSECabc" keyed with "SECabc", base64, URL-encoded.
  EXPECT_EQ(dingtalk_signed_url("https://oapi.dingtalk.com/robot/send?access_token=t", "SECabc",
                                1700000000000),
            "https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000"
            "&sign=jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM%3D");
}

TEST(Utf8Prefix, NeverSplitsACharacter) {
  EXPECT_EQ(utf8_prefix("ab失效", 4), "ab");
  EXPECT_EQ(utf8_prefix("ab失效", 5), "ab失");
  EXPECT_EQ(utf8_prefix("abc", 10), "abc");
}

TEST(EmailMessage, HeadersAndBase64Body) {
  const std::string m = email_message(sample(), "sp@example.org", {"a@example.org", "b@example.org"},
                                      sample().time);
  EXPECT_NE(m.find("From: sp@example.org\r\n"), std::string::npos);
  EXPECT_NE(m.find("To: a@example.org, b@example.org\r\n"), std::string::npos);
  EXPECT_NE(m.find("Date: Wed, 25 Nov 2026 02:00:03 +0000\r\n"), std::string::npos) << m;
  EXPECT_NE(m.find("Subject: =?UTF-8?B?" + base64("[sitepatrol] " + sample().title) + "?=\r\n"),
            std::string::npos);
  EXPECT_NE(m.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  const auto body = m.substr(m.find("\r\n\r\n") + 4);
  EXPECT_NE(body.find(base64("line one\nline two\n\nhttp://www.site.example/").substr(0, 40)),
            std::string::npos);
  for (std::size_t at = 0, next; (next = body.find("\r\n", at)) != std::string::npos; at = next + 2)
    EXPECT_LE(next - at, 76u);
}

}  // namespace
}  // namespace sitepatrol::alerts
