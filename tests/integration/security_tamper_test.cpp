// SEC-TAMPER end to end, over several patrols of one site: the first patrol records the
// template baselines of the homepage and the column pages; an ordinary news update (20 new
// items with new dates) does not trip the check; a defaced homepage, a hidden link block
// injected into the footer, and a foreign <script src> slipped into a column page do; and
// `sitepatrol baseline accept --site ID` makes the current state the accepted one.
//
// The pages are templates from tests/data/integration/security/tamper/ served through
// FixtureServer routes, which send no validators: every patrol reads them in full, as it
// must read a page that changed. Gambling and evil hosts are not fetched
// (check_external_links = false).
#include <gtest/gtest.h>

#include <array>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

constexpr std::array<std::string_view, 20> kPlaces = {
    "武汉", "黄石", "十堰", "宜昌", "襄阳", "鄂州", "荆门", "孝感", "荆州", "黄冈",
    "咸宁", "随州", "恩施", "仙桃", "天门", "潜江", "神农架", "丹江口", "汉川", "大冶"};

// One edition of the news: 20 items, newest first.
struct Edition {
  std::string topic;  // what every item of this edition is about
  int year_month;     // 202610
  int first_id;       // article ids count up from here
};
const Edition kOctober{"交通运输局召开安全生产工作会议", 202610, 3001};
const Edition kNovember{"加快推进农村公路提档升级", 202611, 4101};

std::string article_path(const Edition& e, int i) {
  const int day = 28 - i;
  return "/xwdt/" + std::to_string(e.year_month) + "/t" + std::to_string(e.year_month) +
         (day < 10 ? "0" : "") + std::to_string(day) + "_" + std::to_string(e.first_id + i) +
         ".html";
}

std::string article_date(const Edition& e, int i) {
  const int day = 28 - i;
  const std::string ym = std::to_string(e.year_month);
  return ym.substr(0, 4) + "-" + ym.substr(4, 2) + "-" + (day < 10 ? "0" : "") +
         std::to_string(day);
}

std::string article_title(const Edition& e, int i) {
  return std::string(kPlaces[static_cast<std::size_t>(i)]) + e.topic;
}

// The <li> items of a news list: the first `n` of the edition; the two newest carry the
// "new" icon, as CMSs mark them.
std::string news_items(const Edition& e, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    const std::string title = article_title(e, i);
    out += "      <li><a href=\"" + article_path(e, i) + "\" title=\"" + title + "\">" + title +
           "</a>";
    if (i < 2) out += "<img class=\"new\" src=\"/images/new.gif\" alt=\"\">";
    out += "<span class=\"date\">" + article_date(e, i) + "</span></li>\n";
  }
  return out;
}

std::string article_page(const Edition& e, int i) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + article_title(e, i) +
         "</title></head><body><div class=\"article\"><h1>" + article_title(e, i) +
         "</h1><p class=\"info\">发布时间：" + article_date(e, i) +
         "</p><p>近日，" + article_title(e, i) + "。</p></div></body></html>";
}

// The site, whose pages a test changes between patrols.
class TamperSite {
 public:
  TamperSite()
      : home_template_(integration_data("security/tamper/home.html")),
        column_template_(integration_data("security/tamper/column.html")) {
    publish(kOctober);
  }

  // The news of `e` on the homepage and in 交通要闻, and its articles.
  void publish(const Edition& e) {
    edition_ = e;
    for (int i = 0; i < 20; ++i) server.page(article_path(e, i), article_page(e, i));
    server.page("/", fill_template(home_template_, {{"news", news_items(e, 20)}}));
    set_column("/xwdt/", "交通要闻", "");
    set_column("/tzgg/", "通知公告", "");
  }
  // A column page of the current edition, with `head_extra` in its <head>.
  void set_column(const std::string& path, std::string_view name, std::string_view head_extra) {
    server.page(path, fill_template(column_template_, {{"column", std::string(name)},
                                                       {"news", news_items(edition_, 8)},
                                                       {"head_extra", std::string(head_extra)}}));
  }
  // The homepage of the current edition with `block` inserted before </body>.
  void inject_into_homepage(std::string_view block) {
    std::string page = fill_template(home_template_, {{"news", news_items(edition_, 20)}});
    page.insert(page.rfind("</body>"), block);
    server.page("/", page);
  }
  void deface() { server.page("/", integration_data("security/tamper/defaced.html")); }

  FixtureServer server;

 private:
  std::string home_template_;
  std::string column_template_;
  Edition edition_ = kOctober;
};

struct TamperPatrol : Patrol {
  explicit TamperPatrol(const FixtureServer& server) : Patrol(server) {
    set("check_external_links", "false");
  }
  ProcessResult baseline(std::string_view action) const {
    return run({"baseline", std::string(action), "-c", config_path().string(), "--site", "site"});
  }
};

