#include "checks/interact.h"

#include <gtest/gtest.h>

#include <set>

#include "checks/feature_names.h"
#include "checks/interact_stats.h"
#include "checks/message_board.h"
#include "config/features.h"
#include "tests/checks/site_fixture.h"

namespace sitepatrol::checks {
namespace {

using namespace std::chrono_literals;

using testing::SiteFixture;
const std::string kHome = "http://www.site.example/";
const std::string kBoard = "http://www.site.example/hdjl/lyb/";

// The fixture's today is 2026-11-25 (Beijing time).
ListRow row(std::string text, std::string url, std::string link_text = "一条留言") {
  return ListRow{std::move(text), std::move(url), std::move(link_text), 1, ""};
}

FeaturePage page(std::string kind, std::string url, std::vector<ListRow> rows = {},
                 int hop = 0) {
  FeaturePage p;
  p.kind = std::move(kind);
  p.url = p.final_url = std::move(url);
  p.hop = hop;
  p.status = 200;
  p.rows = std::move(rows);
  return p;
}

ActionProbe probe(std::string url, int status, FetchError error = FetchError::none) {
  return ActionProbe{std::move(url), status, error, error == FetchError::none ? "" : "refused"};
}

FormInfo post_form(std::string action) {
  FormInfo f;
  f.action = std::move(action);
  f.method = "post";
  f.fields = {{"input", "text", "title", "", ""}, {"textarea", "", "content", "", ""}};
  return f;
}

FormInfo get_search(std::string action) {
  FormInfo f;
  f.action = std::move(action);
  f.method = "get";
  f.text = "搜索";
  f.fields = {{"input", "text", "searchword", "", "请输入关键字"}, {"input", "submit", "", "搜索", ""}};
  return f;
}

struct Site {
  SiteFixture fixture;
  config::Config config;
  config::FeaturesConfig& features = config.features;
  SiteResult result;

