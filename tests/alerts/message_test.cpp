// What ops read: each event's title and text in Chinese and English, local times, outage
// lengths, the link text and the pages carrying a dead link, and the report link.
#include "alerts/message.h"

#include <gtest/gtest.h>

namespace sitepatrol::alerts {
namespace {

using std::chrono::seconds;
using Time = std::chrono::system_clock::time_point;

const Time kDown = Time(seconds(1796373000));  // 2026-12-04T08:30:00Z = 16:30 in Shanghai
const Time kUp = kDown + seconds(83 * 60);      // 17:53

config::TimeZone shanghai() {
  auto zone = config::TimeZone::load("Asia/Shanghai");
  EXPECT_TRUE(zone) << zone.error();
  return zone ? *zone : config::TimeZone();
}

MessageOptions options(std::string lang, std::string base_url = "") {
  MessageOptions o;
  o.lang = std::move(lang);
  o.zone = shanghai();
  o.base_url = std::move(base_url);
  return o;
}

Alert site(std::string event, Time time) {
  Alert a;
  a.event = std::move(event);
  a.site = "hb-jtt";
  a.name = "湖北省交通运输厅";
  a.url = "https://jtt.hubei.gov.cn/";
  a.time = time;
  a.down_after = 3;
  return a;
}

Alert down() {
  Alert a = site("site_down", kDown + seconds(600));
  a.since = kDown;
  a.probe_error = "Connection refused";
  return a;
}

Alert up() {
  Alert a = site("site_up", kUp);
  a.since = kDown;
  a.outage = seconds(83 * 60);
  a.probe_status = 200;
  a.probe_ms = 412;
  return a;
}

store::FindingRow broken_link(int carriers) {
  store::FindingRow row;
  row.finding.site = "hb-jtt";
  row.finding.code = "LINK-BROKEN";
  row.finding.subject = "https://jtt.hubei.gov.cn/files/guide.pdf";
  row.finding.page = "https://jtt.hubei.gov.cn/";
  row.finding.detail = "HTTP 404";
  row.status = "new";
  for (int i = 0; i < carriers; ++i) {
    row.carriers.push_back({"https://jtt.hubei.gov.cn/p" + std::to_string(i) + ".html",
                            "办事指南"});
  }
  return row;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(AlertMessage, SiteDownSaysSinceWhenInChineseLocalTime) {
  const Message m = render_message(down(), options("zh"));
  EXPECT_EQ(m.title, "网站无法访问：湖北省交通运输厅");
  EXPECT_TRUE(has(m.text, "自2026年12月4日 16:30起无法访问")) << m.text;
  EXPECT_TRUE(has(m.text, "已连续3次探测失败")) << m.text;
  EXPECT_TRUE(has(m.text, "Connection refused")) << m.text;
  EXPECT_TRUE(has(m.text, "时间：2026年12月4日 16:40")) << m.text;
  EXPECT_FALSE(has(m.text, "T08:")) << "no UTC stamp: " << m.text;
  EXPECT_FALSE(has(m.text, "probes")) << "no English: " << m.text;
}

TEST(AlertMessage, SiteDownInEnglish) {
  const Message m = render_message(down(), options("en"));
  EXPECT_EQ(m.title, "Site down: 湖北省交通运输厅");
  EXPECT_TRUE(has(m.text, "has not answered since 4 December 2026 16:30 CST")) << m.text;
  EXPECT_TRUE(has(m.text, "3 probes in a row failed")) << m.text;
}

TEST(AlertMessage, SiteUpGivesTheOutageLength) {
  const Message zh = render_message(up(), options("zh"));
  EXPECT_EQ(zh.title, "网站恢复访问：湖北省交通运输厅");
  EXPECT_TRUE(has(zh.text, "于2026年12月4日 17:53恢复访问")) << zh.text;
  EXPECT_TRUE(has(zh.text, "此前自2026年12月4日 16:30起无法访问，共1小时23分")) << zh.text;
  EXPECT_TRUE(has(zh.text, "HTTP 200，用时412毫秒")) << zh.text;
  const Message en = render_message(up(), options("en"));
  EXPECT_TRUE(has(en.text, "it was down from 4 December 2026 16:30 CST, for 1 h 23 min")) << en.text;
}

TEST(AlertMessage, OutageLengths) {
  EXPECT_EQ(outage_text(seconds(45), "zh"), "45秒");
  EXPECT_EQ(outage_text(seconds(45), "en"), "45 s");
  EXPECT_EQ(outage_text(seconds(300), "zh"), "5分");
  EXPECT_EQ(outage_text(seconds(3600), "en"), "1 h");
  EXPECT_EQ(outage_text(seconds(3 * 3600 + 120), "zh"), "3小时2分");
  EXPECT_EQ(outage_text(seconds(3 * 86400 + 5 * 3600), "zh"), "3天5小时");
  EXPECT_EQ(outage_text(seconds(3 * 86400 + 5 * 3600), "en"), "3 d 5 h");
}

TEST(AlertMessage, DeadLinkNamesItsTextAndTheCarryingPages) {
  Alert a = site("dead_links", kUp);
  a.findings = {broken_link(3)};
  const Message zh = render_message(a, options("zh"));
  EXPECT_EQ(zh.title, "新增失效链接：湖北省交通运输厅");
  EXPECT_TRUE(has(zh.text, "新发现1个失效链接")) << zh.text;
  EXPECT_TRUE(has(zh.text, "“办事指南”")) << zh.text;
  EXPECT_TRUE(has(zh.text, "所在页面 https://jtt.hubei.gov.cn/p0.html（另有2个页面）")) << zh.text;
  EXPECT_FALSE(has(zh.text, "LINK-BROKEN")) << "the code in words: " << zh.text;
  const Message en = render_message(a, options("en"));
  EXPECT_TRUE(has(en.text, "\"办事指南\", on https://jtt.hubei.gov.cn/p0.html (and 2 more pages)"))
      << en.text;
}

TEST(AlertMessage, WithoutCarriersTheFindingsPageIsNamed) {
  Alert a = site("homepage_links", kUp);
  a.findings = {broken_link(0)};
  const Message m = render_message(a, options("zh"));
  EXPECT_EQ(m.title, "首页新增失效链接：湖北省交通运输厅");
  EXPECT_TRUE(has(m.text, "所在页面 https://jtt.hubei.gov.cn/")) << m.text;
}

TEST(AlertMessage, LongDigestsEndWithACount) {
  Alert a = site("dead_links", kUp);
  for (int i = 0; i < 25; ++i) a.findings.push_back(broken_link(1));
  const Message m = render_message(a, options("zh"));
  EXPECT_TRUE(has(m.text, "……另有5项")) << m.text;
}

TEST(AlertMessage, LinksToTheSitePageUnderTheBaseUrl) {
  EXPECT_EQ(site_link("https://sp.example/reports", "hb-jtt"), "https://sp.example/reports/hb-jtt/");
  EXPECT_EQ(site_link("https://sp.example/reports/", "hb-jtt"), "https://sp.example/reports/hb-jtt/");
  EXPECT_EQ(site_link("https://sp.example/site/{site}/report.html", "hb-jtt"),
            "https://sp.example/site/hb-jtt/report.html");
  EXPECT_EQ(site_link("", "hb-jtt"), "");
  const Message m = render_message(down(), options("zh", "https://sp.example/r/"));
  EXPECT_EQ(m.link, "https://sp.example/r/hb-jtt/");
  EXPECT_TRUE(has(m.text, "详情：https://sp.example/r/hb-jtt/")) << m.text;
  EXPECT_FALSE(has(render_message(down(), options("zh")).text, "详情")) << "no link, no line";
}

TEST(AlertMessage, TestMessageInTheChannelsLanguage) {
  Alert a;
  a.event = "test";
  a.time = kUp;
  EXPECT_EQ(render_message(a, options("zh")).title, "sitepatrol测试消息");
  EXPECT_TRUE(has(render_message(a, options("zh")).text, "本告警渠道配置正确"));
  EXPECT_EQ(render_message(a, options("en")).title, "sitepatrol test message");
}

}  // namespace
}  // namespace sitepatrol::alerts
