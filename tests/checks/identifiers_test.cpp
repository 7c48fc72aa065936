#include "checks/identifiers.h"

#include <gtest/gtest.h>

#include "tests/checks/site_fixture.h"

namespace sitepatrol::checks {
namespace {

const std::string kBody =
    "首页 机构概况 政务公开 政务服务 互动交流 厅领导 要闻动态 我省召开全省交通运输工作会议 "
    "通知公告 关于开展2026年度道路运输安全生产检查的通知 ";
const std::string kFooter =
    "主办单位：湖北省交通运输厅 地址：武汉市江汉区青年路 联系电话：027-83460000 "
    "网站标识码：4200000034 鄂ICP备05003290号-1 鄂公网安备 42010302000182号";

LinkRef ref(std::string url, std::string kind) {
  LinkRef r;
  r.url = std::move(url);
  r.kind = std::move(kind);
  return r;
}

class IdentifiersTest : public ::testing::Test {
 protected:
  Findings run(std::string text, std::vector<LinkRef> links = {conac()}, int status = 200) {
    SiteResult result;
    PageResult& home = result.homepage;
    home.url = "http://www.site.example/";
    home.final_url = home.url;
    home.is_homepage = true;
    home.status = status;
    home.text = std::move(text);
    home.links = std::move(links);
    Findings out;
    check_identifiers(fixture_.context(), result, out);
    return out;
  }

  static LinkRef conac() {
    return ref("https://bszs.conac.cn/sitename?method=show&id=0A5B6C7D&sitecode=4200000034", "a");
  }

  static std::vector<std::string> subjects(const Findings& out) {
    std::vector<std::string> s;
    for (const Finding& f : out) s.push_back(f.subject);
    return s;
  }