  Site() {
    features = config::default_features();
    result.homepage.url = kHome;
    result.homepage.status = 200;
    result.homepage.is_homepage = true;
    features.required = {{"local", {"message_board"}}};
    features.interviews_per_year = {};
  }
  void candidate(std::string kind, std::string url) {
    result.interaction.candidates.push_back(
        {.kind = std::move(kind), .url = std::move(url), .text = "链接", .found_on = kHome,
         .configured = false, .on_homepage = true, .internal = true});
  }
  void add(FeaturePage p) { result.interaction.pages[p.url] = std::move(p); }
  std::set<std::string> findings() const {
    SiteContext ctx = fixture.context();
    ctx.config = &config;
    Findings out;
    check_interaction(ctx, result, out);
    std::set<std::string> codes;
    for (const auto& f : out) codes.insert(f.code + " " + f.subject);
    return codes;
  }
};

// ---- names, forms, pagination ------------------------------------------------------------

TEST(FeatureNames, LinkTextsNameTheirKind) {
  const auto features = config::default_features();
  EXPECT_EQ(feature_kind_of(features, "网上咨询"), "message_board");
  EXPECT_EQ(feature_kind_of(features, "部长信箱"), "mailbox");
  EXPECT_EQ(feature_kind_of(features, "局长信箱收件、办件统计"), "mailbox_stats");
  EXPECT_EQ(feature_kind_of(features, "在线访谈"), "interview");
  EXPECT_EQ(feature_kind_of(features, "依申请公开"), "disclosure_request");
  EXPECT_EQ(feature_kind_of(features, "站内搜索"), "search");
  EXPECT_EQ(feature_kind_of(features, "咨询电话"), std::nullopt);
  EXPECT_EQ(feature_kind_of(features, "留言统计"), std::nullopt);
  EXPECT_EQ(feature_kind_of(features, "工作动态"), std::nullopt);
  EXPECT_EQ(feature_kind_of(features, "关于开展2026年度局长在线访谈活动的通知（第三批）"), std::nullopt);
}

TEST(FeatureNames, RealPortalNamesOfMailboxesAndChannels) {
  const auto features = config::default_features();
  // Every head's mailbox, whatever the head: ...长信箱.
  for (const char* name : {"省长信箱", "市长信箱", "县长信箱", "区长信箱", "局长信箱",
                           "厅长信箱", "部长信箱", "写信给市长信箱", "部门信箱"}) {
    EXPECT_EQ(feature_kind_of(features, name), "mailbox") << name;
  }
  EXPECT_EQ(feature_kind_of(features, "政务咨询"), "message_board");
  EXPECT_EQ(feature_kind_of(features, "网上信访"), "message_board");
  // Statistics of a mailbox, telephone lines and article titles are not the feature.
  EXPECT_EQ(feature_kind_of(features, "市长信箱收件、办件统计"), "mailbox_stats");
  EXPECT_EQ(feature_kind_of(features, "市长信箱统计"), "mailbox_stats");
  EXPECT_EQ(feature_kind_of(features, "政务咨询电话"), std::nullopt);
  EXPECT_EQ(feature_kind_of(features, "信箱"), std::nullopt);
  EXPECT_EQ(feature_kind_of(features, "关于2026年第三季度市长信箱来信办理情况的通报说明"),
            std::nullopt);
}

// Names a ministry configures: ASCII matched without regard to case, an ignore word rules
// out only its own kind, and a name given twice (or under two kinds) counts once each.
TEST(FeatureNames, ConfiguredNamesAndWordsThatRuleThemOut) {
  auto features = config::default_features();
  features.names["interview"].names = {"Online Interview", "Online Interview", "访谈"};
  features.names["interview"].ignore = {"ARCHIVE"};
  features.names["search"].names = {"archive search"};
  EXPECT_EQ(feature_kind_of(features, "online INTERVIEW"), "interview");
  EXPECT_EQ(feature_kind_of(features, "Online Interview Archive"), std::nullopt);
  EXPECT_EQ(feature_kind_of(features, "Archive Search"), "search");
  EXPECT_EQ(feature_kind_of(features, "访谈archive search"), "search");
  EXPECT_EQ(feature_kind_of(features, ""), std::nullopt);
}

TEST(FeatureNames, SearchAndMessageFormsAndPagination) {
  const FormInfo search = get_search("http://www.site.example/search");
  EXPECT_TRUE(is_search_form(search));
  EXPECT_FALSE(is_message_form(search));
  EXPECT_EQ(search_field(search), "searchword");
  const FormInfo message = post_form("http://www.site.example/submit");
  EXPECT_TRUE(is_message_form(message));
  EXPECT_FALSE(is_search_form(message));
  FormInfo login;
  login.fields = {{"input", "text", "user", "", ""}, {"input", "password", "pwd", "", ""}};
  EXPECT_FALSE(is_message_form(login));
  EXPECT_TRUE(is_pagination_text("下一页"));
  EXPECT_TRUE(is_pagination_text("3"));
  EXPECT_TRUE(is_pagination_text("尾页"));
  EXPECT_FALSE(is_pagination_text("首页"));
  EXPECT_FALSE(is_pagination_text("关于公交线路的咨询"));
}

TEST(MessageBoard, ReplyStatesReadUnansweredWordsFirst) {
  EXPECT_EQ(reply_state("状态：未办结"), ReplyState::unanswered);
  EXPECT_EQ(reply_state("状态：已办结"), ReplyState::answered);
  EXPECT_EQ(reply_state("已回复"), ReplyState::answered);
  EXPECT_EQ(reply_state("处理中"), ReplyState::unanswered);
  EXPECT_EQ(reply_state("关于公交线路的咨询"), ReplyState::unknown);
}

// ---- INTERACT-MISSING and INTERACT-BROKEN -------------------------------------------------

TEST(Interact, RequiredFeatureNotFoundIsMissingOthersAreNot) {
  Site s;
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-MISSING message_board"}));
  s.features.required["local"] = {};
  EXPECT_TRUE(s.findings().empty());
}

TEST(Interact, AFormOneClickAwayWhoseActionAnswersIsUsable) {
  Site s;
  s.candidate("message_board", kBoard);
  FeaturePage board = page("message_board", kBoard);
  board.links = {{kBoard + "write.html", "a", "我要留言", false, "", ""}};
  s.add(board);
  FeaturePage write = page("message_board", kBoard + "write.html", {}, 1);
  write.forms = {post_form(kBoard + "submit")};
  s.add(write);
  s.result.interaction.actions[kBoard + "submit"] = probe(kBoard + "submit", 405);
  EXPECT_TRUE(s.findings().empty());

  s.result.interaction.actions[kBoard + "submit"] = probe(kBoard + "submit", 404);
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-BROKEN message_board"}));
}

TEST(Interact, APageWithNeitherFormNorListIsBrokenAndATelephoneNumberIsMissing) {
  Site s;
  s.candidate("message_board", kBoard);
  FeaturePage empty = page("message_board", kBoard);
  empty.text = "栏目建设中";
  s.add(empty);
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-BROKEN message_board"}));

  empty.text = "咨询电话：027-83460000";
  s.add(empty);
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-MISSING message_board"}));
}

TEST(Interact, AFeaturePageAnswering500IsBroken) {
  Site s;
  s.candidate("message_board", kBoard);
  FeaturePage failed = page("message_board", kBoard);
  failed.status = 500;
  s.add(failed);
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-BROKEN message_board"}));
}

TEST(Interact, PagesTheCrawlDidNotReachAreNotJudged) {
  Site s;
  s.candidate("message_board", kBoard);  // found, never fetched (robots.txt, max_pages)
  EXPECT_TRUE(s.findings().empty());
}

TEST(Interact, GetSearchMustGiveAResultsPageThatIsNoErrorPage) {
  Site s;
  s.features.required["local"] = {"search"};
  const FormInfo form = get_search(kHome + "search");
  s.result.homepage.forms = {form};
  SearchProbe probe{kHome, form.action, form.action + "?searchword=x", 200, FetchError::none,
                    "", "搜索结果", "共找到 3 条结果"};
  s.result.interaction.searches = {probe};
  EXPECT_TRUE(s.findings().empty());

  s.result.interaction.searches[0].status = 500;
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-BROKEN search"}));

  s.result.interaction.searches[0].status = 200;
  s.result.interaction.searches[0].title = "系统错误";
  s.result.interaction.searches[0].text = "对不起，系统错误，请稍后再试";
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-BROKEN search"}));

  s.result.homepage.forms.clear();
  s.result.interaction.searches.clear();
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-MISSING search"}));
}

TEST(Interact, APostSearchFormIsOnlyChecked) {
  Site s;
  s.features.required["local"] = {"search"};
  FormInfo form = get_search(kHome + "search.jsp");
  form.method = "post";
  s.result.homepage.forms = {form};
  s.result.interaction.actions[form.action] = probe(form.action, 200);
  EXPECT_TRUE(s.findings().empty());
  s.result.interaction.actions[form.action] = probe(form.action, 0, FetchError::connect);
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-BROKEN search"}));
}

TEST(Interact, AnOffSiteFeatureIsJudgedByItsLinkCheck) {
  Site s;
  s.result.interaction.candidates.push_back({.kind = "message_board",
                                             .url = "http://hudong.example.gov.cn/",
                                             .text = "我要咨询",
                                             .found_on = kHome,
                                             .configured = false,
                                             .on_homepage = true,
                                             .internal = false});
  LinkResult link;
  link.url = "http://hudong.example.gov.cn/";
  link.status = 200;
  s.result.interaction.external[link.url] = link;
  EXPECT_TRUE(s.findings().empty());
  s.result.interaction.external[link.url].status = 404;
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-BROKEN message_board"}));
}

// A feature link to a private address is not connected to (issue 12): it is blocked, not
// broken, and raises nothing, on another host or the site's own.
TEST(Interact, AFeatureAtABlockedPrivateAddressIsNotJudged) {
  Site s;
  s.result.interaction.candidates.push_back({.kind = "message_board",
                                             .url = "http://10.0.0.8/liuyan/",
                                             .text = "我要留言",
                                             .found_on = kHome,
                                             .configured = false,
                                             .on_homepage = true,
                                             .internal = false});
  LinkResult link;
  link.url = "http://10.0.0.8/liuyan/";
  link.error = FetchError::blocked_private;
  s.result.interaction.external[link.url] = link;
  EXPECT_TRUE(s.findings().empty());

  Site own;
  own.candidate("message_board", kBoard);
  FeaturePage blocked = page("message_board", kBoard);
  blocked.status = 0;
  blocked.error = FetchError::blocked_private;
  own.add(blocked);
  EXPECT_TRUE(own.findings().empty());
}

// ---- INTERACT-UNANSWERED ------------------------------------------------------------------

TEST(Interact, UnansweredAfterNinetyDaysWithinTheYearOnly) {
  Site s;
  s.candidate("message_board", kBoard);
  s.add(page("message_board", kBoard,
             {row("甲 2026-08-25 未回复", kBoard + "1.html"),     // 92 days: reported
              row("乙 2026-08-29 未回复", kBoard + "2.html"),     // 88 days: not yet
              row("丙 2026-08-01 处理中", kBoard + "3.html"),     // 116 days: reported
              row("丁 2025-08-01 未回复", kBoard + "4.html"),     // over a year: not looked at
              row("戊 2026-06-01 已回复 2026-06-03", kBoard + "5.html"),
              row("己 2026-06-01 2026-06-09", kBoard + "6.html")}));  // a reply date: answered
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-UNANSWERED " + kBoard + "1.html",
                                                 "INTERACT-UNANSWERED " + kBoard + "3.html"}));
}

