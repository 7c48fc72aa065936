#include "app/console/charts.h"

#include <algorithm>
#include <cstdio>

#include "reports/html_escape.h"

namespace sitepatrol::app::console {

namespace {

std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  return text;
}

}  // namespace

std::string sparkline_svg(const std::vector<int>& values, std::string_view label) {
  if (values.size() < 2) return {};
  constexpr double kWidth = 100, kHeight = 24;
  const int top = std::max(1, *std::ranges::max_element(values));
  std::string points;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double x = kWidth * static_cast<double>(i) / static_cast<double>(values.size() - 1);
    const double y = kHeight - 2 - (kHeight - 4) * values[i] / top;
    if (!points.empty()) points += ' ';
    points += num(x) + "," + num(y);
  }
  return "<svg class=\"spark\" viewBox=\"0 0 100 24\" width=\"100\" height=\"24\" role=\"img\" "
         "aria-label=\"" +
         reports::html_escape(label) +
         "\"><polyline fill=\"none\" "
         "stroke=\"#1f5fa8\" stroke-width=\"1.5\" points=\"" +
         points + "\"/></svg>";
}

std::string availability_svg(const std::vector<std::optional<double>>& days,
                             std::string_view label) {
  constexpr double kBar = 10, kGap = 2, kHeight = 60;
  const double width = static_cast<double>(days.size()) * (kBar + kGap);
  std::string out = "<svg class=\"avail\" viewBox=\"0 0 " + num(width) + " " + num(kHeight) +
                    "\" width=\"" + num(width * 2) + "\" height=\"" + num(kHeight * 2) +
                    "\" role=\"img\" aria-label=\"" + reports::html_escape(label) + "\">";
  for (std::size_t i = 0; i < days.size(); ++i) {
    const double x = static_cast<double>(i) * (kBar + kGap);
    if (!days[i]) {
      out += "<rect x=\"" + num(x) + "\" y=\"" + num(kHeight - 2) + "\" width=\"" + num(kBar) +
             "\" height=\"2\" fill=\"#bbb\"/>";
      continue;
    }
    const double share = std::clamp(*days[i], 0.0, 1.0);
    const double h = std::max(2.0, kHeight * share);
    const char* color = share >= 0.99 ? "#2e7d32" : share >= 0.95 ? "#f9a825" : "#c62828";
    out += "<rect x=\"" + num(x) + "\" y=\"" + num(kHeight - h) + "\" width=\"" + num(kBar) +
           "\" height=\"" + num(h) + "\" fill=\"" + color + "\"><title>" + num(share * 100) +
           " %</title></rect>";
  }
  return out + "</svg>";
}

}  // namespace sitepatrol::app::console
