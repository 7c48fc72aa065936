// The console's stylesheet and its one small script, served from /static/ (the
// Content-Security-Policy allows no inline style or script). The script only sorts tables
// in the browser; every page works without it.
#pragma once

#include <string_view>

namespace sitepatrol::app::console {

extern const std::string_view kConsoleCss;
extern const std::string_view kConsoleJs;

}  // namespace sitepatrol::app::console
