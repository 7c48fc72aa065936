// Dates as the configuration writes them: "2026-12-05". A light header of its own, so the
// reports can read such dates ([report] holidays, detail values) without the TOML reader.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace sitepatrol::config::detail {

// "2026-12-05" (exactly YYYY-MM-DD, a real date); nullopt otherwise.
std::optional<std::chrono::sys_days> parse_ymd(const std::string& text);

}  // namespace sitepatrol::config::detail
