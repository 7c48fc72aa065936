#include "reports/svg_charts.h"

#include <algorithm>
#include <cmath>
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

// The width of `text` at font size 11: a CJK (multi-byte) character is about 11 units, an
// ASCII one about 6.5.
double text_width(std::string_view text) {
  double w = 0;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) w += 6.5;
    else if ((b & 0xC0) != 0x80) w += 11;
  }
  return w;
}

// The series' swatches and names, and the target marker's dashed line with its meaning.
std::string legend(const std::vector<ChartSeries>& series, const std::string& marker_label) {
  std::string out;
  double x = kLabelWidth;
  for (const ChartSeries& s : series) {
    out += "<rect x=\"" + num(x) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" + s.color +
           "\"/><text x=\"" + num(x + 16) + "\" y=\"16\" font-size=\"11\">" + html_escape(s.name) +
           "</text>";
    x += 28 + std::min(text_width(s.name), 200.0);
  }
  if (!marker_label.empty()) {
    out += "<line class=\"target\" x1=\"" + num(x + 6) + "\" x2=\"" + num(x + 6) +
           "\" y1=\"4\" y2=\"20\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>"
           "<text x=\"" + num(x + 16) + "\" y=\"16\" font-size=\"11\">" + html_escape(marker_label) +
           "</text>";
  }
  return out;
}

// Shortens a label to about `max` units of text_width so it fits the label column.
std::string shorten(const std::string& label, double max) {
  if (text_width(label) <= max) return label;
  // Cut before the first character that would leave no room for the ellipsis.
  double width = 0;
  std::size_t end = 0;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if ((static_cast<unsigned char>(label[i]) & 0xC0) == 0x80) continue;
    if (width > max - 11) break;
    end = i;
    width += static_cast<unsigned char>(label[i]) < 0x80 ? 6.5 : 11;
  }
  return label.substr(0, end) + "…";
}

// The value axis under the bars: ticks at 0, ¼, ½, ¾ and all of `max`, each with its value,
// and faint grid lines up through the bars so a bar can be read against them.
std::string value_axis(double top, double axis, double max, bool percent, int decimals) {
  std::string out = "<g class=\"axis\">";
  out += "<line x1=\"" + num(kLabelWidth) + "\" x2=\"" + num(kLabelWidth + kBarArea) +
         "\" y1=\"" + num(axis) + "\" y2=\"" + num(axis) + "\" stroke=\"#999\"/>";
  // Counts get whole-number ticks (0 1 2 3, not 0 0.75 1.50): rounded, each once.
  const bool whole = !percent && decimals < 0;
  double previous = -1;
  for (int i = 0; i <= 4; ++i) {
    const double value = whole ? std::round(max * i / 4.0) : max * i / 4.0;
    if (value == previous) continue;
    previous = value;
    const double x = kLabelWidth + kBarArea * value / max;
    out += "<line x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + num(top) + "\" y2=\"" +
           num(axis + 3) + "\" stroke=\"#ddd\"/>";
    out += "<text class=\"tick\" x=\"" + num(x) + "\" y=\"" + num(axis + 14) +
           "\" font-size=\"9\" text-anchor=\"middle\">" +
           value_text(value, percent, decimals) + "</text>";
  }
  return out + "</g>";
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
  out += legend(chart.legend.empty() ? chart.series : chart.legend, chart.marker_label);
  const double axis = kLegendHeight + group * static_cast<double>(chart.categories.size());
  out += value_axis(kLegendHeight, axis, max, chart.percent, chart.decimals);
  for (std::size_t c = 0; c < chart.categories.size(); ++c) {
    const double top = kLegendHeight + group * static_cast<double>(c);
    out += "<text x=\"" + num(kLabelWidth - 6) + "\" y=\"" + num(top + group / 2 + 2) +
           "\" font-size=\"11\" text-anchor=\"end\">" +
           html_escape(shorten(chart.categories[c], kLabelWidth - 10)) + "</text>";
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
  std::string saved_legend = legend(chart.series, "");
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
