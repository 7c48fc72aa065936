#include "checks/spam.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/security.h"

namespace sitepatrol::checks {
namespace {

// The site and its [security] as `sitepatrol check` would have them: the built-in list.
class SpamTest : public ::testing::Test {
 protected:
  SpamTest() {
    site_.id = "hb-jtt";
    site_.url = "http://www.site.example/";
    security_ = config::default_security();
  }

  SiteContext context() const {
    SiteContext ctx;
    ctx.site = &site_;
    ctx.security = &security_;
    ctx.own_hosts = {"www.site.example"};
    return ctx;
  }

  static PageResult page(std::string title, std::string text) {
    PageResult p;
    p.url = "http://www.site.example/xwzx/2026/t1.html";
    p.final_url = p.url;
    p.status = 200;
    p.title = std::move(title);
    p.text = std::move(text);
    return p;
  }

  Findings run(const PageResult& p) const {
    Findings out;
    check_spam(context(), p, out);
    return out;
  }

  int score(const PageResult& p) const {
    return spam_matcher_for(context())->score(spam_fields(p).fields).total;
  }

  config::SiteConfig site_;
  config::SecurityConfig security_;
};

// A typical compromise: an ordinary news page plus a hidden block of gambling links.
PageResult injected_block_page() {
  PageResult p;
  p.url = "http://www.site.example/";
  p.final_url = p.url;
  p.status = 200;
  p.title = "湖北省交通运输厅";
  p.text = "首页 政务公开 交通要闻 省交通运输厅召开2026年安全生产工作会议 通知公告";
  const std::vector<std::string> spam = {
      "澳门百家乐", "六合彩开奖结果", "北京赛车pk10", "时时彩平台", "皇冠体育",
      "真人娱乐",   "网上赌场",       "威尼斯人娱乐", "太阳城娱乐", "新葡京娱乐"};
  for (std::size_t i = 0; i < spam.size(); ++i) {
    p.hidden_text += spam[i] + " ";
    p.links.push_back(LinkRef{"http://bet" + std::to_string(i) + ".example/", "a", spam[i], true,
                              "display:none on div#hh", ""});
  }
  p.links.push_back(LinkRef{"http://www.site.example/jtyw/", "a", "交通要闻", false, "", ""});
  return p;
}

TEST_F(SpamTest, InjectedGamblingBlockIsCritical) {
  const PageResult p = injected_block_page();
  const Findings out = run(p);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].site, "hb-jtt");
  EXPECT_EQ(out[0].code, "SEC-SPAM");
  EXPECT_EQ(out[0].severity, Severity::critical);
  EXPECT_EQ(out[0].subject, "http://www.site.example/");
  EXPECT_EQ(out[0].page, "http://www.site.example/");
  EXPECT_TRUE(out[0].detail.starts_with("score ")) << out[0].detail;
  EXPECT_NE(out[0].detail.find(" ≥ 10: "), std::string::npos) << out[0].detail;
  EXPECT_NE(out[0].detail.find("百家乐 ×2 (hidden text)"), std::string::npos) << out[0].detail;
  EXPECT_GE(score(p), 100);  // far above, not just over
}

TEST_F(SpamTest, DetailIsCappedAtATermBoundary) {
  const Findings out = run(injected_block_page());
  ASSERT_EQ(out.size(), 1u);
  const std::string& d = out[0].detail;
  EXPECT_LE(d.size(), 300u);
  EXPECT_TRUE(d.ends_with(", …")) << d;
  EXPECT_EQ(d.find("(hidden"), d.find("(")) << "strongest first: hidden places count double";
}

TEST_F(SpamTest, AHugeTermIsCutAtACharacterBoundary) {
  std::string huge;
  for (int i = 0; i < 200; ++i) huge += "赌";
  security_.spam_terms = {{huge, 20, "gambling"}};
  const Findings out = run(page(huge, ""));
  ASSERT_EQ(out.size(), 1u);
  const std::string& d = out[0].detail;
  EXPECT_LE(d.size(), 300u);
  EXPECT_TRUE(d.ends_with("赌…")) << d;
}

TEST_F(SpamTest, SpamInjectedIntoTitleAndMeta) {
  PageResult p = page("澳门百家乐-威尼斯人娱乐-湖北省交通运输厅", "交通要闻 通知公告");
  p.meta = {{"keywords", "百家乐,六合彩,时时彩"}, {"Description", "真人娱乐在线博彩"}};
  const Findings out = run(p);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].detail.find("百家乐 ×2 (title)"), std::string::npos) << out[0].detail;
  EXPECT_NE(out[0].detail.find("六合彩 (meta keywords)"), std::string::npos) << out[0].detail;
  EXPECT_NE(out[0].detail.find("(meta description)"), std::string::npos) << out[0].detail;
}

TEST_F(SpamTest, VisibleSpamTextAndLinkTexts) {
  PageResult p = page("首页", "");
  for (const char* t : {"百家乐", "六合彩", "老虎机"}) {
    p.links.push_back(LinkRef{"http://x.example/", "a", t, false, "", ""});
  }
  const Findings out = run(p);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].detail.find("老虎机 (link text)"), std::string::npos) << out[0].detail;
}