TEST(Interact, DetailPagesSayWhetherAMessageWasAnswered) {
  Site s;
  s.candidate("message_board", kBoard);
  s.add(page("message_board", kBoard,
             {row("甲 2026-05-01", kBoard + "1.html"), row("乙 2026-05-02", kBoard + "2.html"),
              row("丙 2026-05-03", kBoard + "3.html")}));
  FeaturePage a = page("message_board", kBoard + "1.html", {}, 1);
  a.text = "留言时间：2026-05-01 留言内容：…… 回复：尚未回复";
  FeaturePage b = page("message_board", kBoard + "2.html", {}, 1);
  b.text = "留言时间：2026-05-02 回复时间：2026-05-06 回复内容：您好，已转交相关部门办理。";
  FeaturePage c = page("message_board", kBoard + "3.html", {}, 1);
  c.text = "留言时间：2026-05-03 回复内容：您好，该路段将于下月完成维修，感谢您的关注。";
  s.add(a);
  s.add(b);
  s.add(c);
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-UNANSWERED " + kBoard + "1.html"}));
}

TEST(Interact, MessagesShownInFullOnTheBoardPageShareItsUrl) {
  Site s;
  s.candidate("message_board", kBoard);
  FeaturePage board = page("message_board", kBoard);
  board.text =
      "路灯不亮 留言人：王** 留言时间：2026-11-01 请尽快维修。 答复时间：2026-11-03 您好，已修复。 "
      "公交改线 留言人：李** 留言时间：2026-07-01 为何改线？ 办理状态：处理中 "
      "驾校收费 留言人：赵** 留言时间：2026-06-01 收费太高。 答复单位：本局 答复时间：2026-06-05 已核查。";
  s.add(board);
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-UNANSWERED " + kBoard}));
  const auto messages = read_messages(s.result.interaction, 2026y / 11 / 25);
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_EQ(messages[0].state, ReplyState::answered);
  EXPECT_EQ(messages[1].state, ReplyState::unanswered);
  EXPECT_EQ(messages[2].state, ReplyState::answered);
  ASSERT_TRUE(messages[2].replied);
  EXPECT_EQ(*messages[2].replied, 2026y / 6 / 5);
}

