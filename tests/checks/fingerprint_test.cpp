#include "checks/fingerprint.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/checks/tamper_page.h"

namespace sitepatrol::checks {
namespace {

using testing::PageKnobs;

PageSketch sketch_of(const PageKnobs& knobs) { return *testing::parsed_page(knobs).sketch; }

SketchDiff diff_of(const PageKnobs& before, const PageKnobs& after) {
  return compare(sketch_of(before), sketch_of(after));
}

// Distinct synthetic paths, e.g. for pages larger than the sample.
std::vector<std::string> numbered_paths(const std::string& prefix, int from, int to) {
  std::vector<std::string> out;
  for (int i = from; i < to; ++i) out.push_back("html>body>div." + prefix + std::to_string(i));
  return out;
}

TEST(Fingerprint, GeneratedPageIsParsedLikeAGovernmentHomepage) {
  crawler::ParseOptions options;
  options.structure = true;
  const auto html =
      crawler::parse_html(testing::tamper_page({}), "http://www.site.example/", options);
  EXPECT_GT(html.tag_paths.size(), 200u);
  EXPECT_NE(std::ranges::find(html.tag_paths,
                              tag_path_hash("html>body>div.main.wrap>div.col-left>div.box.news>"
                                            "ul.list>li>span.date")),
            html.tag_paths.end());
  const PageSketch s = sketch_of({});
  EXPECT_EQ(s.elements, html.tag_paths.size());
  EXPECT_EQ(s.title, "湖北省交通运输厅");
  EXPECT_EQ(s.scripts, (std::vector<std::string>{"http://www.site.example/js/common.js?v=20261101",
                                                 "http://www.site.example/js/jquery.min.js"}));
  EXPECT_TRUE(s.iframes.empty());
}

TEST(Fingerprint, SketchKeepsScriptsFramesTitleAndSize) {
  std::vector<LinkRef> links;
  for (const auto& [url, kind] : {std::pair{"http://www.site.example/js/b.js", "script"},
                                  std::pair{"http://www.site.example/js/a.js", "script"},
                                  std::pair{"http://www.site.example/js/a.js", "script"},
                                  std::pair{"http://www.site.example/map.html", "iframe"},
                                  std::pair{"http://www.site.example/x/", "a"}}) {
    LinkRef ref;
    ref.url = url;
    ref.kind = kind;
    links.push_back(std::move(ref));
  }
  const std::vector<std::string> inline_scripts = {"var a = 1;", "  var a =\n 1; ", " "};
  const std::vector<std::string> paths = {"html", "html>head", "html>body", "html>body>div"};
  const PageSketch s = sketch_page(paths, links, "  湖北省\n 交通运输厅 ", inline_scripts);
  EXPECT_EQ(s.elements, 4u);
  EXPECT_EQ(s.title, "湖北省 交通运输厅");
  ASSERT_EQ(s.scripts.size(), 3u);  // duplicates gone; both inline bodies are the same script
  EXPECT_EQ(s.scripts[0], "http://www.site.example/js/a.js");
  EXPECT_EQ(s.scripts[1], "http://www.site.example/js/b.js");
  EXPECT_TRUE(s.scripts[2].starts_with("inline:")) << s.scripts[2];
  EXPECT_EQ(s.iframes, std::vector<std::string>{"http://www.site.example/map.html"});
  EXPECT_EQ(s.minhash.size(), 1u);  // four paths: one shingle
}

TEST(Fingerprint, SameTemplateIsUnchangedAndPagesShorterThanAShingleWork) {
  const SketchDiff same = diff_of({}, {});
  EXPECT_EQ(same.structure_changed, 0);
  EXPECT_EQ(same.new_block, 0u);
  EXPECT_TRUE(same.new_scripts.empty());
  EXPECT_FALSE(same.title_changed);
  EXPECT_EQ(same.summary, "structure 0% changed");

  const PageSketch tiny = sketch_page(std::vector<std::string>{"html", "html>body"}, {}, "");
  EXPECT_EQ(compare(tiny, tiny).structure_changed, 0);
  EXPECT_EQ(compare(tiny, sketch_page(std::vector<std::string>{"html", "html>frameset"}, {}, ""))
                .structure_changed,
            1);
  EXPECT_EQ(compare(PageSketch{}, PageSketch{}).structure_changed, 0);
  EXPECT_EQ(compare(tiny, PageSketch{}).structure_changed, 1);
}

TEST(Fingerprint, NewsUpdateStaysNearZero) {
  PageKnobs monday;
  PageKnobs friday;
  friday.first_item = 21;   // all 20 items replaced ...
  friday.news_items = 23;   // ... by a few more
  friday.notice_items = 6;  // and a few fewer notices
  friday.day = 28;          // dates changed
  friday.new_icons = 3;
  const SketchDiff d = diff_of(monday, friday);
  EXPECT_LT(d.structure_changed, 0.1) << d.summary;
  EXPECT_EQ(d.new_block, 0u) << d.summary;
  EXPECT_TRUE(d.new_scripts.empty());
  EXPECT_TRUE(d.new_iframes.empty());
  EXPECT_FALSE(d.title_changed);

  PageKnobs quiet_week = friday;  // no item recent enough for an icon, a short list
  quiet_week.new_icons = 0;
  quiet_week.news_items = 15;
  EXPECT_LT(diff_of(monday, quiet_week).structure_changed, 0.1);
  EXPECT_EQ(diff_of(monday, quiet_week).new_block, 0u);
}

TEST(Fingerprint, DefacementIsNearlyAllChanged) {
  PageKnobs defaced;
  defaced.defaced = true;
  defaced.title = "Hacked by X";
  const SketchDiff d = diff_of({}, defaced);
  EXPECT_GT(d.structure_changed, 0.6) << d.summary;
  EXPECT_TRUE(d.title_changed);
  EXPECT_NE(d.summary.find("title changed from '湖北省交通运输厅' to 'Hacked by X'"),
            std::string::npos)
      << d.summary;
}

TEST(Fingerprint, InjectedLinkBlockIsANewBlockThoughLittleStructureChanged) {
  PageKnobs injected;
  injected.injected_links = 30;
  const SketchDiff d = diff_of({}, injected);
  // Why a share threshold alone cannot catch it:
  EXPECT_LT(d.structure_changed, 0.1) << d.summary;
  EXPECT_EQ(d.new_block, 27u) << d.summary;  // 30 links: 27 windows of four inside the block
  EXPECT_NE(d.summary.find("new block of 27 repeated elements"), std::string::npos) << d.summary;

  injected.injected_as_list = true;  // <ul><li><a> x 30, pushed off-screen
  EXPECT_GE(diff_of({}, injected).new_block, 27u);

  injected.injected_links = 8;  // a short block is below the rule (SEC-DARKLINK's business)
  EXPECT_EQ(diff_of({}, injected).new_block, 0u);
}

TEST(Fingerprint, ListThatWasAlreadyRepeatedIsNotANewBlock) {
  PageKnobs short_list;
  short_list.news_items = 7;  // two with icons, five plain: each pattern of a plain item
                              // (li a span li, a span li a, ...) already occurs four times
  PageKnobs long_list;
  long_list.news_items = 40;
  EXPECT_EQ(diff_of(short_list, long_list).new_block, 0u);

  // The known limit: a column baselined while almost empty looks like a new block once full.
  short_list.news_items = 4;
  EXPECT_EQ(diff_of(short_list, long_list).new_block, 38u);
}

TEST(Fingerprint, NewScriptsAndFramesAreListedVersionBumpsAreNot) {
  PageKnobs bumped;
  bumped.common_js = "/js/common.js?v=20261125";
  const SketchDiff bump = diff_of({}, bumped);
  EXPECT_TRUE(bump.new_scripts.empty()) << bump.summary;

  PageKnobs hijacked = bumped;
  hijacked.extra_script = "http://evil.example/x.js";
  hijacked.extra_iframe = "http://bet.example/index.html";
  const SketchDiff d = diff_of({}, hijacked);
  EXPECT_EQ(d.new_scripts, std::vector<std::string>{"http://evil.example/x.js"});
  EXPECT_EQ(d.new_iframes, std::vector<std::string>{"http://bet.example/index.html"});
  EXPECT_NE(d.summary.find("; new script http://evil.example/x.js"), std::string::npos)
      << d.summary;
  EXPECT_NE(d.summary.find("; new iframe http://bet.example/index.html"), std::string::npos)
      << d.summary;
  // A script that went away is no news.
  EXPECT_TRUE(diff_of(hijacked, {}).new_scripts.empty());
}

TEST(Fingerprint, ManyNewScriptsAreCountedNotAllListed) {
  PageSketch before, after;
  for (int i = 0; i < 5; ++i) after.scripts.push_back("http://s" + std::to_string(i) + ".example/");
  after.scripts.push_back("inline:0123456789abcdef");
  const SketchDiff d = compare(before, after);
  EXPECT_EQ(d.new_scripts.size(), 5u);
  EXPECT_EQ(d.new_inline_scripts, 1u);
  EXPECT_NE(d.summary.find("; 2 more new scripts; 1 new inline script"), std::string::npos)
      << d.summary;
}

TEST(Fingerprint, LargePagesAreSampledAndStillEstimatedAndWatched) {
  // 3,000 distinct paths: far more shingles than the sample holds.
  const auto baseline_paths = numbered_paths("a", 0, 3000);
  const PageSketch baseline = sketch_page(baseline_paths, {}, "");
  EXPECT_LT(baseline.minhash.size(), kSample + 10);

  // The second half replaced: 1 - J = 1 - 1497 / 4503.
  auto half = numbered_paths("a", 0, 1500);
  const auto other = numbered_paths("b", 1500, 3000);
  half.insert(half.end(), other.begin(), other.end());
  const double expected = 1.0 - 1497.0 / 4503.0;
  EXPECT_NEAR(compare(baseline, sketch_page(half, {}, "")).structure_changed, expected, 0.1);

  // A block injected into a big page is seen whatever its hashes.
  for (int at : {100, 1500, 2900}) {
    auto injected = baseline_paths;
    std::vector<std::string> block(31, "html>body>div.a" + std::to_string(at) + ">div>a");
    block[0] = "html>body>div.a" + std::to_string(at) + ">div";
    injected.insert(injected.begin() + at + 1, block.begin(), block.end());
    const SketchDiff d = compare(baseline, sketch_page(injected, {}, ""));
    EXPECT_EQ(d.new_block, 27u) << at;
    EXPECT_LT(d.structure_changed, 0.1) << at;
  }
}

}  // namespace
}  // namespace sitepatrol::checks
