// Index arithmetic on hand-computed cases (docs/indices.md), targets, and [indices] parsing.
#include "reports/indices.h"

#include <gtest/gtest.h>

#include "config/config.h"

namespace sitepatrol::reports {
namespace {

using checks::Severity;

void add(SiteMonth& m, std::string code, std::string subject) {
  store::FindingRow r;
  r.finding = checks::Finding{"s", std::move(code), Severity::error, std::move(subject), "", ""};
  m.current.push_back(std::move(r));
}

// A local site: 9 disclosure columns required (organization, guide, catalogue, annual report,
// planning, budget, statistics, personnel, emergency), 5 service columns (guides,
// application, status query, results, travel information).
SiteMonth local_site() {
  SiteMonth m;
  m.site.id = "s";
  m.site.category = "local";
  add(m, "COLUMN-MISSING", "budget");  // disclosure: 8 of 9 found
  add(m, "FRESH-COLUMN", "http://s/tzgg/");
  add(m, "COLUMN-EMPTY", "http://s/tjsj/");  // 2 of the 8 stale or blank
  add(m, "COLUMN-MISSING", "status_query");  // service: 4 of 5 found
  m.attachments = 4;
  m.attachments_failed = 1;  // forms 3/4
  m.runs = 4;
  m.runs_down = 1;  // availability 3/4
  return m;
}

TEST(Indices, DisclosureFromFindings) {
  const IndexResult r = disclosure_index(local_site(), {});
  // 0.5 x 8/9 + 0.5 x 6/8 = 0.444444 + 0.375
  EXPECT_NEAR(r.value, 0.819444, 1e-6);
  EXPECT_EQ(round4(r.value), 0.8194);
}

TEST(Indices, DisclosureFromColumnStatistics) {
  SiteMonth m = local_site();
  m.columns = std::vector<ColumnStat>{
      {"personnel", "人事信息", "http://s/rsxx/", "personnel", 400, true, false},
      {"planning", "规划计划", "http://s/ghjh/", "planning", 20, false, false},
      {"emergency", "应急管理", "http://s/yjgl/", "news", 3, false, false},
      {"news_unrequired", "其他", "http://s/qt/", "news", 999, true, false}};  // not counted
  // 0.5 x 8/9 + 0.5 x 2/3
  EXPECT_NEAR(disclosure_index(m, {}).value, 0.5 * 8 / 9 + 0.5 * 2 / 3.0, 1e-9);
}

TEST(Indices, Service) {
  // 0.5 x 4/5 + 0.25 x 3/4 + 0.25 x 3/4 = 0.4 + 0.1875 + 0.1875
  EXPECT_NEAR(service_index(local_site(), {}).value, 0.775, 1e-9);
}

TEST(Indices, LeftOutComponentSharesItsWeight) {
  SiteMonth m = local_site();
  m.attachments = 0;  // nothing to measure forms by
  const IndexResult r = service_index(m, {});
  EXPECT_FALSE(r.components[1].value.has_value());
  // (0.5 x 0.8 + 0.25 x 0.75) / 0.75
  EXPECT_NEAR(r.value, 0.783333, 1e-6);
}

TEST(Indices, ConfiguredWeights) {
  config::ServiceWeights w;
  w.columns = 1;
  w.forms = 0;
  w.availability = 3;
  // (1 x 0.8 + 3 x 0.75) / 4
  EXPECT_NEAR(service_index(local_site(), w).value, 0.7625, 1e-9);
}

TEST(Indices, InteractionFromStatistics) {
  SiteMonth m = local_site();
  add(m, "INTERACT-MISSING", "mailbox");  // channels 3/4
  m.interaction = InteractionStats{10, 8, 9.0, 1, 4, 3};
  // replies 0.8 x (90-9)/90 = 0.72; interviews 1/2; solicitations 3/4
  // 0.4 x 0.75 + 0.3 x 0.72 + 0.15 x 0.5 + 0.15 x 0.75 = 0.3 + 0.216 + 0.075 + 0.1125
  EXPECT_NEAR(interaction_index(m, {}).value, 0.7035, 1e-9);
}

TEST(Indices, InteractionFromFindings) {
  SiteMonth m;
  m.site.category = "maritime";
  add(m, "INTERACT-UNANSWERED", "http://s/ly/1.html");  // replies 0
  add(m, "INTERACT-TOO-FEW", "interview");              // interviews 0
  // channels 4/4, solicitations 1: 0.4 + 0 + 0 + 0.15
  EXPECT_NEAR(interaction_index(m, {}).value, 0.55, 1e-9);
}

TEST(Targets, BelowAverageMustReachIt) {
  IndexResult r;
  r.value = 0.55;
  apply_target(r, {0.56, 0.05}, 0.50, "config");
  EXPECT_EQ(*r.target, 0.56);
  EXPECT_FALSE(*r.meets);
}

TEST(Targets, AtAverageMustGrow) {
  IndexResult r;
  r.value = 0.588;
  apply_target(r, {0.56, 0.05}, 0.56, "config");
  EXPECT_NEAR(*r.target, 0.588, 1e-12);  // 0.56 x 1.05
  EXPECT_TRUE(*r.meets);
  r.value = 0.5879;
  apply_target(r, {0.56, 0.05}, 0.56, "config");
  EXPECT_FALSE(*r.meets);
}

TEST(Targets, NoBaseline) {
  IndexResult r;
  r.value = 0.47;
  apply_target(r, {0.48, 0.10}, std::nullopt, "");
  EXPECT_EQ(*r.target, 0.48);
  EXPECT_EQ(r.baseline_source, "");
  apply_target(r, {std::nullopt, 0.15}, std::nullopt, "");  // ministry_unit without baseline
  EXPECT_FALSE(r.target.has_value());
  EXPECT_FALSE(r.meets.has_value());
  apply_target(r, {std::nullopt, 0.15}, 0.40, "year_ago");
  EXPECT_NEAR(*r.target, 0.46, 1e-12);
  EXPECT_TRUE(*r.meets);
}

TEST(Targets, ComputeUsesConfiguredThenYearAgoBaseline) {
  SiteMonth now = local_site();
  now.site.baseline.disclosure = 0.9;
  SiteMonth year_ago = local_site();
  year_ago.attachments_failed = 0;
  year_ago.runs_down = 0;  // service a year ago: 0.5 x 0.8 + 0.25 + 0.25 = 0.9
  const SiteIndices i = compute_indices(now, {}, &year_ago);
  EXPECT_EQ(i.disclosure.baseline_source, "config");
  EXPECT_NEAR(*i.disclosure.target, 0.945, 1e-12);
  EXPECT_EQ(i.service.baseline_source, "year_ago");
  EXPECT_NEAR(*i.service.target, 0.99, 1e-12);
  EXPECT_FALSE(*i.service.meets);
  EXPECT_EQ(*config::category_targets("maritime")->interaction.average_2011, 0.44);
  EXPECT_FALSE(config::category_targets("ministry").has_value());
}

TEST(IndicesConfig, ParsesWeightsAndBaselines) {
  auto c = config::parse_config(R"(
[indices]
service = { columns = 2, forms = 1, availability = 1 }
[[site]]
id = "a"
url = "http://a.example/"
baseline_interaction = 0.42
)",
                                "t.toml");
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_EQ(c->indices.service.columns, 2);
  EXPECT_EQ(c->indices.disclosure.presence, 0.5);
  EXPECT_EQ(*c->sites[0].baseline.interaction, 0.42);
  EXPECT_FALSE(c->sites[0].baseline.disclosure.has_value());
}

TEST(IndicesConfig, Errors) {
  auto zero =
      config::parse_config("[indices]\ndisclosure = { presence = 0, freshness = 0 }\n", "t.toml");
  ASSERT_FALSE(zero);
  EXPECT_EQ(zero.error().key, "indices.disclosure");
  auto unknown = config::parse_config("[indices]\nservice = { colums = 1 }\n", "t.toml");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("columns"), std::string::npos) << unknown.error().message;
  auto range = config::parse_config(
      "[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\nbaseline_service = 1.5\n", "t.toml");
  ASSERT_FALSE(range);
  EXPECT_EQ(range.error().key, "site 'a'.baseline_service");
  EXPECT_EQ(range.error().line, 4);
}

}  // namespace
}  // namespace sitepatrol::reports