// ---- INTERACT-TOO-FEW, mailbox statistics ------------------------------------------------

TEST(Interact, InterviewsOfThisCalendarYearCountAgainstTheCategory) {
  Site s;
  s.features.required["local"] = {};
  s.features.interviews_per_year = {{"local", 2}};
  const std::string ft = kHome + "zxft/";
  s.candidate("interview", ft);
  s.add(page("interview", ft,
             {row("访谈一 2026-03-02", ft + "1.html"), row("访谈二 2025-12-20", ft + "2.html")}));
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-TOO-FEW interview"}));
  s.add(page("interview", ft,
             {row("访谈一 2026-03-02", ft + "1.html"), row("访谈二 2026-09-20", ft + "2.html")}));
  EXPECT_TRUE(s.findings().empty());
}

// A walk cut short (page limit, time limit) counted only the interviews it read: too few of
// those says nothing about the site (issue 14).
TEST(Interact, TooFewInterviewsIsNotJudgedFromAWalkCutShort) {
  Site s;
  s.features.required["local"] = {};
  s.features.interviews_per_year = {{"local", 2}};
  const std::string ft = kHome + "zxft/";
  s.candidate("interview", ft);
  s.add(page("interview", ft, {row("访谈一 2026-03-02", ft + "1.html")}));
  EXPECT_EQ(s.findings(), (std::set<std::string>{"INTERACT-TOO-FEW interview"}));
  s.result.cut_short = true;
  EXPECT_TRUE(s.findings().empty());
}

