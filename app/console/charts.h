// The console's two small inline SVG charts (no script, no external resource, allowed by the
// console's Content-Security-Policy): a sparkline of a site's findings over its recent runs,
// and a bar per day of its homepage's availability. Labels are the caller's escaped text.
// Pure functions; any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::app::console {

// `values` oldest first; "" when there are fewer than two.
std::string sparkline_svg(const std::vector<int>& values, std::string_view label);

// One bar per day, its height the day's up share; a day without probes is a grey stub.
std::string availability_svg(const std::vector<std::optional<double>>& days,
                             std::string_view label);

}  // namespace sitepatrol::app::console
