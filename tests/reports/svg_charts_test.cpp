// The bar charts as a reader reads them: a value axis with numbers, the target marker named
// in the legend, labels whole or shortened to fit, never a code cut to "INTERACT-UNANS…".
#include "reports/svg_charts.h"

#include <gtest/gtest.h>

namespace sitepatrol::reports {
namespace {

int count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

BarChart availability() {
  BarChart chart;
  chart.id = "availability";
  chart.title = "各网站首页可用率";
  chart.percent = true;
  chart.max = 1.0;
  chart.categories = {"湖北省交通运输厅", "INTERACT-UNANSWERED"};
  chart.series = {ChartSeries{"可用率", "#2a7ab8", {0.98, 0.5}, {}}};
  chart.markers = {0.95, 0.95};
  chart.marker_label = "一票否决线（不可用率5%）";
  return chart;
}

TEST(BarChartSvg, HasAValueAxisWithNumbers) {
  const std::string svg = bar_chart_svg(availability());
  EXPECT_EQ(count(svg, "<text class=\"tick\""), 5) << svg;
  for (const char* tick : {">0.0%<", ">25.0%<", ">50.0%<", ">75.0%<", ">100.0%<"})
    EXPECT_NE(svg.find(tick), std::string::npos) << tick;
}

TEST(BarChartSvg, CountsGetWholeNumberTicks) {
  BarChart counts;
  counts.categories = {"断链", "错别字"};
  counts.series = {ChartSeries{"数量", "#c40", {3, 1}, {}}};
  const std::string svg = bar_chart_svg(counts);
  for (const char* tick : {">0<", ">1<", ">2<", ">3<"})
    EXPECT_NE(svg.find(std::string("font-size=\"9\" text-anchor=\"middle\"") + tick),
              std::string::npos) << tick << svg;
  EXPECT_EQ(svg.find(">0.75<"), std::string::npos);
  EXPECT_EQ(count(svg, "<text class=\"tick\""), 4);
}

TEST(BarChartSvg, TheTargetMarkerIsExplained) {
  const std::string svg = bar_chart_svg(availability());
  EXPECT_NE(svg.find(">一票否决线（不可用率5%）</text>"), std::string::npos) << svg;
  // One dashed line in the legend, one per category.
  EXPECT_EQ(count(svg, "<line class=\"target\""), 3);
  BarChart plain = availability();
  plain.marker_label.clear();
  EXPECT_EQ(count(bar_chart_svg(plain), "<line class=\"target\""), 2) << "no legend entry";
}

TEST(BarChartSvg, LabelsFitWithoutCuttingCodes) {
  const std::string svg = bar_chart_svg(availability());
  EXPECT_NE(svg.find(">INTERACT-UNANSWERED</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">湖北省交通运输厅</text>"), std::string::npos);
  BarChart long_name = availability();
  long_name.categories[0] = "中华人民共和国交通运输部长江航务管理局长江三峡通航管理局";
  const std::string cut = bar_chart_svg(long_name);
  EXPECT_NE(cut.find("中华人民共和国交通运输部长江航…</text>"), std::string::npos) << cut;
}

TEST(BarChartSvg, NothingIsDrawnPastTheRightEdge) {
  BarChart chart = availability();
  chart.series[0].name = "availability of the homepage";
  chart.marker_label = "veto line (5 % unavailable)";
  const std::string svg = bar_chart_svg(chart);
  // Every x in the chart stays inside the 720-unit view box.
  std::size_t at = 0;
  while ((at = svg.find(" x=\"", at)) != std::string::npos) {
    at += 4;
    EXPECT_LT(std::stod(svg.substr(at)), 700.0) << svg.substr(at - 30, 80);
  }
}

}  // namespace
}  // namespace sitepatrol::reports
