// Inline SVG charts for the HTML report: horizontal grouped bars and month-by-month lines.
// No script, no external resource; sizes in user units so the chart scales with the page
// and prints. Every label passes through html_escape. Each chart is an <svg> with
// class="chart" and a data-chart attribute naming it (the browser test looks for them).
// Pure functions; any thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sitepatrol::reports {

struct ChartSeries {
  std::string name;
  std::string color;                // CSS colour, our own constant
  std::vector<double> values;       // one per category
  std::vector<std::string> colors;  // bar charts: a colour per value (else `color`)
};

struct BarChart {
  std::string id;  // data-chart value
  std::string title;
  std::vector<std::string> categories;  // one group of bars per category (site names)
  std::vector<ChartSeries> series;
  std::optional<double> max;                   // axis end; default: the largest value
  std::vector<std::optional<double>> markers;  // per category: a target tick (indices)
  std::string marker_label;                    // the markers' legend entry ("" : none)
  bool percent = false;                        // values are shares shown as %
  int decimals = -1;                           // value labels: fixed decimals; -1 = as needed
  std::vector<ChartSeries> legend;             // legend entries (name, color); default: the series
};

struct LineChart {
  std::string id;
  std::string title;
  std::vector<std::string> points;  // x labels (months)
  std::vector<ChartSeries> series;
  std::optional<double> max;
};

std::string bar_chart_svg(const BarChart& chart);
std::string line_chart_svg(const LineChart& chart);

}  // namespace sitepatrol::reports
