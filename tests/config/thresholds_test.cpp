#include "config/config.h"

#include <gtest/gtest.h>

namespace sitepatrol::config {
namespace {

TEST(Thresholds, ContractDefaults) {
  const auto& d = default_thresholds();
  EXPECT_EQ(d.at("news"), 14);
  EXPECT_EQ(d.at("notice"), 180);
  EXPECT_EQ(d.at("policy"), 180);
  EXPECT_EQ(d.at("personnel"), 365);
  EXPECT_EQ(d.at("planning"), 365);
  EXPECT_EQ(d.at("finance"), 365);
  EXPECT_EQ(d.at("statistics"), 365);
  EXPECT_EQ(d.at("disclosure"), 365);
  EXPECT_EQ(d.at("mailbox_stats"), 183);
  EXPECT_FALSE(d.contains("static"));
  EXPECT_EQ(column_classes().size(), 11u);  // the contract's ten and "other"
  EXPECT_EQ(column_classes().back(), "static");
}

TEST(Thresholds, ColumnOverThresholdsOverDefaults) {
  Config config;  // built by hand: no [thresholds] merged in
  ColumnConfig column{"要闻", "http://a.example/yw/", "news", std::nullopt, ""};
  EXPECT_EQ(max_age_days(config, column), 14);
  config.thresholds["news"] = 10;
  EXPECT_EQ(max_age_days(config, column), 10);
  column.max_age_days = 3;
  EXPECT_EQ(max_age_days(config, column), 3);
}

TEST(Thresholds, StaticAndUnknownHaveNoLimit) {
  const Config config;
  EXPECT_EQ(max_age_days(config, "static"), std::nullopt);
  EXPECT_EQ(max_age_days(config, "gallery"), std::nullopt);
}

}  // namespace
}  // namespace sitepatrol::config