TEST(Interact, MailboxStatisticsOlderThanHalfAYearAreAStaleColumn) {
  Site s;
  s.features.required["local"] = {};
  const std::string tj = kHome + "tj/";
  s.candidate("mailbox_stats", tj);
  s.add(page("mailbox_stats", tj, {row("上半年收件、办件统计 2026-07-05", tj + "1.html")}));
  EXPECT_TRUE(s.findings().empty());
  s.add(page("mailbox_stats", tj, {row("下半年收件、办件统计 2026-01-05", tj + "1.html")}));
  EXPECT_EQ(s.findings(), (std::set<std::string>{"FRESH-COLUMN " + tj}));
}

// ---- figures per month -------------------------------------------------------------------

TEST(InteractionMonths, ReplyRateMedianDaysInterviewsAndSolicitations) {
  Site s;
  s.add(page("message_board", kBoard,
             {row("甲 2026-10-01 已回复 2026-10-03", kBoard + "1.html"),
              row("乙 2026-10-05 已回复 2026-10-15", kBoard + "2.html"),
              row("丙 2026-10-09 未回复", kBoard + "3.html"),
              row("丁 2026-10-10 2026-10-14", kBoard + "4.html")}));
  s.add(page("interview", kHome + "ft/", {row("访谈 2026-10-20", kHome + "ft/1.html")}));
  s.add(page("solicitation", kHome + "yj/",
             {row("征求意见 2026-10-01至2026-10-15", kHome + "yj/1.html"),
              row("征求意见 2026-10-02至2026-10-16 采纳情况反馈", kHome + "yj/2.html")}));
  SiteContext ctx = s.fixture.context();
  ctx.config = &s.config;
  const auto months = interaction_months(ctx, s.result.interaction);
  ASSERT_EQ(months.size(), 12u);
  EXPECT_EQ(months.front().month, "2025-12");
  EXPECT_EQ(months.back().month, "2026-11");
  const InteractionMonth& october = months[10];
  EXPECT_EQ(october.month, "2026-10");
  EXPECT_EQ(october.messages, 4);
  EXPECT_EQ(october.answered, 3);
  EXPECT_EQ(october.unanswered, 1);
  ASSERT_TRUE(october.reply_rate);
  EXPECT_DOUBLE_EQ(*october.reply_rate, 0.75);
  ASSERT_TRUE(october.median_reply_days);
  EXPECT_DOUBLE_EQ(*october.median_reply_days, 4.0);  // 2, 4 and 10 days
  EXPECT_EQ(october.interviews, 1);
  EXPECT_EQ(october.solicitations, 2);
  EXPECT_EQ(october.solicitations_no_feedback, 1);
  EXPECT_FALSE(months.back().reply_rate);
}

TEST(InteractErrorPage, NotFoundAndSystemErrorsButNotResults) {
  EXPECT_TRUE(looks_like_error_page("页面不存在", ""));
  EXPECT_TRUE(looks_like_error_page("搜索", "系统错误，请稍后再试"));
  EXPECT_TRUE(looks_like_error_page("500 Internal Server Error", ""));
  EXPECT_FALSE(looks_like_error_page("搜索结果", "共找到 12 条结果"));
}

}  // namespace
}  // namespace sitepatrol::checks
