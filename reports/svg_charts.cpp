#include "reports/svg_charts.h"

#include <algorithm>
#include <cstdio>

#include "reports/html_escape.h"

namespace sitepatrol::reports {

namespace {

constexpr double kWidth = 720;
constexpr double kLabelWidth = 190;
constexpr double kBarArea = 440;
constexpr double kBarHeight = 11;
constexpr double kLegendHeight = 26;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string value_text(double v, bool percent, int decimals = -1) {
  char buf[32];
  if (decimals >= 0 && !percent) {
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  } else if (percent) {
    std::snprintf(buf, sizeof buf, "%.1f%%", v * 100);
  } else if (v == static_cast<long long>(v)) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", v);
  }
  return buf;
}

std::string open_svg(const std::string& id, const std::string& title, double height) {
  return "<svg class=\"chart\" data-chart=\"" + html_escape(id) +
         "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(kWidth) + " " +
         num(height) + "\" width=\"100%\" role=\"img\" aria-label=\"" + html_escape(title) +
         "\"><title>" + html_escape(title) + "</title>";
}

std::string legend(const std::vector<ChartSeries>& series) {
  std::string out;
  double x = kLabelWidth;
  for (const ChartSeries& s : series) {
    out += "<rect x=\"" + num(x) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" + s.color +
           "\"/><text x=\"" + num(x + 16) + "\" y=\"16\" font-size=\"11\">" + html_escape(s.name) +
           "</text>";
    std::size_t points = 0;  // code points: a CJK label is 3 bytes a character
    for (char c : s.name) points += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    x += 28 + 11.0 * static_cast<double>(std::min<std::size_t>(points, 30));
  }
  return out;
}

// Shortens a label to about `max` code points so it fits the label column.
std::string shorten(const std::string& label, std::size_t max) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if ((static_cast<unsigned char>(label[i]) & 0xC0) != 0x80 && ++points > max) {
      return label.substr(0, i) + "…";
    }
  }
  return label;
}

}  // namespace

std::string bar_chart_svg(const BarChart& chart) {
  double max = 0;
  for (const ChartSeries& s : chart.series) {
    for (double v : s.values) max = std::max(max, v);
  }
  for (const auto& m : chart.markers) {
    if (m) max = std::max(max, *m);
  }
  if (chart.max) max = *chart.max;
  if (max <= 0) max = 1;
  const double group =
      kBarHeight * static_cast<double>(std::max<std::size_t>(1, chart.series.size())) + 10;
  const double height = kLegendHeight + group * static_cast<double>(chart.categories.size()) + 20;
  std::string out = open_svg(chart.id, chart.title, height);
  out += legend(chart.legend.empty() ? chart.series : chart.legend);
  for (std::size_t c = 0; c < chart.categories.size(); ++c) {
    const double top = kLegendHeight + group * static_cast<double>(c);
    out += "<text x=\"" + num(kLabelWidth - 6) + "\" y=\"" + num(top + group / 2 + 2) +
           "\" font-size=\"11\" text-anchor=\"end\">" +
           html_escape(shorten(chart.categories[c], 14)) + "</text>";
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const double v = c < chart.series[s].values.size() ? chart.series[s].values[c] : 0;
      const double w = std::max(0.0, v) / max * kBarArea;
      const double y = top + 4 + kBarHeight * static_cast<double>(s);
      const ChartSeries& series = chart.series[s];
      const std::string& color = c < series.colors.size() ? series.colors[c] : series.color;
      out += "<rect class=\"bar\" x=\"" + num(kLabelWidth) + "\" y=\"" + num(y) + "\" width=\"" +
             num(w) + "\" height=\"" + num(kBarHeight - 2) + "\" fill=\"" + color +
             "\"/><text x=\"" + num(kLabelWidth + w + 4) + "\" y=\"" + num(y + 8) +
             "\" font-size=\"9\">" + value_text(v, chart.percent, chart.decimals) + "</text>";
    }
    if (c < chart.markers.size() && chart.markers[c]) {
      const double x = kLabelWidth + *chart.markers[c] / max * kBarArea;
      out += "<line class=\"target\" x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" +
             num(top + 2) + "\" y2=\"" + num(top + group - 6) +
             "\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>";
    }
  }
  const double axis = kLegendHeight + group * static_cast<double>(chart.categories.size());
  out += "<line x1=\"" + num(kLabelWidth) + "\" x2=\"" + num(kLabelWidth + kBarArea) + "\" y1=\"" +
         num(axis) + "\" y2=\"" + num(axis) + "\" stroke=\"#999\"/>";
  out += "<text x=\"" + num(kLabelWidth + kBarArea) + "\" y=\"" + num(axis + 14) +
         "\" font-size=\"9\" text-anchor=\"end\">" +
         value_text(max, chart.percent, chart.decimals) + "</text>";
  out += "</svg>";
  return out;
}

std::string line_chart_svg(const LineChart& chart) {
  constexpr double kHeight = 240;
  constexpr double kLeft = 50;
  constexpr double kTop = kLegendHeight + 10;
  constexpr double kPlot = 160;
  double max = 0;
  for (const ChartSeries& s : chart.series) {
    for (double v : s.values) max = std::max(max, v);
  }
  if (chart.max) max = *chart.max;
  if (max <= 0) max = 1;
  const std::size_t n = chart.points.size();
  auto x_of = [&](std::size_t i) {
    return n <= 1 ? kLeft + (kWidth - kLeft - 30) / 2
                  : kLeft +
                        (kWidth - kLeft - 30) * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  auto y_of = [&](double v) { return kTop + kPlot - std::max(0.0, v) / max * kPlot; };
  std::string out = open_svg(chart.id, chart.title, kHeight);
  std::string saved_legend = legend(chart.series);
  out += saved_legend;
  out += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(kWidth - 20) + "\" y1=\"" +
         num(kTop + kPlot) + "\" y2=\"" + num(kTop + kPlot) + "\" stroke=\"#999\"/>";
  out += "<text x=\"" + num(kLeft - 4) + "\" y=\"" + num(kTop + 4) +
         "\" font-size=\"9\" text-anchor=\"end\">" + value_text(max, false) + "</text>";
  for (std::size_t i = 0; i < n; ++i) {
    out += "<text x=\"" + num(x_of(i)) + "\" y=\"" + num(kTop + kPlot + 16) +
           "\" font-size=\"10\" text-anchor=\"middle\">" + html_escape(chart.points[i]) + "</text>";
  }
  for (const ChartSeries& s : chart.series) {
    std::string points;
    for (std::size_t i = 0; i < n && i < s.values.size(); ++i) {
      points += (i ? " " : "") + num(x_of(i)) + "," + num(y_of(s.values[i]));
      out += "<circle cx=\"" + num(x_of(i)) + "\" cy=\"" + num(y_of(s.values[i])) +
             "\" r=\"3\" fill=\"" + s.color + "\"/>";
    }
    out += "<polyline class=\"series\" fill=\"none\" stroke=\"" + s.color +
           "\" stroke-width=\"2\" points=\"" + points + "\"/>";
  }
  out += "</svg>";
  return out;
}

}  // namespace sitepatrol::reports