TEST_F(SpamTest, ThresholdComesFromTheConfiguration) {
  const PageResult p = page("首页", "百家乐 六合彩");  // 10
  EXPECT_EQ(run(p).size(), 1u);
  security_.spam_threshold = 11;
  EXPECT_TRUE(run(p).empty());
}

TEST_F(SpamTest, ConfiguredListReplacesTheBuiltIn) {
  security_.spam_terms = {{"违规词", 10, "custom"}};
  EXPECT_EQ(run(page("首页", "违规词")).size(), 1u);
  EXPECT_TRUE(run(page("首页", "百家乐 六合彩 时时彩")).empty());
}

TEST_F(SpamTest, WithoutSecurityTheBuiltInListAndDefaultThresholdApply) {
  SiteContext ctx = context();
  ctx.security = nullptr;
  Findings out;
  check_spam(ctx, page("首页", "百家乐 六合彩"), out);
  EXPECT_EQ(out.size(), 1u);
}

TEST_F(SpamTest, OneMatcherPerList) {
  const auto a = spam_matcher_for(context());
  EXPECT_EQ(spam_matcher_for(context()), a);
  security_.spam_terms.pop_back();
  const auto b = spam_matcher_for(context());
  EXPECT_NE(b, a);
  EXPECT_EQ(b->size(), a->size() - 1);
}

TEST_F(SpamTest, OneFrequentWordInAnArticleIsNotSpam) {
  std::string text = "本报讯 ";
  for (int i = 0; i < 30; ++i) text += "警方提醒，赌场是违法的。";
  EXPECT_TRUE(run(page("警方提醒", text)).empty());
}

// ---- decoys: government pages with look-alike words ---------------------------------------

TEST_F(SpamTest, RainbowAndColourAreNotLottery) {
  const PageResult p = page(
      "雨后彩虹映江城 彩色步道扮靓滨江公园",
      "本网讯 5月20日傍晚，一场降雨过后，长江大桥上空出现一道绚丽的彩虹，吸引众多市民驻足拍照。"
      "近日，滨江公园新建的彩色步道正式开放，红、黄、蓝三色彩绘路面与七彩花带相映成趣，"
      "彩色沥青铺装总长3.2公里。彩虹桥、彩云路沿线同步完成绿化提升。");
  EXPECT_TRUE(run(p).empty());
  EXPECT_EQ(score(p), 0);
}

TEST_F(SpamTest, SportsLotteryCentreNewsIsNotSpam) {
  PageResult p =
      page("省体彩中心开展“公益体彩 快乐操场”捐赠活动",
           "为践行体育彩票“来之于民、用之于民”的发行宗旨，省体育彩票管理中心近日在全省开展"
           "“公益体彩 快乐操场”捐赠活动。体育彩票公益金已累计资助学校体育设施建设1200余项。"
           "活动现场，体育彩票投注站业主代表向学校赠送体育器材。省体彩中心负责人表示，"
           "中国体育彩票将坚持责任彩票建设，倡导理性购彩，不向未成年人销售彩票。"
           "目前全省共有体育彩票销售网点4000余个，体彩超级大乐透、排列3、11选5等游戏销售平稳。");
  p.meta = {{"keywords", "体育彩票,体彩中心,公益金"}};
  p.links.push_back(LinkRef{"http://www.lottery.gov.cn/", "a", "中国体育彩票网", false, "", ""});
  EXPECT_TRUE(run(p).empty());
  EXPECT_LE(score(p), 5);
}

TEST_F(SpamTest, PoliceNewsAboutGamblingIsNotSpam) {
  const PageResult p =
      page("市公安局开展打击网络赌博专项行动",
           "为严厉打击网络赌博违法犯罪活动，市公安局于近日开展专项行动。行动中，民警捣毁一处"
           "地下赌场，查获赌资12万元，抓获参赌人员23名。据介绍，犯罪团伙以网络游戏为幌子，"
           "引诱群众参与赌博，部分人员还被诱骗前往境外赌场。警方提醒广大群众，远离赌博，"
           "发现涉赌线索请及时拨打110举报。");
  EXPECT_TRUE(run(p).empty());
  EXPECT_LE(score(p), 5);
}

TEST_F(SpamTest, WelfareLotteryFundDisclosureIsNotSpam) {
  const PageResult p =
      page("2025年度本级福利彩票公益金使用情况公告",
           "根据《彩票管理条例》《彩票公益金管理办法》规定，现将2025年度本级福利彩票公益金"
           "使用情况公告如下：一、福利彩票公益金收入情况。2025年本级共收到中央和省级下达的"
           "福彩公益金3520万元。二、福利彩票公益金使用情况。用于养老服务体系建设1800万元，"
           "儿童福利和未成年人保护620万元。彩票公益金项目均按规定在醒目位置标注“福彩公益金资助”。");
  EXPECT_TRUE(run(p).empty());
  EXPECT_LE(score(p), 2);
}

}  // namespace
}  // namespace sitepatrol::checks
