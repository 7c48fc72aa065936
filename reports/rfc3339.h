// Reading the RFC 3339 times the store keeps ("2026-11-25T02:00:03Z"), for the reports'
// durations and local times. Pure; any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sitepatrol::reports {

// Seconds since the epoch of an RFC 3339 time: 2026-11-25T02:00:03Z, with optional
// fractional seconds (ignored) and a numeric offset instead of Z; nullopt otherwise.
std::optional<std::int64_t> parse_rfc3339(std::string_view s);

}  // namespace sitepatrol::reports
