// What a restarted daemon reads back for its gauges (store/metrics_state.h), on a real file.
#include "store/metrics_state.h"

#include <gtest/gtest.h>

#include "store/sql_store.h"
#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

class MetricsState : public testdb::EngineTest {};


std::int64_t run(Store& store, const char* started, const char* finished,
                 const std::vector<std::pair<std::string, std::string>>& coverage) {
  std::vector<std::string> sites;
  for (const auto& [site, _] : coverage) sites.push_back(site);
  auto id = store.begin_run(started, sites);
  EXPECT_TRUE(id) << id.error().message;
  for (const auto& [site, state] : coverage) {
    SiteCoverage c;
    c.state = state;
    EXPECT_TRUE(store.save_coverage(*id, site, c));
  }
  EXPECT_TRUE(store.finish_run(*id, finished, {}));
  return *id;
}

TEST_P(MetricsState, LatestRunAndLastSuccessPerSite) {
  const auto file = db_.name();
  auto opened = open_store(file);
  ASSERT_TRUE(opened) << opened.error().message;
  Store& store = **opened;
  const auto r1 = run(store, "2026-11-01T02:00:00Z", "2026-11-01T02:10:00Z",
                      {{"a", "complete"}, {"b", "complete"}});
  const auto r2 =
      run(store, "2026-11-02T02:00:00Z", "2026-11-02T02:10:00Z", {{"a", "down"}, {"b", "partial"}});
  const auto r3 =
      run(store, "2026-11-03T02:00:00Z", "2026-11-03T02:10:00Z", {{"a", "maintenance"}});
  auto state = load_metrics_state(file);
  ASSERT_TRUE(state) << state.error().message;
  EXPECT_EQ(state->latest_run.at("a"), r3);
  EXPECT_EQ(state->latest_run.at("b"), r2);
  // a was last examined by the first run (down and maintenance examine nothing).
  EXPECT_EQ(state->last_success.at("a"), 1'793'499'000);  // 2026-11-01T02:10:00Z
  EXPECT_EQ(state->last_success.at("b"), 1'793'585'400);  // 2026-11-02T02:10:00Z
  (void)r1;
  EXPECT_TRUE(state->cert_not_after.empty());
}

TEST_P(MetricsState, CertificateExpiryIsRememberedAndReplaced) {
  const auto file = db_.name();
  auto opened = open_store(file);
  ASSERT_TRUE(opened) << opened.error().message;
  ASSERT_TRUE(save_cert_not_after(file, {{"a", 100}, {"b", 200}}));
  ASSERT_TRUE(save_cert_not_after(file, {{"a", 300}}));
  auto state = load_metrics_state(file);
  ASSERT_TRUE(state) << state.error().message;
  EXPECT_EQ(state->cert_not_after, (std::map<std::string, std::int64_t>{{"a", 300}, {"b", 200}}));
}

INSTANTIATE_TEST_SUITE_P(Engines, MetricsState, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
