// CurlSender against loopback receivers: what counts as delivered, and that e-mail never goes
// out in the clear when STARTTLS is required.
#include "alerts/sender.h"

#include <gtest/gtest.h>

#include "tests/integration/daemon_receivers.h"

namespace sitepatrol::alerts {
namespace {

Alert sample() {
  Alert a;
  a.event = "site_down";
  a.key = "k";
  a.site = "hb-jtt";
  a.name = "湖北省交通运输厅";
  a.url = "http://www.site.example/";
  a.title = "网站无法访问";
  a.text = "down";
  return a;
}

config::AlertChannel channel(std::string kind, std::string url) {
  config::AlertChannel c;
  c.name = kind;
  c.kind = std::move(kind);
  c.url = std::move(url);
  c.timeout_s = 5;
  return c;
}

TEST(CurlSender, WebhookGetsTheJsonAndA5xxIsAFailure) {
  testsupport::FixtureServer hooks;
  integration::WebhookReceiver ok(hooks, "/ok");
  integration::WebhookReceiver failing(hooks, "/failing", 1);
  CurlSender sender({});
  EXPECT_TRUE(sender.send(channel("webhook", hooks.url("/ok")), sample()));
  ASSERT_EQ(ok.events("site_down", "hb-jtt").size(), 1u);
  EXPECT_EQ(ok.accepted()[0]["name"], "湖北省交通运输厅");
  const auto failed = sender.send(channel("webhook", hooks.url("/failing")), sample());
  ASSERT_FALSE(failed);
  EXPECT_NE(failed.error().find("HTTP 500"), std::string::npos) << failed.error();
  EXPECT_TRUE(sender.send(channel("webhook", hooks.url("/failing")), sample()));
}

TEST(CurlSender, EachChannelReadsTheAlertInItsLanguage) {
  testsupport::FixtureServer hooks;
  integration::WebhookReceiver zh(hooks, "/zh");
  integration::WebhookReceiver en(hooks, "/en");
  CurlSenderOptions options;
  options.zone = *config::TimeZone::load("Asia/Shanghai");
  CurlSender sender(options);
  auto zh_channel = channel("webhook", hooks.url("/zh"));
  zh_channel.base_url = "https://sp.example/reports/";
  auto en_channel = channel("webhook", hooks.url("/en"));
  en_channel.lang = "en";
  Alert alert = sample();
  alert.time = std::chrono::system_clock::time_point(std::chrono::seconds(1796373000));
  alert.down_after = 3;
  ASSERT_TRUE(sender.send(zh_channel, alert));
  ASSERT_TRUE(sender.send(en_channel, alert));
  ASSERT_EQ(zh.accepted().size(), 1u);
  ASSERT_EQ(en.accepted().size(), 1u);
  EXPECT_EQ(zh.accepted()[0]["title"], "网站无法访问：湖北省交通运输厅");
  const auto text = zh.accepted()[0]["text"].get<std::string>();
  EXPECT_NE(text.find("2026年12月4日 16:30"), std::string::npos) << text;
  EXPECT_EQ(zh.accepted()[0]["link"], "https://sp.example/reports/hb-jtt/");
  EXPECT_EQ(en.accepted()[0]["title"], "Site down: 湖北省交通运输厅");
  EXPECT_EQ(en.accepted()[0]["lang"], "en");
}

TEST(CurlSender, RobotErrcodeIsAFailure) {
  testsupport::FixtureServer hooks;
  hooks.route("/robot", testsupport::HttpReply{200, {}, R"({"errcode":310000,"errmsg":"sign not match"})"});
  CurlSender sender({});
  const auto result = sender.send(channel("dingtalk", hooks.url("/robot")), sample());
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().find("sign not match"), std::string::npos) << result.error();
}

TEST(CurlSender, EmailRefusesPlainTextWhenStartTlsIsRequired) {
  integration::SmtpReceiver smtp;   // offers no STARTTLS
  auto mail = channel("email", "");
  mail.smtp_url = "smtp://127.0.0.1:" + std::to_string(smtp.port());
  mail.from = "sp@example.org";
  mail.to = {"a@example.org"};
  CurlSender sender({});
  EXPECT_FALSE(sender.send(mail, sample()));   // starttls = true by default
  EXPECT_TRUE(smtp.messages().empty());
  mail.starttls = false;
  EXPECT_TRUE(sender.send(mail, sample()));
  ASSERT_EQ(smtp.messages().size(), 1u);
}

TEST(CurlSender, UnreachableChannelFailsWithinItsTimeout) {
  CurlSender sender({});
  const auto result = sender.send(channel("wecom", "http://127.0.0.1:1/"), sample());
  ASSERT_FALSE(result);
}

}  // namespace
}  // namespace sitepatrol::alerts