  testing::SiteFixture fixture_;
};

TEST_F(IdentifiersTest, FooterWithEveryIdentifierRaisesNothing) {
  EXPECT_TRUE(run(kBody + kFooter).empty());
}

TEST_F(IdentifiersTest, EmptyFooterMissesAllFour) {
  const Findings out = run(kBody, {ref("http://www.site.example/xwdt/", "a")});
  EXPECT_EQ(subjects(out),
            (std::vector<std::string>{"site_code", "icp", "police_record", "party_gov_mark"}));
  for (const Finding& f : out) {
    EXPECT_EQ(f.site, "hb-jtt");
    EXPECT_EQ(f.code, "ID-MISSING");
    EXPECT_EQ(f.severity, Severity::warning);
    EXPECT_EQ(f.page, "http://www.site.example/");
  }
  EXPECT_EQ(out[0].detail, "no 网站标识码 (a 10-character site code) in the homepage footer");
  EXPECT_EQ(out[3].detail, "no 党政机关网站 mark (a link or image to conac.cn) on the homepage");
}

TEST_F(IdentifiersTest, EachIdentifierIsMissedOnItsOwn) {
  EXPECT_EQ(subjects(run(kBody + "鄂ICP备05003290号 鄂公网安备42010302000182号")),
            std::vector<std::string>{"site_code"});
  EXPECT_EQ(subjects(run(kBody + "网站标识码：4200000034 鄂公网安备42010302000182号")),
            std::vector<std::string>{"icp"});
  EXPECT_EQ(subjects(run(kBody + "网站标识码：4200000034 鄂ICP备05003290号")),
            std::vector<std::string>{"police_record"});
  EXPECT_EQ(subjects(run(kBody + kFooter, {})), std::vector<std::string>{"party_gov_mark"});
}

TEST_F(IdentifiersTest, SiteCodeFormats) {
  EXPECT_TRUE(has_site_code("网站标识码：4300000077"));
  EXPECT_TRUE(has_site_code("网站标识码:bm55000001"));
  EXPECT_TRUE(has_site_code("网站标识码 BM55000001 京ICP备"));
  EXPECT_TRUE(has_site_code("政府网站标识码： 4300000077"));
  EXPECT_TRUE(
      has_site_code("网站标识码\xE3\x80\x80：\xC2\xA0"
                    "4300000077"));
  EXPECT_TRUE(has_site_code("网站标识码：4300000077鄂ICP备05003290号"));
  EXPECT_TRUE(has_site_code("网站标识码：4300000077ICP备案号：鄂ICP备05003290号"));
  // Common misspellings of the label still show the code.
  EXPECT_TRUE(has_site_code("网站识别码：4300000077"));
  EXPECT_TRUE(has_site_code("网站标示码：4300000077"));
  // A label without a code, or a code of the wrong length, is not the identifier.
  EXPECT_FALSE(has_site_code("网站标识码："));
  EXPECT_FALSE(has_site_code("网站标识码：430000007"));
  EXPECT_FALSE(has_site_code("网站标识码：43000000771"));
  EXPECT_FALSE(has_site_code("网站标识码：XXXXXXXXXX"));
  EXPECT_FALSE(has_site_code("网站标识码：bm5500000x"));
  EXPECT_FALSE(has_site_code("4300000077"));
  EXPECT_FALSE(has_site_code("标识码：4300000077"));
}

TEST_F(IdentifiersTest, IcpFormats) {
  EXPECT_TRUE(has_icp_number("京ICP备19014889号"));
  EXPECT_TRUE(has_icp_number("鄂ICP备05003290号-1"));
  EXPECT_TRUE(has_icp_number("ICP备案号：蜀ICP备 05003290号"));
  EXPECT_TRUE(has_icp_number("新 icp备12345678号"));
  EXPECT_TRUE(has_icp_number("备案号：粤ICP备05003290"));
  // No province, no number, or not an ICP filing.
  EXPECT_FALSE(has_icp_number("ICP备05003290号"));
  EXPECT_FALSE(has_icp_number("ICP备案号："));
  EXPECT_FALSE(has_icp_number("京ICP备号"));
  EXPECT_FALSE(has_icp_number("京ICP备123号"));
  EXPECT_FALSE(has_icp_number("京ICP证030173号"));
  EXPECT_FALSE(has_icp_number("国ICP备05003290号"));
}

TEST_F(IdentifiersTest, PoliceRecordFormats) {
  EXPECT_TRUE(has_police_record("京公网安备 11010202008000号"));
  EXPECT_TRUE(has_police_record("京公网安备11010202008000号"));
  EXPECT_TRUE(
      has_police_record("川公网安备\xC2\xA0"
                        "51010402000505号"));
  EXPECT_TRUE(has_police_record("鄂 公网安备 42010302000182"));
  EXPECT_FALSE(has_police_record("公网安备 11010202008000号"));
  EXPECT_FALSE(has_police_record("京公网安备号"));
  EXPECT_FALSE(has_police_record("公安机关备案号"));
}

TEST_F(IdentifiersTest, PartyGovMarkIsAnyReferenceToConac) {
  EXPECT_TRUE(run(kBody + kFooter, {ref("https://dcs.conac.cn/image/red.png", "img")}).empty());
  EXPECT_TRUE(
      run(kBody + kFooter, {ref("https://dcs.conac.cn/js/17/000/0000/6042/CA17.js", "script")})
          .empty());
  EXPECT_EQ(subjects(run(kBody + kFooter, {ref("https://conac.cn.evil.example/", "a")})),
            std::vector<std::string>{"party_gov_mark"});
}

TEST_F(IdentifiersTest, OnlyTheFooterCounts) {
  // An article quoting identifiers far from the end does not make the footer carry them.
  std::string text =
      "关于规范网站标识码：4300000077 和 京ICP备19014889号 京公网安备11010202008000号的通知 ";
  for (int i = 0; i < 200; ++i) text += "要闻动态 交通运输 ";
  EXPECT_EQ(run(text).size(), 3u);
  EXPECT_TRUE(run(text + kFooter).empty());
}

TEST_F(IdentifiersTest, FooterCutIsACharacterBoundary) {
  std::string text;
  for (int i = 0; i < 1500; ++i) text += "交";  // 4500 bytes, three per character
  text += "x";
  const std::string_view footer = footer_of(text);
  EXPECT_LE(footer.size(), 3000u);
  EXPECT_GE(footer.size(), 2998u);
  EXPECT_TRUE(footer.starts_with("交"));
  EXPECT_TRUE(footer.ends_with("x"));
  EXPECT_EQ(footer_of("short"), "short");
}

TEST_F(IdentifiersTest, NothingIsJudgedWithoutAParsedHomepage) {
  EXPECT_TRUE(run("", {}).empty());
  EXPECT_TRUE(run(kBody, {}, 503).empty());
  EXPECT_TRUE(run(kBody, {}, 0).empty());
  EXPECT_EQ(run(kBody, {}, 304).size(), 4u);
}

}  // namespace
}  // namespace sitepatrol::checks
