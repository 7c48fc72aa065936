// Accepted HTTP statuses written as ranges: "403", "200-299", "200..=204" (lychee's form),
// for `accept_status` in [patrol] and [[site]], and `status` in [[accept]] (per target host).
//
// A link answering an accepted status is not broken. The older `accepted_status` (integers)
// keeps working beside them. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "config/config.h"

namespace sitepatrol::config {

// "403" -> {403, 403}; "200-299" and "200..=299" -> {200, 299}. nullopt unless both ends are
// statuses 100..999 and the first is not above the second.
std::optional<StatusRange> parse_status_range(std::string_view text);

// For TableReader::read: "" when `text` is a status range, else why not.
std::string check_status_range(std::string& text);

bool status_in(std::span<const StatusRange> ranges, int status);

}  // namespace sitepatrol::config
