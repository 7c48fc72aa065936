#include "checks/tamper.h"

#include <gtest/gtest.h>

#include <map>

#include "tests/checks/tamper_page.h"

namespace sitepatrol::checks {
namespace {

using testing::PageKnobs;

constexpr const char* kHome = "http://www.site.example/";

PageResult page_of(const PageKnobs& knobs, const std::string& url = kHome) {
  return testing::parsed_page(knobs, url);
}

class TamperTest : public ::testing::Test {
 protected:
  TamperTest() {
    site_.id = "hb-jtt";
    site_.url = kHome;
    baselines_[kHome] = *page_of({}).sketch;
    ctx_.site = &site_;
    ctx_.patrol = &patrol_;
    ctx_.security = &security_;
    ctx_.own_hosts = {"www.site.example"};
    ctx_.baselines = &baselines_;
  }

  Findings run(const PageResult& page) {
    Findings out;
    check_tamper(ctx_, page, out);
    return out;
  }

  config::SiteConfig site_;
  config::PatrolConfig patrol_;
  config::SecurityConfig security_;
  std::map<std::string, PageSketch> baselines_;
  SiteContext ctx_;
};

TEST_F(TamperTest, NormalNewsUpdateRaisesNothing) {
  PageKnobs update;
  update.first_item = 21;
  update.news_items = 22;
  update.day = 29;
  update.new_icons = 1;
  update.common_js = "/js/common.js?v=20261129";
  EXPECT_TRUE(run(page_of(update)).empty());
}

TEST_F(TamperTest, DefacementIsCriticalWithWhatChanged) {
  PageKnobs defaced;
  defaced.defaced = true;
  defaced.title = "Hacked by X";
  const Findings out = run(page_of(defaced));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].site, "hb-jtt");
  EXPECT_EQ(out[0].code, "SEC-TAMPER");
  EXPECT_EQ(out[0].severity, Severity::critical);
  EXPECT_EQ(out[0].subject, kHome);
  EXPECT_EQ(out[0].page, kHome);
  EXPECT_TRUE(out[0].detail.starts_with("structure 9")) << out[0].detail;
  EXPECT_NE(out[0].detail.find("% changed; "), std::string::npos) << out[0].detail;
  EXPECT_NE(out[0].detail.find("title changed from '湖北省交通运输厅' to 'Hacked by X'"),
            std::string::npos)
      << out[0].detail;
}

TEST_F(TamperTest, InjectedHiddenLinkBlockInTheFooterIsCaught) {
  PageKnobs injected;
  injected.injected_links = 30;
  const Findings out = run(page_of(injected));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "SEC-TAMPER");
  EXPECT_NE(out[0].detail.find("new block of 27 repeated elements"), std::string::npos)
      << out[0].detail;
}

TEST_F(TamperTest, NewForeignScriptIsCaughtWithItsUrl) {
  PageKnobs hijacked;
  hijacked.extra_script = "http://evil.example/x.js";
  const Findings out = run(page_of(hijacked));
  ASSERT_EQ(out.size(), 1u);
  // The structure hardly moved (one more element in the head): the new src alone decides.
  EXPECT_TRUE(out[0].detail.starts_with("structure 3% changed; ")) << out[0].detail;
  EXPECT_TRUE(out[0].detail.ends_with("; new script http://evil.example/x.js")) << out[0].detail;
}

TEST_F(TamperTest, NewHiddenIframeIsCaught) {
  PageKnobs framed;
  framed.extra_iframe = "http://bet.example/";
  const Findings out = run(page_of(framed));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].detail.find("new iframe http://bet.example/"), std::string::npos)
      << out[0].detail;
}

TEST_F(TamperTest, RenamedTitleAloneIsNotTampering) {
  PageKnobs renamed;
  renamed.title = "湖北省交通运输厅门户网站";
  EXPECT_TRUE(run(page_of(renamed)).empty());
}

TEST_F(TamperTest, ThresholdComesFromTheSecurityConfig) {
  // Half of a page of distinct blocks replaced: about two thirds of its shingles change.
  std::vector<std::string> before, after;
  for (int i = 0; i < 100; ++i) {
    before.push_back("html>body>div.a" + std::to_string(i));
    after.push_back(i < 50 ? before.back() : "html>body>div.b" + std::to_string(i));
  }
  baselines_[kHome] = sketch_page(before, {}, "");
  PageResult page = page_of({});
  page.sketch = sketch_page(after, {}, "");
  const double changed = compare(baselines_[kHome], *page.sketch).structure_changed;
  ASSERT_GT(changed, 0.5);
  ASSERT_LT(changed, 0.8);

  security_.tamper_threshold = 0.8;
  EXPECT_TRUE(run(page).empty());
  security_.tamper_threshold = 0.5;
  EXPECT_EQ(run(page).size(), 1u);
  ctx_.security = nullptr;  // the default, 0.35
  EXPECT_EQ(run(page).size(), 1u);
}

TEST_F(TamperTest, NothingToCompareRaisesNothing) {
  PageKnobs defaced;
  defaced.defaced = true;
  PageResult page = page_of(defaced, "http://www.site.example/new-column/");
  EXPECT_TRUE(run(page).empty());  // no baseline for this URL (yet)

  page = page_of(defaced);
  page.sketch.reset();  // not sketched (an article, or a 304)
  EXPECT_TRUE(run(page).empty());

  baselines_[kHome] = PageSketch{};  // recorded from a page where nothing was parsed
  EXPECT_TRUE(run(page_of(defaced)).empty());

  ctx_.baselines = nullptr;
  EXPECT_TRUE(run(page_of(defaced)).empty());
}

}  // namespace
}  // namespace sitepatrol::checks