TEST(SecurityTamper, NewsUpdatePassesDefacementIsCaughtAndAcceptedBaselineClearsIt) {
  TamperSite site;
  TamperPatrol patrol(site.server);
  const std::string home_url = home(site.server);

  // Run 1 records the baselines.
  const Round first = patrol.round();
  ASSERT_TRUE(round_ok(first));
  EXPECT_TRUE(first.findings.with_code("SEC-TAMPER").empty()) << first.findings.describe();
  const ProcessResult shown = patrol.baseline("show");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find(home_url), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find(on_site(site.server, "/xwdt/")), std::string::npos) << shown.out;

  // Run 2: the news list has 20 new items with new dates; the template is the same.
  site.publish(kNovember);
  const Round second = patrol.round();
  ASSERT_TRUE(round_ok(second));
  EXPECT_GE(site.server.hits(article_path(kNovember, 19)), 1u);
  EXPECT_TRUE(second.findings.with_code("SEC-TAMPER").empty()) << second.findings.describe();

  // Run 3: the homepage body is replaced by a defacement page.
  site.deface();
  const Round third = patrol.round();
  ASSERT_TRUE(round_ok(third));
  const auto tamper = third.findings.find("SEC-TAMPER", home_url);
  ASSERT_TRUE(tamper) << third.findings.describe();
  EXPECT_EQ(tamper->severity, "critical");
  EXPECT_EQ(tamper->site, "site");
  EXPECT_EQ(tamper->page, home_url);
  EXPECT_EQ(tamper->status, "new");
  EXPECT_NE(tamper->detail.find("structure"), std::string::npos) << tamper->detail;
  EXPECT_NE(tamper->detail.find("title"), std::string::npos) << tamper->detail;
  EXPECT_EQ(third.findings.with_code("SEC-TAMPER").size(), 1u) << third.findings.describe();

  // The owner accepts the current state; run 4 no longer reports it.
  const ProcessResult accepted = patrol.baseline("accept");
  ASSERT_EQ(accepted.exit_code, 0) << accepted.out << accepted.err;
  EXPECT_NE(accepted.out.find("accepted"), std::string::npos) << accepted.out;
  const Round fourth = patrol.round();
  ASSERT_TRUE(round_ok(fourth));
  EXPECT_TRUE(fourth.findings.with_code("SEC-TAMPER").empty()) << fourth.findings.describe();
  const Findings resolved = patrol.findings({"--status", "resolved"});
  ASSERT_TRUE(resolved.parse_error.empty()) << resolved.parse_error << resolved.process.err;
  const auto gone = resolved.find("SEC-TAMPER", home_url);
  ASSERT_TRUE(gone) << resolved.describe();
  EXPECT_EQ(gone->status, "resolved");
}

TEST(SecurityTamper, HiddenLinkBlockInjectedIntoTheHomepageIsTampering) {
  TamperSite site;
  TamperPatrol patrol(site.server);
  ASSERT_TRUE(round_ok(patrol.round()));

  std::string block = "<div style=\"display:none\">";
  for (int i = 1; i <= 30; ++i)
    block += "<a href=\"http://www.bet" + std::to_string(i) + ".example/\">澳门赌场" +
             std::to_string(i) + "</a>";
  block += "</div>\n";
  site.inject_into_homepage(block);
  const Round second = patrol.round();
  ASSERT_TRUE(round_ok(second));
  const auto tamper = second.findings.find("SEC-TAMPER", home(site.server));
  ASSERT_TRUE(tamper) << second.findings.describe();
  EXPECT_EQ(tamper->severity, "critical");
  EXPECT_NE(tamper->detail.find("block"), std::string::npos) << tamper->detail;
  EXPECT_EQ(second.findings.with_code("SEC-TAMPER").size(), 1u) << second.findings.describe();
}

TEST(SecurityTamper, ForeignScriptInjectedIntoAColumnPageIsTamperingAndForeign) {
  TamperSite site;
  TamperPatrol patrol(site.server);
  ASSERT_TRUE(round_ok(patrol.round()));

  const std::string evil = "http://www.evil.example/js/tj.js";
  site.set_column("/xwdt/", "交通要闻",
                  "<script type=\"text/javascript\" src=\"" + evil + "\"></script>");
  const Round second = patrol.round();
  ASSERT_TRUE(round_ok(second));
  const std::string column = on_site(site.server, "/xwdt/");

  const auto tamper = second.findings.find("SEC-TAMPER", column);
  ASSERT_TRUE(tamper) << second.findings.describe();
  EXPECT_EQ(tamper->severity, "critical");
  EXPECT_EQ(tamper->page, column);
  EXPECT_NE(tamper->detail.find("new script " + evil), std::string::npos) << tamper->detail;
  // Only the changed page.
  EXPECT_EQ(second.findings.with_code("SEC-TAMPER").size(), 1u) << second.findings.describe();

  const auto foreign = second.findings.find("SEC-FOREIGN-SCRIPT", evil);
  ASSERT_TRUE(foreign) << second.findings.describe();
  EXPECT_EQ(foreign->severity, "error");
  EXPECT_EQ(foreign->page, column);
}

}  // namespace
}  // namespace sitepatrol::integration
